package org.backgrounder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backgrounder.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestCommandTest {

  @TempDir
  Path tmp;

  private Path config(String settings) throws IOException {
    Path config = Files.createDirectories(tmp.resolve("config"));
    Files.createDirectories(config.resolve("facts"));
    Files.copy(TestPaths.shippedConfig().resolve("facts/cartels-fto.yaml"),
        config.resolve("facts/cartels-fto.yaml"));
    Files.writeString(config.resolve("backgrounder.yaml"), settings);
    return config;
  }

  private CliTest.Run digest(Path config, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "--config";
    args[1] = config.toString();
    args[2] = "--data";
    args[3] = tmp.resolve("data").toString();
    System.arraycopy(more, 0, args, 4, more.length);
    return CliTest.run(args);
  }

  @Test
  void digest_noDigestsConfigured_printsEveryStoryOverTheWindow() throws IOException {
    CliTest.Run r = digest(config(""), "digest", "--since", "2026-11-20T08:30Z");

    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("What's new since Fri Nov 20, 08:30")
        .contains("U.S. designates Mexican cartels").contains("Nothing new.")
        .contains("no digests are configured");
  }

  @Test
  void digest_configuredDigest_printsWhatItWouldPostAndWhetherItWould() throws IOException {
    Path config = config(String.join("\n",
        "digests:",
        "  - { platform: slack, channel: C0DESK, at: \"08:30\", zone: America/Mexico_City }",
        ""));
    CliTest.Run r = digest(config, "digest");

    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("== to slack C0DESK (nothing new: it would not be posted) ==")
        .contains("The whole story, in order: /timeline");
  }

  @Test
  void digest_postToAPlatformThatIsNotConfigured_saysSoAndLosesNothing() throws IOException {
    Path config = config(String.join("\n",
        "digests:",
        "  - { platform: matrix, channel: \"!desk:newsroom.example\", at: \"08:30\","
            + " skip_if_empty: false }",
        ""));
    CliTest.Run r = digest(config, "digest", "--post");

    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("matrix !desk:newsroom.example: not posted: matrix is not"
        + " configured");
  }

  @Test
  void digest_badSince_isAClearUsageError() throws IOException {
    CliTest.Run r = digest(config(""), "digest", "--since", "yesterday");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("'yesterday' is not a time such as 2025-02-20T08:30Z");
  }
}

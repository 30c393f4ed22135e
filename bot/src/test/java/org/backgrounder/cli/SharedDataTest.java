package org.backgrounder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backgrounder.TestPaths;
import org.backgrounder.index.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands beside a running Backgrounder on the same data folder: its index is held (as a chat,
 * run or ingest holds it), readers still answer, and a second writer is told plainly.
 */
class SharedDataTest {

  @TempDir
  Path tmp;

  private Path config;
  private Path data;

  @BeforeEach
  void story() throws IOException {
    config = Files.createDirectories(tmp.resolve("config"));
    Files.createDirectories(config.resolve("facts"));
    Files.copy(TestPaths.resource("stories/port-strike/facts/port-strike.yaml"),
        config.resolve("facts/port-strike.yaml"));
    Files.writeString(config.resolve("backgrounder.yaml"), "");
    data = tmp.resolve("data");
  }

  private CliTest.Run run(String... args) {
    String[] all = new String[4 + args.length];
    all[0] = "--config";
    all[1] = config.toString();
    all[2] = "--data";
    all[3] = data.toString();
    System.arraycopy(args, 0, all, 4, args.length);
    return CliTest.run(all);
  }

  @Test
  void ask_withAnUnreachablePostgresqlStore_namesTheSettingsToCheck() throws Exception {
    Files.writeString(config.resolve("backgrounder.yaml"), "store:\n"
        + "  url: postgresql://127.0.0.1:1/backgrounder\n  user: bot\n");
    CliTest.Run r = run("ask", "Who won the crane automation contract?");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("cannot connect to PostgreSQL at"
        + " jdbc:postgresql://127.0.0.1:1/backgrounder as bot (store.url, store.user,"
        + " store.password)");
    assertThat(data.resolve("backgrounder.db")).doesNotExist();
  }

  /** The index of the data folder, held as a running bot holds it. */
  private SearchIndex runningBot() throws IOException {
    assertThat(run("ask", "warm up").status()).isZero();
    return SearchIndex.open(data.resolve("index"));
  }

  @Test
  void ask_besideARunningBot_answersFromTheSameFacts() throws Exception {
    try (SearchIndex held = runningBot()) {
      CliTest.Run r = run("ask", "--json", "Who won the crane automation contract?");

      assertThat(r.status()).isZero();
      JsonNode o = new ObjectMapper().readTree(r.out());
      assertThat(o.get("answered").asBoolean()).isTrue();
      assertThat(o.get("facts").get(0).get("id").asText()).isEqualTo("kestrel-contract");
      assertThat(r.err()).doesNotContain("Lock").doesNotContain("something went wrong");
    }
  }

  @Test
  void digest_besideARunningBot_printsTheDigest() throws Exception {
    try (SearchIndex held = runningBot()) {
      CliTest.Run r = run("digest", "--since", "2026-03-01T00:00Z");

      assertThat(r.status()).isZero();
      assertThat(r.out()).contains("What's new since").contains("no digests are configured");
      assertThat(r.err()).doesNotContain("Lock").doesNotContain("something went wrong");
    }
  }

  @Test
  void ingest_besideARunningBot_saysAnotherBackgrounderIsUsingTheFolder() throws Exception {
    try (SearchIndex held = runningBot()) {
      CliTest.Run r = run("ingest");

      assertThat(r.status()).isEqualTo(1);
      assertThat(r.err()).isEqualTo("backgrounder: another Backgrounder is using " + data
          + " (a chat, run or ingest); stop it first, or give this one another folder with"
          + " --data DIR" + System.lineSeparator());
    }
  }
}

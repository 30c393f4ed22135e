package org.backgrounder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backgrounder.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

  @TempDir
  Path dir;

  private CliTest.Run eval(String set, String... flags) throws IOException {
    Path file = dir.resolve("set.jsonl");
    Files.writeString(file, set, StandardCharsets.UTF_8);
    String[] args = new String[5 + flags.length];
    args[0] = "--config";
    args[1] = TestPaths.shippedConfig().toString();
    args[2] = "--data";
    args[3] = dir.resolve("data").toString();
    args[4] = "eval";
    System.arraycopy(flags, 0, args, 5, flags.length);
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[all.length - 1] = file.toString();
    return CliTest.run(all);
  }

  private static final String SET = """
      {"q": "When was the executive order published?", "facts": ["eo-published"]}
      {"q": "¿Cuándo se publicó la orden ejecutiva en el Registro Federal?", "facts": ["eo-published"], "lang": "es"}
      # an uncovered question: no fact says what the weather was
      {"q": "What was the weather in Mexico City on election day?", "decline": true}
      """;

  @Test
  void eval_coveredAndUncovered_printsRecallPerLanguageAndOverreach() throws IOException {
    CliTest.Run r = eval(SET);

    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("all  recall").contains("en   recall").contains("es   recall")
        .contains("overreach 0.0% (0/1)").contains("links not on file: 0")
        .containsPattern("all  recall .* declined but offered \\d+/\\d+");
  }

  @Test
  void eval_belowAThreshold_exitsOneAndSaysWhich() throws IOException {
    CliTest.Run r = eval("{\"q\": \"When was the executive order published?\","
        + " \"facts\": [\"rubio-determination\"]}\n", "--min-recall", "0.9");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("wrong fact first: line 1").contains("want rubio-determination")
        .contains("below the thresholds: recall 0.0% < 90.0%");
  }

  @Test
  void eval_declinedWithTheRightFactOffered_saysWhereAndWhatItDoesNotSay() throws IOException {
    // No fact of the shipped story names a navy, so the bot declines and offers the closest facts
    CliTest.Run r = eval("{\"q\": \"When was the executive order published in the Navy"
        + " Gazette?\", \"facts\": [\"eo-published\"]}\n");

    assertThat(r.out()).contains("declined, but covered: line 1")
        .containsPattern("offered as closest #[123]: eo-published, which does not say navy")
        .contains("declined but offered 1/1");
  }

  @Test
  void eval_malformedLine_isAUsageErrorNamingTheLine() throws IOException {
    CliTest.Run r = eval("{\"q\": \"fine\", \"decline\": true}\n{\"q\": \"neither\"}\n");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("line 2").contains("\"decline\": true");
  }
}

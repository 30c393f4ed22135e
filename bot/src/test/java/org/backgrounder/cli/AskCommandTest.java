package org.backgrounder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backgrounder.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AskCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path data;

  private CliTest.Run ask(String... args) {
    List<String> all = new ArrayList<>(List.of("--config", TestPaths.shippedConfig().toString(),
        "--data", data.toString(), "ask"));
    all.addAll(List.of(args));
    return CliTest.run(all.toArray(String[]::new));
  }

  @Test
  void json_hasTheFieldsOfTheContract() throws Exception {
    CliTest.Run r = ask("--json", "Who designated the cartels as terrorist organizations?");

    assertThat(r.status()).isZero();
    JsonNode o = JSON.readTree(r.out());
    assertThat(o.get("question").asText()).isEqualTo("Who designated the cartels as terrorist organizations?");
    assertThat(o.get("answered").asBoolean()).isTrue();
    assertThat(o.get("answer").asText()).contains("[1]");
    JsonNode fact = o.get("facts").get(0);
    assertThat(fact.get("id").asText()).isEqualTo("fto-designation");
    assertThat(fact.get("story").asText()).isEqualTo("cartels-fto");
    assertThat(fact.get("date").asText()).isEqualTo("2025-02-20");
    assertThat(fact.get("status").asText()).isEqualTo("confirmed");
    JsonNode c = o.get("citations").get(0);
    assertThat(c.get("n").asInt()).isEqualTo(1);
    assertThat(c.get("url").asText()).startsWith("https://");
    assertThat(c.has("title") && c.has("outlet") && c.has("published") && c.has("kind")
        && c.has("source_id")).isTrue();
    assertThat(o.get("feed_items").isArray()).isTrue();
  }

  @Test
  void json_declined_saysSoAndCitesNothing() throws Exception {
    JsonNode o = JSON.readTree(ask("--json", "What is the capital of France?").out());

    assertThat(o.get("answered").asBoolean()).isFalse();
    assertThat(o.get("answer").asText()).startsWith("I have no sourced answer to that.");
    assertThat(o.get("facts")).isEmpty();
    assertThat(o.get("citations")).isEmpty();
  }

  @Test
  void batch_printsOneObjectPerLineInOrder_evenForEmptyLines() throws Exception {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      in.append(switch (i % 4) {
        case 0 -> "When was the executive order published?";
        case 1 -> "";
        case 2 -> "¿Qué sabemos del Cártel de Sinaloa?";
        default -> "zzzz " + i;
      }).append('\n');
    }
    InputStream before = System.in;
    CliTest.Run r;
    try {
      System.setIn(new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.UTF_8)));
      r = ask("--batch", "--json");
    } finally {
      System.setIn(before);
    }

    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(100);
    for (int i = 0; i < 100; i++) {
      JsonNode o = JSON.readTree(lines.get(i));
      assertThat(o.get("question").asText()).isEqualTo(in.toString().split("\n", -1)[i]);
      assertThat(o.get("answered").asBoolean()).isEqualTo(i % 4 == 0 || i % 4 == 2);
    }
  }

  @Test
  void text_printsTheAnswerAndItsSources() {
    CliTest.Run r = ask("When", "was", "the", "executive", "order", "published?");

    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("published in the Federal Register on January 29, 2025")
        .contains("Sources:\n[1] ");
  }

  @Test
  void text_commandsWorkToo() {
    assertThat(ask("/fact", "eo-published").out()).contains("Executive Order 14157 was published in the"
        + " Federal Register on January 29, 2025").doesNotContain("2025: Executive Order");
  }

  @Test
  void noQuestion_isAUsageError() {
    CliTest.Run r = ask();

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("give a question");
  }

  @Test
  void brokenFactFiles_refuseToStartAndListEveryError(@TempDir Path config) throws Exception {
    java.nio.file.Files.createDirectories(config.resolve("facts"));
    java.nio.file.Files.copy(TestPaths.resource("facts/broken/bad-dates.yaml"),
        config.resolve("facts/bad.yaml"));

    CliTest.Run r = CliTest.run("--config", config.toString(), "--data", data.toString(), "ask", "x");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("bad.yaml:5:13: 'reviewed' must be a date")
        .contains("the fact files have 7 errors");
  }
}

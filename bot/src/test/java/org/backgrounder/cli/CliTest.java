package org.backgrounder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backgrounder.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  /** What a run printed and returned. */
  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void help_listsTheGlobalOptionsAndCheck() {
    Run r = run("--help");

    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("--config=DIR", "--data=DIR", "check", "--version");
  }

  @Test
  void help_givesEveryCommandAWholeOneLineSummary() {
    Run r = run("--help");

    String commands = r.out().substring(r.out().indexOf("Commands:"));
    assertThat(commands).contains("Chat with the bot in the terminal; /quit or Ctrl-D ends it.",
        "Answer one question (or one a line with --batch) and exit.");
    for (String name : java.util.List.of("chat", "run", "ask", "check", "ingest", "digest",
        "bench")) {
      assertThat(commands.lines().filter(l -> l.strip().startsWith(name + " ")).findFirst())
          .as(name).hasValueSatisfying(l -> assertThat(l.strip()).endsWith("."));
    }
  }

  @Test
  void bench_json_includesTheDeskPages() {
    Run r = run("--config", TestPaths.shippedConfig().toString(), "bench", "--facts", "50",
        "--items", "1000", "--questions", "5", "--ingest-items", "0", "--poll-feeds", "0",
        "--desk-audit", "1000", "--json");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"store\":\"sqlite\"");
    assertThat(r.out()).contains("\"desk_overview_ms\":", "\"desk_gaps_ms\":",
        "\"desk_feedback_ms\":", "\"desk_facts_ms\":", "\"desk_feeds_ms\":",
        "\"desk_timeline_ms\":", "\"desk_gaps_csv_ms\":");
  }

  @Test
  void bench_json_measuresIngestAndA304PollCycleOnTheStore() {
    Run r = run("--config", TestPaths.shippedConfig().toString(), "bench", "--facts", "50",
        "--items", "100", "--questions", "5", "--ingest-items", "250", "--poll-feeds", "20",
        "--desk-audit", "0", "--json");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"store\":\"sqlite\"", "\"ingest_items_per_s\":",
        "\"poll_304_cycle_s\":");
  }

  @Test
  void bench_writeFeeds_writesFeedsThatIngestReadsWhole(@TempDir Path dir) throws Exception {
    Run written = run("--config", TestPaths.shippedConfig().toString(), "bench", "--write-feeds",
        dir.toString(), "--feed-files", "2");
    assertThat(written.status()).as(written.err()).isZero();
    assertThat(dir.resolve("config-postgresql/backgrounder.yaml"))
        .content().contains("url: ${BACKGROUNDER_DB_URL}");

    Run ingested = run("--config", dir.resolve("config-sqlite").toString(), "--data",
        dir.resolve("data").toString(), "ingest");

    assertThat(ingested.status()).as(ingested.err()).isZero();
    assertThat(ingested.out()).contains("2 feeds: 500 new items, 0 failed; 500 items indexed");
  }

  @Test
  void version_printsTheBuild() {
    Run r = run("--version");

    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("backgrounder ");
  }

  @Test
  void check_shippedFacts_printsOnlyASummaryAndSucceeds() {
    Run r = run("check", TestPaths.shippedConfig().resolve("facts").toString());

    assertThat(r.status()).isZero();
    assertThat(r.out().lines()).hasSize(1);
    assertThat(r.out()).contains("1 story, ").contains("; no problems");
  }

  @Test
  void check_defaultPath_isTheConfigFactsFolder() {
    Run r = run("--config", TestPaths.shippedConfig().toString(), "check");

    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith(TestPaths.shippedConfig().resolve("facts").toString());
  }

  @Test
  void check_configGivenAfterTheCommand_isHonouredToo() {
    Run r = run("check", "--config", TestPaths.shippedConfig().toString());

    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith(TestPaths.shippedConfig().resolve("facts").toString());
  }

  @Test
  void check_brokenFolder_printsOneLinePerProblemAndFails() {
    Path broken = TestPaths.resource("facts/broken");

    Run r = run("check", broken.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    var lines = r.out().lines().toList();
    assertThat(lines.subList(0, lines.size() - 1))
        .allMatch(l -> l.matches(".+\\.yaml:\\d+:\\d+: .+"), "file:line:column: message");
    assertThat(lines.get(lines.size() - 1)).contains(" errors in ")
        .contains(" files; fix the errors above");
    assertThat(lines).anyMatch(l -> l.endsWith("duplicate-keys.yaml:5:3: duplicate key 'title'"
        + " (first used at line 4); remove one of them"));
  }

  @Test
  void check_fileWithErrors_summarySaysWhatHappensToIt_notZeroStories() {
    Run r = run("check", TestPaths.resource("facts/broken/bad-dates.yaml").toString());

    String summary = r.out().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(r.status()).isEqualTo(1);
    assertThat(summary).endsWith("bad-dates.yaml: 7 errors; fix the errors above. A file with"
        + " errors is not served: the bot will not start with it, and a running bot keeps its last"
        + " good version.").doesNotContain("0 stories");
  }

  @Test
  void check_folderWithOneBrokenFile_countsTheValidOthers(@TempDir Path facts) throws Exception {
    Files.copy(TestPaths.resource("facts/broken/bad-dates.yaml"), facts.resolve("bad.yaml"));
    Files.copy(TestPaths.resource("stories/port-strike/facts/port-strike.yaml"),
        facts.resolve("port-strike.yaml"));

    Run r = run("check", facts.toString());

    assertThat(r.out().lines().reduce((a, b) -> b).orElseThrow())
        .contains(": 7 errors, 1 warning in 1 file; fix the errors above.")
        .contains("The other files are valid: 1 story, ");
  }

  @Test
  void check_storyReviewedLongerAgoThanStaleAfter_isWarnedAbout(@TempDir Path config)
      throws Exception {
    Files.createDirectories(config.resolve("facts"));
    Path story = config.resolve("facts/port-strike.yaml");
    Files.writeString(story, Files.readString(TestPaths.resource(
        "stories/port-strike/facts/port-strike.yaml")).replace("reviewed: 2026-03-20",
        "reviewed: " + java.time.LocalDate.now().minusDays(91)));

    Run old = run("--config", config.toString(), "check");
    Files.writeString(config.resolve("backgrounder.yaml"), "answers: { stale_after: 120d }\n");
    Run lenient = run("--config", config.toString(), "check");

    assertThat(old.status()).isZero();
    assertThat(old.out()).contains(story + ":1:1: warning: the story 'port-strike' was last"
        + " reviewed on " + java.time.LocalDate.now().minusDays(91) + ", more than 90 days ago"
        + " (answers.stale_after)").contains("; 1 warning");
    assertThat(lenient.out()).doesNotContain("last reviewed").contains("no problems");
  }

  @Test
  void check_missingConfigFolder_saysWhatToDo() {
    Run r = run("--config", "/nonexistent/config", "check");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("the config folder '/nonexistent/config' does not exist");
  }

  @Test
  void unknownCommand_isRefusedWithUsage() {
    Run r = run("frobnicate");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("Unmatched argument at index 0: 'frobnicate'");
  }
}

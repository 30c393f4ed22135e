package org.backgrounder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.backgrounder.TestPaths;
import org.junit.jupiter.api.Test;

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
    assertThat(lines.get(lines.size() - 1)).contains(" errors; fix the errors above");
    assertThat(lines).anyMatch(l -> l.endsWith("duplicate-keys.yaml:5:3: duplicate key 'title'"
        + " (first used at line 4); remove one of them"));
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

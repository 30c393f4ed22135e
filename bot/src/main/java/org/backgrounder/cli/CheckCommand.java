package org.backgrounder.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.backgrounder.facts.FactFile;
import org.backgrounder.facts.FactFileLoader;
import org.backgrounder.facts.LinkChecker;
import org.backgrounder.config.ConfigException;
import org.backgrounder.config.Settings;
import org.backgrounder.yaml.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code check [PATH]}: validates fact files and prints every problem as file:line:column. */
@Command(name = "check", mixinStandardHelpOptions = true,
    header = "Check fact files; print each problem as file:line:column.",
    description = {"Validates fact files (a file or a folder; default: the config's facts/) and",
        "prints every problem as file:line:column: message. Exit status 0 when valid, 1 on errors."})
final class CheckCommand implements Callable<Integer> {

  @ParentCommand
  BackgrounderCommand top;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "PATH", description = "A fact file or a folder of them.")
  Path path;

  @Option(names = "--links", description = "Also fetch every source URL and report those that do"
      + " not answer with 2xx or 3xx (needs network).")
  boolean links;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path target = path != null ? path : Setup.configDir(top).resolve("facts");
    FactFileLoader.Result loaded = FactFileLoader.standard().load(target, Path::toString);
    List<Problem> problems = new ArrayList<>(loaded.problems());
    problems.addAll(stale(loaded.files(), staleAfter(), LocalDate.now()));
    FactFileLoader.Result result = new FactFileLoader.Result(loaded.files(), problems);
    for (Problem p : result.problems()) {
      out.println(p);
    }
    out.println(summary(target, result));
    int status = result.hasErrors() ? 1 : 0;
    if (links && !result.files().isEmpty()) {
      LinkChecker.Report report = LinkChecker.create(Setup.linkCheckClient()).check(result.files());
      for (String line : report.lines()) {
        out.println(line);
      }
      if (!report.broken().isEmpty()) {
        status = 1;
      }
    }
    out.flush();
    return status;
  }

  /**
   * {@code answers.stale_after} of the settings; its default when there are none to read (a
   * file checked outside any config folder) or they have errors of their own.
   */
  private Duration staleAfter() {
    if (path == null || top.config != null || Files.isDirectory(Path.of("config"))) {
      try {
        return Setup.settings(top).answers().staleAfter();
      } catch (ConfigException | UserError e) {
        // the settings' own errors are for run and chat to report; check is about fact files
      }
    }
    return new Settings.Answers(null, null).staleAfter();
  }

  /** A warning for each story last reviewed longer ago than answers flag as old. */
  static List<Problem> stale(List<FactFile> files, Duration staleAfter, LocalDate today) {
    List<Problem> out = new ArrayList<>();
    for (FactFile f : files) {
      f.story().reviewed().ifPresent(reviewed -> {
        if (reviewed.end().plusDays(staleAfter.toDays()).isBefore(today)) {
          out.add(new Problem(f.file(), 0, 0, Problem.Severity.WARNING, "the story '"
              + f.story().id() + "' was last reviewed on " + reviewed + ", more than "
              + plural(staleAfter.toDays(), "day") + " ago (answers.stale_after), so answers say"
              + " its facts may be out of date; check them and update 'reviewed'"));
        }
      });
    }
    return out;
  }

  private static String summary(Path target, FactFileLoader.Result r) {
    List<FactFile> files = r.files();
    int facts = files.stream().mapToInt(f -> f.facts().size()).sum();
    int sources = files.stream().mapToInt(f -> f.sources().size()).sum();
    int entities = files.stream().mapToInt(f -> f.entities().size()).sum();
    String counts = files.size() + (files.size() == 1 ? " story, " : " stories, ") + facts
        + " facts, " + sources + " sources, " + entities + " entities";
    if (!r.hasErrors()) {
      return target + ": " + counts + "; " + (r.warningCount() == 0 ? "no problems"
          : plural(r.warningCount(), "warning"));
    }
    long broken = r.problems().stream().filter(Problem::isError).map(Problem::file).distinct()
        .count();
    return target + ": " + plural(r.errorCount(), "error")
        + (r.warningCount() > 0 ? ", " + plural(r.warningCount(), "warning") : "")
        + (broken > 1 || !files.isEmpty() ? " in " + plural(broken, "file") : "")
        + "; fix the errors above. A file with errors is not served: the bot will not start with"
        + " it, and a running bot keeps its last good version."
        + (files.isEmpty() ? "" : " The other files are valid: " + counts + ".");
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}

package org.backgrounder.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.backgrounder.facts.FactFile;
import org.backgrounder.facts.FactFileLoader;
import org.backgrounder.facts.LinkChecker;
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
    FactFileLoader.Result result = FactFileLoader.standard().load(target, Path::toString);
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
    return target + ": " + plural(r.errorCount(), "error")
        + (r.warningCount() > 0 ? ", " + plural(r.warningCount(), "warning") : "")
        + "; fix the errors above (valid so far: " + counts + ")";
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}

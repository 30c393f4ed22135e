package org.backgrounder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backgrounder.answer.AnswerEngine;
import org.backgrounder.answer.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eval QUESTIONS.jsonl}: scores the answers to a question set against what they should be. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Scores a question set (JSON Lines) against the facts that should answer it.")
final class EvalCommand implements Callable<Integer> {

  @ParentCommand
  BackgrounderCommand top;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "QUESTIONS.jsonl",
      description = "One question a line: {\"q\": ..., \"facts\": [ids]} or {\"q\": ..., \"decline\": true},"
          + " with an optional \"lang\".")
  Path file;

  @Option(names = "--min-recall", paramLabel = "SHARE",
      description = "Exit 1 when the right fact comes first for fewer covered questions (0-1).")
  double minRecall = 0;

  @Option(names = "--min-recall-es", paramLabel = "SHARE",
      description = "The same for the Spanish questions alone.")
  double minRecallEs = 0;

  @Option(names = "--max-wrong", paramLabel = "SHARE",
      description = "Exit 1 when a wrong fact comes first for more covered questions (0-1).")
  double maxWrong = 1;

  @Option(names = "--max-overreach", paramLabel = "SHARE",
      description = "Exit 1 when more uncovered questions are answered (0-1).")
  double maxOverreach = 1;

  @Option(names = "--quiet", description = "Print the figures only, not each failure.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    List<Evaluation.Case> cases;
    try {
      cases = Evaluation.read(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new UserError("no question set at " + file, 2);
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage(), 2);
    } catch (IllegalArgumentException e) {
      throw new UserError(file + ": " + e.getMessage(), 2);
    }
    PrintWriter out = spec.commandLine().getOut();
    Evaluation.Report r;
    try (Wiring w = Wiring.open(top)) {
      r = Evaluation.run(cases, w.engine()::ask,
          url -> w.index.factBase().holdsLink(URI.create(url))
              || w.index.holdsItemLink(URI.create(url)));
      if (!quiet) {
        for (Evaluation.Result res : r.results()) {
          if (res.outcome() != Evaluation.Outcome.RIGHT
              && res.outcome() != Evaluation.Outcome.DECLINED) {
            out.printf("%s line %d [%s] %s%s%s%n", label(res.outcome()), res.c().line(),
                res.c().language(), res.c().question(), res.first() == null ? ""
                    : "  -> " + res.first() + (res.c().covered() ? " (want " + String.join(", ",
                        res.c().facts()) + ")" : ""), offered(res, w.engine()));
          }
        }
      }
    }
    out.println(line("all", r.all()));
    for (Map.Entry<String, Evaluation.Figures> e : r.byLanguage().entrySet()) {
      out.println(line(e.getKey(), e.getValue()));
    }
    out.println("links not on file: " + r.badLinks());
    List<String> misses = new ArrayList<>();
    if (r.all().recall() < minRecall) {
      misses.add("recall " + pct(r.all().recall()) + " < " + pct(minRecall));
    }
    Evaluation.Figures es = r.byLanguage().get("es");
    if (es != null && es.recall() < minRecallEs) {
      misses.add("Spanish recall " + pct(es.recall()) + " < " + pct(minRecallEs));
    }
    if (r.all().wrongRate() > maxWrong) {
      misses.add("wrong first " + pct(r.all().wrongRate()) + " > " + pct(maxWrong));
    }
    if (r.all().overreachRate() > maxOverreach) {
      misses.add("overreach " + pct(r.all().overreachRate()) + " > " + pct(maxOverreach));
    }
    if (r.badLinks() > 0) {
      misses.add(r.badLinks() + " cited links not on file");
    }
    if (!misses.isEmpty()) {
      out.println("below the thresholds: " + String.join("; ", misses));
    }
    out.flush();
    return misses.isEmpty() ? 0 : 1;
  }

  /**
   * For a question declined with a right fact among the closest offered: its place, and what of
   * the question that fact does not say, which the story's {@code terms} may need.
   */
  private static String offered(Evaluation.Result res, AnswerEngine engine) {
    if (res.offeredFact() == null) {
      return "";
    }
    List<String> unsaid = engine.unsaid(res.c().question(), res.offeredFact());
    return "  (offered as closest #" + res.offered() + ": " + res.offeredFact()
        + (unsaid.isEmpty() ? "" : ", which does not say " + String.join(", ", unsaid)) + ")";
  }

  private static String label(Evaluation.Outcome o) {
    return switch (o) {
      case MISSED -> "declined, but covered:";
      case WRONG_FIRST -> "wrong fact first:";
      case OVERREACH -> "answered, but not covered:";
      default -> o.name();
    };
  }

  private static String line(String what, Evaluation.Figures f) {
    return String.format(Locale.ROOT, "%-4s recall %s (%d/%d)  wrong first %s (%d)  declined %d"
        + "  overreach %s (%d/%d)  declined but offered %d/%d", what, pct(f.recall()), f.right(),
        f.covered(), pct(f.wrongRate()), f.wrongFirst(), f.missed(), pct(f.overreachRate()),
        f.overreach(), f.uncovered(), f.offered(), f.missed());
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}

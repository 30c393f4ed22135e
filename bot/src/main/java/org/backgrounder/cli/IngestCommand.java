package org.backgrounder.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.backgrounder.feeds.Poller;
import org.backgrounder.yaml.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ingest}: fetches every enabled feed once and indexes what is new. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    header = "Fetch every enabled feed once and index what is new.",
    description = {"Fetches every enabled feed once (ignoring its interval, but never before a",
        "server's Retry-After has passed, and never a feed disabled after a 410), indexes what is",
        "new, and prints a line per feed. Exit status 0, even when some feeds failed."})
final class IngestCommand implements Callable<Integer> {

  @ParentCommand
  BackgrounderCommand top;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Wiring w = Wiring.open(top)) {
      for (Problem p : w.feedProblems) {
        out.println(p);
      }
      if (w.feeds.isEmpty()) {
        out.println("no feeds to fetch: " + w.configDir.resolve("feeds.yaml")
            + (w.feedProblems.isEmpty() ? " lists none" : " has errors (above)"));
        return 0;
      }
      List<Poller.Outcome> outcomes = w.poller().pollAll(w.feeds);
      int added = 0;
      int failed = 0;
      for (Poller.Outcome o : outcomes) {
        out.println(o.line());
        added += o.added();
        failed += o.kind() == Poller.Outcome.Kind.FAILED ? 1 : 0;
      }
      out.println(outcomes.size() + " feeds: " + added + " new items, " + failed + " failed; "
          + w.index.itemCount() + " items indexed");
    }
    out.flush();
    return 0;
  }
}

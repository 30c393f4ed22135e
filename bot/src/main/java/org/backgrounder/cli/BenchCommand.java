package org.backgrounder.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.backgrounder.bench.Bench;
import org.backgrounder.bench.FailoverBench;
import org.backgrounder.desk.DeskBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench}: measures the targets on a synthetic corpus in a temporary data folder. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    header = "Measure indexing, answer speed and size on a synthetic corpus.",
    description = {"Synthesizes a corpus, indexes it in a temporary data folder and prints:",
        "index build rate, answer latency (p50/p99), heap used, index size, the",
        "ingest rate from local feed files, the time of a poll cycle over feeds that",
        "answer 304, the store, the fail-over time of replicas (PostgreSQL only), and",
        "how long each of the desk's pages takes to render over that many items and",
        "--desk-audit audit entries."})
final class BenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  BackgrounderCommand top;

  @Option(names = "--facts", defaultValue = "1000", description = "Facts to synthesize (default ${DEFAULT-VALUE}).")
  int facts;

  @Option(names = "--items", defaultValue = "100000", description = "Feed items to synthesize (default ${DEFAULT-VALUE}).")
  int items;

  @Option(names = "--questions", defaultValue = "3000", description = "Questions to time (default ${DEFAULT-VALUE}).")
  int questions;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic corpus.")
  long seed;

  @Option(names = "--ingest-items", defaultValue = "50000",
      description = "Items to ingest from local feed files (default ${DEFAULT-VALUE}; 0 skips).")
  int ingestItems;

  @Option(names = "--poll-feeds", defaultValue = "5000",
      description = "Feeds in the 304 poll cycle (default ${DEFAULT-VALUE}; 0 skips).")
  int pollFeeds;

  @Option(names = "--desk-audit", defaultValue = "100000",
      description = "Audit entries behind the desk's pages (default ${DEFAULT-VALUE}; 0 skips the"
          + " desk figures).")
  int deskAudit;

  @Option(names = "--write-feeds", paramLabel = "DIR",
      description = "Only write local RSS files (--feed-files of 250 items) and config folders"
          + " over them (config-sqlite, config-postgresql) into DIR, to time ingest on.")
  Path writeFeeds;

  @Option(names = "--feed-files", defaultValue = "200",
      description = "Files --write-feeds writes (default ${DEFAULT-VALUE}).")
  int feedFiles;

  @Option(names = "--json", description = "Print the figures as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (writeFeeds != null) {
      Path config = Setup.configDir(top);
      Bench.writeFeeds(writeFeeds, feedFiles, config, Wiring.loadFacts(config), seed);
      out.println("wrote " + feedFiles + " feeds of 250 items to " + writeFeeds.resolve("feeds")
          + "; time: backgrounder ingest --config " + writeFeeds.resolve("config-sqlite")
          + " --data DIR (a new DIR each run)");
      out.flush();
      return 0;
    }
    PrintWriter log = json ? new PrintWriter(new StringWriter()) : out;
    Path folder = Files.createTempDirectory("backgrounder-bench");
    try {
      Map<String, Object> figures = Bench.run(new Bench.Options(facts, items, questions, seed,
          ingestItems, pollFeeds, Setup.settings(top).store()), folder, log);
      Map<String, Object> desk = deskAudit > 0 ? DeskBench.run(Wiring.loadFacts(
          Setup.configDir(top)), deskAudit, items, folder, log) : Map.of();
      figures.putAll(desk);
      figures.putAll(FailoverBench.run(Setup.settings(top).store(),
          Setup.configDir(top).resolve("facts"), folder, log));
      if (json) {
        out.println(new ObjectMapper().writeValueAsString(figures));
      } else {
        out.printf("facts %s, items %s%n", figures.get("facts"), figures.get("items"));
        out.printf("index build: %s items/s%n", figures.get("index_items_per_s"));
        out.printf("ask latency (warm): p50 %s ms, p99 %s ms%n", figures.get("ask_p50_ms"),
            figures.get("ask_p99_ms"));
        out.printf("heap used: %s MB; index on disk: %s MB%n", figures.get("heap_mb"),
            figures.get("index_mb"));
        if (figures.containsKey("ingest_items_per_s")) {
          out.printf("ingest (parse, de-duplicate, match, store in %s, index): %s items/s%n",
              figures.get("store"), figures.get("ingest_items_per_s"));
        }
        if (figures.containsKey("poll_304_cycle_s")) {
          out.printf("poll cycle over %d feeds answering 304 (%s): %s s%n", pollFeeds,
              figures.get("store"), figures.get("poll_304_cycle_s"));
        }
        out.printf("store: %s; fail-over after kill -9 of the leader: %s%n", figures.get("store"),
            figures.get("failover_s") != null ? figures.get("failover_s") + " s"
                : figures.get("failover_note"));
        if (!desk.isEmpty()) {
          out.printf("desk pages over %d audit entries and %d items (median ms): %s%n", deskAudit,
              items, desk);
        }
      }
      out.flush();
      return 0;
    } finally {
      try (Stream<Path> s = Files.walk(folder)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}

package org.backgrounder.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.backgrounder.answer.AnswerEngine;
import org.backgrounder.config.StoreSettings;
import org.backgrounder.index.SearchIndex;

/** Runs the benchmark and reports its figures. */
public final class Bench {

  private Bench() {}

  /**
   * What to measure.
   *
   * @param questions how many questions are timed (after as many again to warm up)
   */
  public record Options(int facts, int items, int questions, long seed, int ingestItems,
      int pollFeeds, StoreSettings store) {
    public Options {
      store = store == null ? new StoreSettings(null, null, null) : store;
      if (facts < 1 || items < 0 || questions < 1 || ingestItems < 0 || pollFeeds < 0) {
        throw new IllegalArgumentException("facts and questions must be positive, the rest not"
            + " negative");
      }
    }
  }

  /** The figures, in the units and names of {@code bench --json}. */
  public static Map<String, Object> run(Options o, Path folder, PrintWriter log) throws IOException {
    Map<String, Object> out = new TreeMap<>();
    out.put("facts", o.facts());
    out.put("items", o.items());
    out.put("store", o.store().postgresql() ? "postgresql" : "sqlite");
    log.printf("synthesizing %d facts and %d feed items...%n", o.facts(), o.items());
    log.flush();
    Corpus corpus = Corpus.build(o.facts(), o.seed());
    try (SearchIndex index = SearchIndex.open(folder.resolve("index"))) {
      long t0 = System.nanoTime();
      index.rebuild(corpus.facts, corpus.items(o.items()));
      double seconds = (System.nanoTime() - t0) / 1e9;
      out.put("index_items_per_s", round((o.facts() + o.items()) / seconds));
      log.printf("indexed in %.1f s%n", seconds);
      log.flush();

      AnswerEngine engine = new AnswerEngine(index, Clock.systemUTC(),
          new AnswerEngine.Options(Duration.ofDays(3650), Duration.ofDays(3650)));
      // Warm up on other questions first: the figures are for a bot that has been running.
      int warmUp = Math.max(o.questions(), 10_000);
      List<String> questions = corpus.questions(o.questions() + warmUp);
      for (String q : questions.subList(o.questions(), questions.size())) {
        engine.ask(q);
      }
      long[] nanos = new long[o.questions()];
      int answered = 0;
      for (int i = 0; i < o.questions(); i++) {
        long s = System.nanoTime();
        if (engine.ask(questions.get(i)).answered()) {
          answered++;
        }
        nanos[i] = System.nanoTime() - s;
      }
      Arrays.sort(nanos);
      out.put("ask_p50_ms", round(nanos[nanos.length / 2] / 1e6));
      out.put("ask_p99_ms", round(nanos[(int) Math.min(nanos.length - 1, Math.ceil(nanos.length * 0.99) - 1)] / 1e6));
      out.put("ask_answered_share", round(answered / (double) o.questions()));
      out.put("index_mb", round(index.sizeInBytes() / (1024.0 * 1024.0)));
      out.put("heap_mb", round(heapAfterGc()));
    }
    if (o.ingestItems() > 0) {
      log.printf("ingesting %d items from local feed files...%n", o.ingestItems());
      log.flush();
      out.put("ingest_items_per_s", round(FeedBench.ingest(corpus, o.ingestItems(), folder, o.store())));
    }
    if (o.pollFeeds() > 0) {
      log.printf("polling %d feeds that answer 304...%n", o.pollFeeds());
      log.flush();
      out.put("poll_304_cycle_s", round(FeedBench.poll304(o.pollFeeds(), folder, o.store())));
    }
    return out;
  }

  /**
   * Writes {@code feeds} local RSS files of 250 items and config folders over them into
   * {@code dir}, to time {@code backgrounder ingest} (and other feed readers) on; see
   * {@link FeedFiles#writeSetup}.
   */
  public static void writeFeeds(Path dir, int feeds, Path configDir, org.backgrounder.facts.FactBase
      stories, long seed) throws IOException {
    FeedFiles.writeSetup(dir, feeds, configDir.resolve("facts"), stories, seed);
  }

  /** Heap in use after collection, in MB: what the bot holds, not what it has yet to free. */
  static double heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}

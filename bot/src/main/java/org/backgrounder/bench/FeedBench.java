package org.backgrounder.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import org.backgrounder.config.FeedSettings;
import org.backgrounder.feeds.FeedConfig;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.PollMatches;
import org.backgrounder.feeds.Fetcher;
import org.backgrounder.feeds.Poller;
import org.backgrounder.index.SearchIndex;
import org.backgrounder.config.StoreSettings;
import org.backgrounder.feeds.FeedStore;
import org.backgrounder.store.Stores;

/** The feed half of the benchmark: ingest from local files, and a poll cycle of 304s. */
final class FeedBench {

  private FeedBench() {}

  private static FeedSettings settings() {
    return new FeedSettings("Backgrounder-Bench/1.0", true, true, Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), 20L * 1024 * 1024, 8, true);
  }

  /**
   * Writes {@code items} items as local RSS files of {@value FeedFiles#PER_FEED} items (see
   * {@link FeedFiles}), then ingests them all as {@code backgrounder ingest} does (parse, identify,
   * match to stories, store, index) into new stores, and returns items per second. The JIT has
   * warmed on the index and the answers by then, but not on the feed path: close to a fresh
   * {@code ingest}, without the JVM's start.
   */
  static double ingest(Corpus corpus, int items, Path folder, StoreSettings storeSettings)
      throws IOException {
    Path feedsDir = folder.resolve("feeds");
    int files = (items + FeedFiles.PER_FEED - 1) / FeedFiles.PER_FEED;
    List<Path> paths = FeedFiles.write(feedsDir, files, corpus.facts, corpus.seed + 3);
    List<FeedConfig> feeds = new ArrayList<>();
    for (int f = 0; f < paths.size(); f++) {
      feeds.add(new FeedConfig("bench-" + f, paths.get(f).toUri(), "Outlet " + f,
          Optional.of("en"), List.of(), Duration.ofMinutes(15), true));
    }
    try (Stores stores = Stores.scratch(storeSettings, folder.resolve("ingest-data"),
            scratchSchema("ingest"));
        SearchIndex index = SearchIndex.open(folder.resolve("ingest-data/index"))) {
      FeedStore store = stores.feeds();
      index.rebuild(corpus.facts, List.of());
      long[] indexing = new long[1];
      Poller.ItemSink catchingUp = index.catchingUp(store);
      Poller poller = new Poller(store, Fetcher.create(new OkHttpClient(), settings(),
          Clock.systemUTC()), index::factBase, new Poller.ItemSink() {
            @Override
            public void accept(List<FeedItem> changed) throws IOException {
              accept(changed, new PollMatches());
            }

            @Override
            public void accept(List<FeedItem> changed, PollMatches matches) throws IOException {
              long s = System.nanoTime();
              catchingUp.accept(changed, matches);
              indexing[0] += System.nanoTime() - s;
            }
          }, Clock.systemUTC(), new Random(1), settings().maxConcurrent());
      long t0 = System.nanoTime();
      poller.pollAll(feeds);
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (Boolean.getBoolean("bench.verbose")) {
        System.err.printf("ingest: %.2f s, of which indexing %.2f s%n", seconds, indexing[0] / 1e9);
      }
      return files * FeedFiles.PER_FEED / seconds;
    }
  }

  /** A schema name no other bench run uses at the same time. */
  private static String scratchSchema(String what) {
    return "bench_" + what + "_" + Long.toHexString(System.nanoTime() ^ ProcessHandle.current().pid());
  }

  /** One poll cycle over {@code feeds} feeds on a local server that answers 304, in seconds. */
  static double poll304(int feeds, Path folder, StoreSettings storeSettings) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/", ex -> {
      ex.getResponseHeaders().add("ETag", "\"same\"");
      ex.sendResponseHeaders(304, -1);
      ex.close();
    });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    try (Stores stores = Stores.scratch(storeSettings, folder.resolve("poll-data"),
        scratchSchema("poll"))) {
      int port = server.getAddress().getPort();
      List<FeedConfig> configs = new ArrayList<>();
      for (int i = 0; i < feeds; i++) {
        configs.add(new FeedConfig("poll-" + i, URI.create("http://127.0.0.1:" + port + "/feed/" + i),
            "Outlet", Optional.empty(), List.of(), Duration.ofMinutes(15), true));
      }
      Poller poller = new Poller(stores.feeds(), Fetcher.create(new OkHttpClient(), settings(),
          Clock.systemUTC()), org.backgrounder.facts.FactBase::empty, changed -> { },
          Clock.fixed(Instant.now(), ZoneOffset.UTC), new Random(1), settings().maxConcurrent());
      poller.pollAll(configs);
      long t0 = System.nanoTime();
      poller.pollAll(configs);
      return (System.nanoTime() - t0) / 1e9;
    } finally {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }
}

package org.backgrounder.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import org.backgrounder.config.FeedSettings;
import org.backgrounder.feeds.FeedConfig;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.Fetcher;
import org.backgrounder.feeds.Poller;
import org.backgrounder.index.SearchIndex;
import org.backgrounder.store.Database;
import org.backgrounder.store.SqliteFeedStore;

/** The feed half of the benchmark: ingest from local files, and a poll cycle of 304s. */
final class FeedBench {

  private FeedBench() {}

  private static FeedSettings settings() {
    return new FeedSettings("Backgrounder-Bench/1.0", true, true, Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), 20L * 1024 * 1024, 8, true);
  }

  /**
   * Writes {@code items} items as RSS files of 100 items, then ingests them all (parse, identify,
   * match to stories, store, index) and returns items per second.
   */
  static double ingest(Corpus corpus, int items, Path folder) throws IOException {
    // A first, unmeasured run warms the JIT on the parser and the index, as a running bot is.
    ingestOnce(corpus, Math.max(1000, items / 2), folder.resolve("warm-up"), corpus.seed + 30);
    return ingestOnce(corpus, items, folder.resolve("measured"), corpus.seed + 3);
  }

  private static double ingestOnce(Corpus corpus, int items, Path folder, long seed)
      throws IOException {
    Path feedsDir = Files.createDirectories(folder.resolve("feeds"));
    Random r = new Random(seed);
    DateTimeFormatter rfc = DateTimeFormatter.RFC_1123_DATE_TIME;
    List<FeedConfig> feeds = new ArrayList<>();
    int perFeed = 100;
    for (int f = 0; f * perFeed < items; f++) {
      StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\">"
          + "<channel><title>Bench feed ").append(f).append("</title><link>https://bench.example.org/</link>");
      for (int i = 0; i < perFeed && f * perFeed + i < items; i++) {
        FeedItem it = corpus.item(r, f * perFeed + i);
        b.append("<item><title>").append(it.title()).append("</title><link>")
            .append(it.link().orElseThrow()).append("</link><guid>bench-").append(f).append('-')
            .append(i).append("</guid><description>&lt;p&gt;").append(it.summary())
            .append("&lt;/p&gt;</description><pubDate>")
            .append(rfc.format(it.published().atOffset(ZoneOffset.UTC))).append("</pubDate></item>");
      }
      b.append("</channel></rss>");
      Path file = feedsDir.resolve("feed-" + f + ".xml");
      Files.writeString(file, b, StandardCharsets.UTF_8);
      feeds.add(new FeedConfig("bench-" + f, file.toUri(), "Outlet " + (f % 50), Optional.of("en"),
          List.of(), Duration.ofMinutes(15), true));
    }
    try (Database db = Database.open(folder.resolve("ingest-data"));
        SearchIndex index = SearchIndex.open(folder.resolve("ingest-data/index"))) {
      SqliteFeedStore store = new SqliteFeedStore(db);
      index.rebuild(corpus.facts, List.of());
      long[] indexing = new long[1];
      Poller poller = new Poller(store, Fetcher.create(new OkHttpClient(), settings(),
          Clock.systemUTC()), () -> corpus.facts, changed -> {
            long s = System.nanoTime();
            index.catchUp(store);
            indexing[0] += System.nanoTime() - s;
          }, Clock.systemUTC(), new Random(1), 4);
      long t0 = System.nanoTime();
      poller.pollAll(feeds);
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (Boolean.getBoolean("bench.verbose")) {
        System.err.printf("ingest: %.2f s, of which indexing %.2f s%n", seconds, indexing[0] / 1e9);
      }
      return items / seconds;
    }
  }

  /** One poll cycle over {@code feeds} feeds on a local server that answers 304, in seconds. */
  static double poll304(int feeds, Path folder) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/", ex -> {
      ex.getResponseHeaders().add("ETag", "\"same\"");
      ex.sendResponseHeaders(304, -1);
      ex.close();
    });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    try (Database db = Database.open(folder.resolve("poll-data"))) {
      int port = server.getAddress().getPort();
      List<FeedConfig> configs = new ArrayList<>();
      for (int i = 0; i < feeds; i++) {
        configs.add(new FeedConfig("poll-" + i, URI.create("http://127.0.0.1:" + port + "/feed/" + i),
            "Outlet", Optional.empty(), List.of(), Duration.ofMinutes(15), true));
      }
      SqliteFeedStore store = new SqliteFeedStore(db);
      Poller poller = new Poller(store, Fetcher.create(new OkHttpClient(), settings(),
          Clock.systemUTC()), org.backgrounder.facts.FactBase::empty, changed -> { },
          Clock.fixed(Instant.now(), ZoneOffset.UTC), new Random(1), 8);
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

package org.backgrounder.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.backgrounder.TestPaths;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFileLoader;
import org.backgrounder.index.SearchIndex;
import org.backgrounder.store.Database;
import org.backgrounder.store.SqlFeedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One ingest over every hostile feed of the security review (issue 11) and a good one, on real
 * stores: it finishes in seconds, each hostile feed fails or is read on its own, and the good
 * feed's items reach the index.
 */
class HostileFeedsTest {

  private static final String RSS_HEAD = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
      + "<title>Hostile</title><link>https://hostile.example/</link>";
  private static final String RSS_TAIL = "</channel></rss>";

  private static String item(String title, String summary) {
    return "<item><guid>" + title.hashCode() + "</guid><title>" + title + "</title><link>"
        + "https://hostile.example/" + title.length() + "</link><description>" + summary
        + "</description><pubDate>Wed, 25 Nov 2026 10:00:00 GMT</pubDate></item>";
  }

  /** Each hostile body by path, generated here. */
  private static Map<String, String> feeds() {
    String deep = "<x>".repeat(50_000) + "</x>".repeat(50_000);
    return Map.of(
        "/good", RSS_HEAD + item("Sinaloa Cartel leaders designated", "Sanctions.") + RSS_TAIL,
        "/blanks", RSS_HEAD.replace("?><rss", "?>" + " \n".repeat(200_000) + "<rss")
            + item("After blanks", "b") + RSS_TAIL,
        "/deep", RSS_HEAD + "<item><title>deep</title>" + deep + "</item>" + RSS_TAIL,
        "/flat", RSS_HEAD + "<item><title>flat</title>" + "<a/>".repeat(1_000_000) + "</item>"
            + RSS_TAIL,
        "/comments", RSS_HEAD + item("Comments", "a&lt;!--".repeat(40_000)) + item("Scripts",
            "a&lt;script".repeat(40_000)) + item("Breaks", "a&lt;br".repeat(40_000)) + RSS_TAIL,
        "/dotted", RSS_HEAD + item("a.".repeat(5_000) + "example", "dotted") + RSS_TAIL,
        "/items", RSS_HEAD + "<item><title>Undated</title><link>https://hostile.example/u</link>"
            + "<pubDate>Seg, 24 Set 2018 19:42:40 -0300</pubDate></item><x><![CDATA["
            + "<item>".repeat(40_000) + "]]></x>" + RSS_TAIL,
        "/json", "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"x\":["
            + "[],".repeat(1_000_000) + "[]],\"items\":[]}");
  }

  @Test
  void ingest_everyHostileFeedAtOnce_failsEachAloneAndIndexesTheGoodOne(@TempDir Path data)
      throws IOException {
    Map<String, String> bodies = feeds();
    MockWebServer server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        return new MockResponse().setBody(bodies.get(r.getPath()));
      }
    });
    server.start();
    FactBase facts = FactFileLoader.standard().load(TestPaths.shippedConfig().resolve("facts"),
        Path::toString).factBase();
    try (Database db = Database.open(data); SearchIndex index = SearchIndex.inMemory()) {
      SqlFeedStore store = new SqlFeedStore(db);
      index.rebuild(facts, List.of());
      List<FeedConfig> configs = new ArrayList<>();
      for (String path : bodies.keySet()) {
        configs.add(new FeedConfig(path.substring(1), server.url(path).uri(), "Hostile",
            Optional.of("en"), List.of(), Duration.ofMinutes(15), true));
      }
      Poller poller = new Poller(store, Fetcher.create(new OkHttpClient(),
          FetcherTest.settings(true, 16L * 1024 * 1024, Duration.ofSeconds(10)),
          Clock.systemUTC()), () -> facts, changed -> index.catchUp(store), Clock.systemUTC(),
          new Random(1), 8);

      List<Poller.Outcome> out = assertTimeoutPreemptively(Duration.ofSeconds(30),
          () -> poller.pollAll(configs));

      Map<String, Poller.Outcome> by = out.stream()
          .collect(Collectors.toMap(Poller.Outcome::feedId, Function.identity()));
      assertThat(by).hasSize(bodies.size());
      for (String ok : List.of("good", "blanks", "comments", "dotted", "items")) {
        assertThat(by.get(ok).kind()).as(ok).isEqualTo(Poller.Outcome.Kind.NEW);
      }
      for (String big : List.of("deep", "flat", "json")) {
        assertThat(by.get(big).kind()).as(big).isEqualTo(Poller.Outcome.Kind.FAILED);
        assertThat(store.state(big).failureKind()).contains(FeedException.Kind.TOO_LARGE);
        assertThat(store.state(big).nextPoll()).isPresent();
      }
      assertThat(index.itemCount()).isEqualTo(7);
    } finally {
      server.shutdown();
    }
  }
}

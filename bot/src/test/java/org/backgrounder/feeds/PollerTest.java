package org.backgrounder.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollerTest {

  /** A clock the test moves by hand. */
  static final class FakeClock extends Clock {
    Instant now = Instant.parse("2026-11-26T12:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  static String rss(String... titles) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
        + "<title>Wire</title><link>https://wire.example.org/</link>");
    for (int i = 0; i < titles.length; i++) {
      b.append("<item><guid>item-").append(i).append("</guid><title>").append(titles[i])
          .append("</title><link>https://wire.example.org/").append(i)
          .append("</link><pubDate>Wed, 25 Nov 2026 10:0").append(i).append(":00 GMT</pubDate></item>");
    }
    return b.append("</channel></rss>").toString();
  }

  private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = new FakeClock();
  private final AtomicReference<MockResponse> next = new AtomicReference<>();
  private final List<RecordedRequest> requests = new ArrayList<>();
  private Database db;
  private SqlFeedStore store;
  private SearchIndex index;
  private FactBase facts;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        synchronized (requests) {
          requests.add(r);
        }
        return next.get();
      }
    });
    server.start();
    db = Database.inMemory();
    store = new SqlFeedStore(db);
    facts = FactFileLoader.standard().load(TestPaths.shippedConfig().resolve("facts"), Path::toString)
        .factBase();
    index = SearchIndex.inMemory();
    index.rebuild(facts, List.of());
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
    index.close();
    db.close();
  }

  private FeedConfig feed(String id) {
    return new FeedConfig(id, server.url("/" + id).uri(), "Wire", Optional.of("en"), List.of(),
        Duration.ofMinutes(15), true);
  }

  private Poller poller() {
    Fetcher fetcher = Fetcher.create(new OkHttpClient(),
        FetcherTest.settings(true, 1024 * 1024, Duration.ofSeconds(5)), clock);
    return new Poller(store, fetcher, () -> facts, index.catchingUp(store), clock,
        new Random(7), 4);
  }

  @Test
  void theStoriesFoundWhilePolling_areHandedToTheIndex_whichIndexesAsIfItMatchedAgain()
      throws IOException {
    next.set(new MockResponse().setBody(rss("Palantir and the Sinaloa Cartel", "CJNG leaders held",
        "Weather")));
    AtomicReference<PollMatches> handed = new AtomicReference<>();
    Poller.ItemSink indexing = index.catchingUp(store);
    Fetcher fetcher = Fetcher.create(new OkHttpClient(),
        FetcherTest.settings(true, 1024 * 1024, Duration.ofSeconds(5)), clock);
    new Poller(store, fetcher, () -> facts, new Poller.ItemSink() {
      @Override
      public void accept(List<FeedItem> changed) {
        throw new AssertionError("the poller hands over what it matched");
      }

      @Override
      public void accept(List<FeedItem> changed, PollMatches matches) throws IOException {
        handed.set(matches);
        indexing.accept(changed, matches);
      }
    }, clock, new Random(7), 4).pollAll(List.of(feed("wire")));

    StoryMatcher matcher = StoryMatcher.of(facts);
    List<FeedItem> stored = new ArrayList<>();
    store.items().forEach(stored::add);
    assertThat(stored).hasSize(3);
    assertThat(handed.get().size()).isEqualTo(3);
    for (FeedItem item : stored) {
      assertThat(handed.get().of(item, facts)).as(item.title())
          .contains(matcher.match(item.title(), item.summary()));
    }
    assertThat(matcher.match("Palantir and the Sinaloa Cartel")).isNotEmpty();
    try (SearchIndex again = SearchIndex.inMemory()) {
      again.rebuild(facts, stored);
      assertThat(storiesByKey(index)).isEqualTo(storiesByKey(again))
          .containsEntry("guid:wire:item-0", List.of("[cartels-fto]", "[cartels-fto:Palantir,"
              + " cartels-fto:Sinaloa, cartels-fto:Sinaloa Cartel, cartels-fto:Sinaloa cartel,"
              + " cartels-fto:cartel, cartels-fto:cártel]"));
    }
  }

  /** Each indexed item's stories and matched terms, by key. */
  private static java.util.Map<String, List<String>> storiesByKey(SearchIndex index) {
    java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
    for (var hit : index.items(new org.backgrounder.index.Queries.ItemQuery(List.of(),
        Optional.empty(), Optional.empty(), Set.of(), org.backgrounder.index.Queries.Order.NEWEST,
        100))) {
      out.put(hit.item().key(), List.of(hit.stories().toString(), hit.matchedTerms().toString()));
    }
    return out;
  }

  @Test
  void firstPoll_indexesItemsButKeepsThemOutOfDigests() {
    next.set(new MockResponse().setBody(rss("Palantir and the Sinaloa Cartel", "Weather"))
        .setHeader("ETag", "\"a\""));

    List<Poller.Outcome> out = poller().pollAll(List.of(feed("wire")));

    assertThat(out).singleElement().satisfies(o -> {
      assertThat(o.kind()).isEqualTo(Poller.Outcome.Kind.NEW);
      assertThat(o.line()).isEqualTo("wire: 2 new, 0 updated (first poll: kept as background, not news)");
    });
    assertThat(index.itemCount()).isEqualTo(2);
    assertThat(store.relevant(Set.of(), Instant.EPOCH, clock.now.plusSeconds(1))).isEmpty();
  }

  @Test
  void aFeedThatFailsOddly_failsAlone_andTheOthersAreStoredAndIndexed() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        return r.getPath().startsWith("/broken")
            ? new MockResponse().setResponseCode(301).setHeader("Location", "http://[bad")
            : new MockResponse().setBody(rss("Palantir and the Sinaloa Cartel"));
      }
    });

    List<Poller.Outcome> out = poller().pollAll(List.of(feed("broken"), feed("wire")));

    assertThat(out).extracting(Poller.Outcome::line).hasSize(2)
        .contains("wire: 1 new, 0 updated (first poll: kept as background, not news)")
        .anySatisfy(line -> assertThat(line).startsWith(
            "broken: failed: HTTP 301 to an address that is not valid: http://[bad; next try in "));
    assertThat(index.itemCount()).isEqualTo(1);
    assertThat(store.state("broken").consecutiveFailures()).isEqualTo(1);
    assertThat(store.state("broken").nextPoll()).isPresent();
  }

  @Test
  void oneArticleListedTwice_orByTwoFeeds_isStoredOnceAndStaysUnchanged() {
    String item = "<item><guid>https://wire.example.org/story</guid><title>%s</title>"
        + "<link>https://wire.example.org/story</link></item>";
    String body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>W</title>"
        + String.format(item, "First wording") + String.format(item, "Second wording")
        + "</channel></rss>";
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        return new MockResponse().setBody(r.getPath().startsWith("/other")
            ? body.replace("First wording", "Another feed's wording") : body);
      }
    });
    List<FeedConfig> feeds = List.of(feed("wire"), feed("other"));

    List<Poller.Outcome> first = poller().pollAll(feeds);
    List<Poller.Outcome> second = poller().pollAll(feeds);

    assertThat(first).extracting(Poller.Outcome::added).containsExactlyInAnyOrder(1, 0);
    assertThat(second).extracting(Poller.Outcome::kind)
        .containsOnly(Poller.Outcome.Kind.UNCHANGED);
    assertThat(index.itemCount()).isEqualTo(1);
  }

  @Test
  void laterPolls_sendValidators_and304IsUnchanged_andNewItemsAreNews() {
    next.set(new MockResponse().setBody(rss("Old news")).setHeader("ETag", "\"a\""));
    poller().pollAll(List.of(feed("wire")));
    next.set(new MockResponse().setResponseCode(304));
    clock.advance(Duration.ofMinutes(20));

    assertThat(poller().pollDue(List.of(feed("wire")))).singleElement()
        .satisfies(o -> assertThat(o.line()).isEqualTo("wire: unchanged (304)"));
    assertThat(requests.get(1).getHeader("If-None-Match")).isEqualTo("\"a\"");

    next.set(new MockResponse().setBody(rss("Old news", "Cártel de Sinaloa designated")));
    clock.advance(Duration.ofMinutes(20));
    poller().pollDue(List.of(feed("wire")));

    List<FeedStore.Relevant> news = store.relevant(Set.of(), Instant.EPOCH, clock.now.plusSeconds(1));
    assertThat(news).singleElement().satisfies(r -> {
      assertThat(r.item().title()).isEqualTo("Cártel de Sinaloa designated");
      assertThat(r.story()).isEqualTo("cartels-fto");
      assertThat(r.terms()).contains("Cártel de Sinaloa");
    });
  }

  @Test
  void pollDue_beforeTheInterval_fetchesNothing() {
    next.set(new MockResponse().setBody(rss("A")));
    poller().pollAll(List.of(feed("wire")));
    clock.advance(Duration.ofMinutes(5));

    assertThat(poller().pollDue(List.of(feed("wire")))).isEmpty();
    assertThat(requests).hasSize(1);
  }

  @Test
  void changedTitle_updatesTheItemInsteadOfAddingOne() {
    next.set(new MockResponse().setBody(rss("Draft headline")));
    poller().pollAll(List.of(feed("wire")));
    next.set(new MockResponse().setBody(rss("Final headline")));

    Poller.Outcome o = poller().pollAll(List.of(feed("wire"))).get(0);

    assertThat(o.line()).isEqualTo("wire: 0 new, 1 updated");
    assertThat(index.itemCount()).isEqualTo(1);
  }

  @Test
  void gone_disablesTheFeed_andIngestSkipsItAfterwards() {
    next.set(new MockResponse().setResponseCode(410));

    assertThat(poller().pollAll(List.of(feed("wire"))).get(0).line())
        .isEqualTo("wire: failed: HTTP 410 Gone: the outlet removed this feed; the feed is now disabled");
    clock.advance(Duration.ofDays(3));

    assertThat(poller().pollAll(List.of(feed("wire"))).get(0).line())
        .startsWith("wire: skipped: disabled: HTTP 410 Gone");
    assertThat(requests).hasSize(1);
  }

  @Test
  void retryAfter_isHonouredEvenByIngest() {
    next.set(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));
    poller().pollAll(List.of(feed("wire")));
    clock.advance(Duration.ofMinutes(30));

    assertThat(poller().pollAll(List.of(feed("wire"))).get(0).line())
        .startsWith("wire: skipped: the server asked to wait until 2026-11-26T13:00:00Z");
    clock.advance(Duration.ofMinutes(31));
    next.set(new MockResponse().setBody(rss("A")));

    assertThat(poller().pollAll(List.of(feed("wire"))).get(0).kind()).isEqualTo(Poller.Outcome.Kind.NEW);
    assertThat(requests).hasSize(2);
  }

  @Test
  void failures_backOffExponentially_upToADay() {
    Poller p = poller();
    FeedConfig f = feed("wire");
    FeedException e = new FeedException(FeedException.Kind.UNAVAILABLE, "HTTP 500");
    FeedState s = FeedState.fresh("wire");
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      delays.add(p.delay(f, s, e));
      s = s.failed(clock.now, e.kind(), "x", clock.now, Optional.empty());
    }

    assertThat(delays.get(0)).isBetween(Duration.ofMinutes(12), Duration.ofMinutes(18));
    assertThat(delays.get(3)).isBetween(Duration.ofMinutes(96), Duration.ofMinutes(144));
    assertThat(delays.get(11)).isLessThanOrEqualTo(Duration.ofDays(1))
        .isGreaterThan(Duration.ofHours(19));
  }

  @Test
  void permanentRedirect_updatesTheStoredAddress() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        synchronized (requests) {
          requests.add(r);
        }
        return r.getPath().equals("/wire")
            ? new MockResponse().setResponseCode(301).setHeader("Location", "/moved")
            : new MockResponse().setBody(rss("A"));
      }
    });

    poller().pollAll(List.of(feed("wire")));
    poller().pollAll(List.of(feed("wire")));

    assertThat(store.state("wire").currentUrl()).contains(server.url("/moved").uri());
    assertThat(requests).extracting(RecordedRequest::getPath).containsExactly("/wire", "/moved", "/moved");
  }

  @Test
  void notAFeed_isReportedAsSuch() {
    next.set(new MockResponse().setBody("<!DOCTYPE html><html><body>Hi</body></html>")
        .setHeader("Content-Type", "text/html"));

    assertThat(poller().pollAll(List.of(feed("wire"))).get(0).line())
        .startsWith("wire: failed: not a feed: it is an HTML page");
  }

  @Test
  void oneRequestPerHostAtATime() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        Thread.sleep(30);
        inFlight.decrementAndGet();
        return new MockResponse().setBody(rss("A"));
      }
    });
    List<FeedConfig> feeds = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      feeds.add(feed("f" + i));
    }

    assertThat(poller().pollAll(feeds)).hasSize(6);
    assertThat(most.get()).isEqualTo(1);
  }

  @Test
  void restartInTheMiddleOfAPoll_losesNothingAndRepeatsNothing(@TempDir Path data) throws Exception {
    // A process killed after the items were stored but before they were indexed: the stored
    // change number lets the next start index exactly what is missing.
    Database disk = Database.open(data);
    SqlFeedStore durable = new SqlFeedStore(disk);
    next.set(new MockResponse().setBody(rss("Palantir", "Sinaloa")).setHeader("ETag", "\"a\""));
    Fetcher fetcher = Fetcher.create(new OkHttpClient(),
        FetcherTest.settings(true, 1024 * 1024, Duration.ofSeconds(5)), clock);
    try (SearchIndex crashed = SearchIndex.open(data.resolve("index"))) {
      crashed.sync(facts, durable::items, durable.lastSeq());
      new Poller(durable, fetcher, () -> facts, changed -> {
        throw new IOException("killed before indexing");
      }, clock, new Random(1), 2).pollAll(List.of(feed("wire")));
      assertThat(crashed.itemCount()).isZero();
    }
    disk.close();

    Database reopened = Database.open(data);
    SqlFeedStore after = new SqlFeedStore(reopened);
    try (SearchIndex restarted = SearchIndex.open(data.resolve("index"))) {
      restarted.sync(facts, after::items, after.lastSeq());
      assertThat(restarted.catchUp(after)).isEqualTo(2);
      assertThat(restarted.catchUp(after)).isZero();
      assertThat(restarted.itemCount()).isEqualTo(2);

      next.set(new MockResponse().setResponseCode(304));
      clock.advance(Duration.ofMinutes(16));
      List<Poller.Outcome> out = new Poller(after, fetcher, () -> facts,
          changed -> restarted.catchUp(after), clock, new Random(1), 2).pollDue(List.of(feed("wire")));
      assertThat(out.get(0).line()).isEqualTo("wire: unchanged (304)");
      assertThat(restarted.itemCount()).isEqualTo(2);
    }
    reopened.close();
  }

  @Test
  void storedItems_surviveAReopen() throws Exception {
    next.set(new MockResponse().setBody(rss("A", "B", "C")));
    poller().pollAll(List.of(feed("wire")));

    List<FeedItem> items = new ArrayList<>();
    store.items().forEach(items::add);

    assertThat(items).extracting(FeedItem::title).containsExactly("A", "B", "C");
    assertThat(items.get(0).link()).contains(URI.create("https://wire.example.org/0"));
    assertThat(store.lastSeq()).isEqualTo(3);
  }

  /** The real store, except that storing feed {@code bomb} throws {@code error}. */
  private FeedStore throwingFor(String bomb, Error error) {
    return new FeedStore() {
      @Override
      public FeedState state(String feedId) {
        return store.state(feedId);
      }

      @Override
      public List<FeedState> states() {
        return store.states();
      }

      @Override
      public void saveState(FeedState state) {
        store.saveState(state);
      }

      @Override
      public Stored record(FeedState state, List<FeedItem> items,
          List<List<StoryMatcher.StoryMatch>> relevance, boolean backlog, Clock commit) {
        if (state.feedId().equals(bomb)) {
          throw error;
        }
        return store.record(state, items, relevance, backlog, commit);
      }

      @Override
      public Iterable<FeedItem> items() {
        return store.items();
      }

      @Override
      public long lastSeq() {
        return store.lastSeq();
      }

      @Override
      public Changes changesAfter(long seq) {
        return store.changesAfter(seq);
      }

      @Override
      public List<Relevant> relevant(Set<String> stories, Instant from, Instant to) {
        return store.relevant(stories, from, to);
      }
    };
  }

  @Test
  void aFeedThatThrowsAnError_failsAlone_backsOff_andTheOthersAreStoredAndIndexed() {
    next.set(new MockResponse().setBody(rss("Palantir and the Sinaloa Cartel")));
    for (Error error : List.of(new StackOverflowError(), new OutOfMemoryError("Java heap space"))) {
      Fetcher fetcher = Fetcher.create(new OkHttpClient(),
          FetcherTest.settings(true, 1024 * 1024, Duration.ofSeconds(5)), clock);
      Poller p = new Poller(throwingFor("bomb", error), fetcher, () -> facts,
          changed -> index.catchUp(store), clock, new Random(7), 4);

      List<Poller.Outcome> out = p.pollAll(List.of(feed("bomb"), feed("wire"), feed("other")));

      assertThat(out).extracting(Poller.Outcome::feedId).containsExactlyInAnyOrder("bomb", "wire",
          "other");
      assertThat(out).filteredOn(o -> o.feedId().equals("bomb")).singleElement()
          .extracting(Poller.Outcome::kind).isEqualTo(Poller.Outcome.Kind.FAILED);
      clock.advance(Duration.ofMinutes(1));
    }
    assertThat(index.itemCount()).isEqualTo(2);
    FeedState bomb = store.state("bomb");
    assertThat(bomb.consecutiveFailures()).isEqualTo(2);
    assertThat(bomb.nextPoll()).hasValueSatisfying(t -> assertThat(t).isAfter(clock.now));
  }

  @Test
  void anItemCommittedWhileADigestIsComposed_isInTheNextDigest() {
    next.set(new MockResponse().setBody(rss("Weather")));
    poller().pollAll(List.of(feed("wire")));
    Instant previousDigest = clock.now;
    List<FeedStore.Relevant> first = new ArrayList<>();
    List<Instant> firstEnd = new ArrayList<>();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        // A digest is composed while this poll fetches and parses: its window ends now.
        clock.advance(Duration.ofMinutes(1));
        firstEnd.add(clock.now);
        first.addAll(store.relevant(Set.of(), previousDigest, clock.now));
        return new MockResponse().setBody(rss("Weather", "Palantir and the Sinaloa Cartel"));
      }
    });

    poller().pollAll(List.of(feed("wire")));
    clock.advance(Duration.ofHours(1));
    List<FeedStore.Relevant> second = store.relevant(Set.of(), firstEnd.get(0), clock.now);

    List<String> digested = new ArrayList<>();
    first.forEach(r -> digested.add(r.item().title()));
    second.forEach(r -> digested.add(r.item().title()));
    assertThat(digested).containsExactly("Palantir and the Sinaloa Cartel");
  }
}

package org.backgrounder.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.backgrounder.digest.DigestLedger;
import org.backgrounder.facts.FactHistory;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.FeedState;
import org.backgrounder.feeds.FeedStore;
import org.backgrounder.feeds.StoryMatcher.StoryMatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must do, whichever database keeps it: one suite (this and
 * {@link HistoryAndReviewContract}), run against SQLite and against PostgreSQL by the subclasses,
 * so the two cannot drift apart.
 */
abstract class StoreContract {

  /** The stores under test, over one fresh database; closing drops it. */
  interface Stores extends AutoCloseable {
    FeedStore feeds();

    DigestLedger ledger();

    KeyValues keyValues(Clock clock);

    AuditLog audit();

    FactHistory history();

    AuditReview auditReview();

    FeedReview feedReview();

    @Override
    void close();
  }

  abstract Stores open();

  static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

  Stores stores;

  @BeforeEach
  void openStores() {
    stores = open();
  }

  @AfterEach
  void closeStores() {
    if (stores != null) {
      stores.close();
    }
  }

  static class MovingClock extends Clock {
    volatile Instant now = T0;

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
  }

  static FeedItem item(String key, String title) {
    return new FeedItem(key, "feed", "Outlet", title, "summary of " + title,
        Optional.of(URI.create("https://news.example/" + key)), T0.minusSeconds(3600), false,
        Optional.of("en"), T0);
  }

  static List<StoryMatch> about(String story) {
    return List.of(new StoryMatch(story, List.of("cartel", "designation"), Set.of()));
  }

  // --- key-values and event de-duplication

  @Test
  void keyValues_putIfAbsent_storesOnceAndKeepsTheFirst() {
    KeyValues kv = stores.keyValues(Clock.fixed(T0, ZoneOffset.UTC));
    assertThat(kv.get("event:1")).isEmpty();
    assertThat(kv.putIfAbsent("event:1", "a")).isTrue();
    assertThat(kv.putIfAbsent("event:1", "b")).isFalse();
    assertThat(kv.get("event:1")).contains("a");
    kv.put("matrix:since", "s1");
    kv.put("matrix:since", "s2");
    assertThat(kv.get("matrix:since")).contains("s2");
  }

  @Test
  void keyValues_prune_removesOnlyOldKeysWithThePrefix() {
    MovingClock clock = new MovingClock();
    KeyValues kv = stores.keyValues(clock);
    kv.put("event:old", "1");
    kv.put("other:old", "1");
    clock.now = T0.plusSeconds(100);
    kv.put("event:new", "1");
    assertThat(kv.prune("event:", T0.plusSeconds(50))).isEqualTo(1);
    assertThat(kv.get("event:old")).isEmpty();
    assertThat(kv.get("event:new")).isPresent();
    assertThat(kv.get("other:old")).isPresent();
  }

  @Test
  void keyValues_putIfAbsentWithTtl_storesOnceUntilTheClaimLapses() {
    MovingClock clock = new MovingClock();
    KeyValues kv = stores.keyValues(clock);
    Duration ttl = Duration.ofMinutes(60);
    assertThat(kv.putIfAbsent("slack:event:Ev1", "a", ttl)).isTrue();
    clock.now = T0.plus(Duration.ofMinutes(59));
    assertThat(kv.putIfAbsent("slack:event:Ev1", "b", ttl)).isFalse();
    assertThat(kv.get("slack:event:Ev1")).contains("a");
    assertThat(kv.putIfAbsent("slack:event:Ev2", "a", ttl)).isTrue();
    clock.now = T0.plus(Duration.ofMinutes(60));
    assertThat(kv.putIfAbsent("slack:event:Ev1", "c", ttl)).isTrue();
    assertThat(kv.get("slack:event:Ev1")).contains("c");
    assertThat(kv.putIfAbsent("slack:event:Ev1", "d", ttl)).isFalse();
  }

  @Test
  void keyValues_putIfAbsentWithTtl_ofManyAtOnceOnlyOneStores() throws Exception {
    KeyValues kv = stores.keyValues(Clock.fixed(T0, ZoneOffset.UTC));
    List<CompletableFuture<Boolean>> calls = new java.util.ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    var threads = java.util.concurrent.Executors.newFixedThreadPool(8);
    for (int i = 0; i < 8; i++) {
      String value = "replica-" + i;
      calls.add(CompletableFuture.supplyAsync(() -> {
        try {
          go.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return kv.putIfAbsent("slack:event:Ev9", value, Duration.ofHours(1));
      }, threads));
    }
    go.countDown();
    long stored = 0;
    try {
      for (CompletableFuture<Boolean> c : calls) {
        stored += c.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(stored).isEqualTo(1);
  }

  // --- digest ledger

  @Test
  void ledger_claim_onlyOncePerSlot_andRecordReplacesIt() {
    DigestLedger ledger = stores.ledger();
    assertThat(ledger.claim("d", T0, T0)).isTrue();
    assertThat(ledger.claim("d", T0, T0)).isFalse();
    assertThat(ledger.find("d", T0)).get().extracting(DigestLedger.Entry::outcome)
        .isEqualTo(DigestLedger.Outcome.POSTING);
    DigestLedger.Entry posted = new DigestLedger.Entry("d", T0, DigestLedger.Outcome.POSTED,
        "3 items", Optional.of(T0.plusSeconds(5)), 1, T0.plusSeconds(6));
    ledger.record(posted);
    assertThat(ledger.find("d", T0)).contains(posted);
    assertThat(ledger.lastWindowEnd("d")).contains(T0.plusSeconds(5));
    assertThat(ledger.lastWindowEnd("other")).isEmpty();
    ledger.record(new DigestLedger.Entry("d", T0.plusSeconds(86_400),
        DigestLedger.Outcome.FAILED, "", Optional.empty(), 2, T0.plusSeconds(86_400)));
    assertThat(ledger.latest("d")).get().extracting(DigestLedger.Entry::attempts).isEqualTo(2);
    assertThat(ledger.lastWindowEnd("d")).contains(T0.plusSeconds(5));
  }

  @Test
  void ledger_watchingSince_theFirstCallWins() {
    assertThat(stores.ledger().watchingSince("d", T0)).isEqualTo(T0);
    assertThat(stores.ledger().watchingSince("d", T0.plusSeconds(60))).isEqualTo(T0);
  }

  // --- audit log

  @Test
  void audit_between_oldestFirst_andPruneDeletesTheOld() {
    AuditLog audit = stores.audit();
    AuditLog.Entry asked = new AuditLog.Entry(T0, "question", "slack:U1", "Who designated?",
        List.of("cartels-fto/designation"), List.of("https://state.example/fto"),
        Optional.of("answered"));
    AuditLog.Entry thumbs = new AuditLog.Entry(T0.plusSeconds(5), "feedback", "matrix:@e:x.org",
        "", List.of(), List.of(), Optional.of("not-helpful"));
    audit.add(thumbs);
    audit.add(asked);
    assertThat(audit.between(T0, T0.plusSeconds(10))).containsExactly(asked, thumbs);
    assertThat(audit.between(T0.plusSeconds(1), T0.plusSeconds(10))).containsExactly(thumbs);
    assertThat(audit.prune(T0.plusSeconds(1))).isEqualTo(1);
    assertThat(audit.between(T0, T0.plusSeconds(10))).containsExactly(thumbs);
  }

  // --- feed store

  @Test
  void feeds_stateRoundTrips() {
    FeedStore feeds = stores.feeds();
    assertThat(feeds.state("f")).isEqualTo(FeedState.fresh("f"));
    FeedState polled = new FeedState("f", Optional.of(URI.create("https://news.example/rss")),
        Optional.of("\"e1\""), Optional.of("Wed, 26 Nov 2026 10:00:00 GMT"), Optional.of(T0),
        Optional.of(T0), Optional.empty(), Optional.empty(), Optional.empty(), 0,
        Optional.of(T0.plusSeconds(900)), Optional.empty(), 1, Optional.empty());
    feeds.saveState(polled);
    feeds.saveState(polled);
    assertThat(feeds.state("f")).isEqualTo(polled);
    assertThat(feeds.states()).containsExactly(polled);
  }

  @Test
  void feeds_record_addsUpdatesAndCountsTheUnchanged() {
    FeedStore feeds = stores.feeds();
    Clock at = Clock.fixed(T0, ZoneOffset.UTC);
    FeedItem a = item("a", "Cartels designated");
    FeedItem b = item("b", "Palantir contract");
    FeedStore.Stored first = feeds.record(FeedState.fresh("feed"), List.of(a, b),
        List.of(about("cartels-fto"), List.of()), false, at);
    assertThat(first.added()).containsExactly(a, b);
    assertThat(feeds.lastSeq()).isEqualTo(2);
    FeedItem edited = new FeedItem("a", "feed", "Outlet", "Cartels designated as FTOs",
        a.summary(), a.link(), a.published(), false, a.language(), T0.plusSeconds(999));
    FeedStore.Stored second = feeds.record(FeedState.fresh("feed"), List.of(edited, b),
        List.of(about("cartels-fto"), List.of()), false, at);
    assertThat(second.added()).isEmpty();
    assertThat(second.updated()).singleElement().satisfies(u -> {
      assertThat(u.title()).isEqualTo("Cartels designated as FTOs");
      assertThat(u.firstSeen()).isEqualTo(T0);
    });
    assertThat(second.unchanged()).isEqualTo(1);
    FeedStore.Changes changes = feeds.changesAfter(2);
    assertThat(changes.added()).isEmpty();
    assertThat(changes.changed()).extracting(FeedItem::key).containsExactly("a");
    assertThat(changes.seq()).isEqualTo(3);
    assertThat(feeds.changesAfter(0).added()).extracting(FeedItem::key).containsExactly("b", "a");
    assertThat(feeds.items()).extracting(FeedItem::key).containsExactly("b", "a");
  }

  @Test
  void feeds_relevant_isStampedAtCommit_skipsBacklog_andFiltersStories() {
    FeedStore feeds = stores.feeds();
    feeds.record(FeedState.fresh("feed"), List.of(item("old", "Backlog")),
        List.of(about("cartels-fto")), true, Clock.fixed(T0, ZoneOffset.UTC));
    feeds.record(FeedState.fresh("feed"), List.of(item("new", "News"), item("other", "Recall")),
        List.of(about("cartels-fto"), about("recall")), false,
        Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC));
    List<FeedStore.Relevant> all = feeds.relevant(Set.of(), T0, T0.plusSeconds(60));
    assertThat(all).extracting(r -> r.item().key()).containsExactlyInAnyOrder("new", "other");
    assertThat(all).allSatisfy(r -> assertThat(r.since()).isEqualTo(T0.plusSeconds(10)));
    assertThat(feeds.relevant(Set.of("recall"), T0, T0.plusSeconds(60)))
        .singleElement().satisfies(r -> {
          assertThat(r.item().key()).isEqualTo("other");
          assertThat(r.terms()).containsExactly("cartel", "designation");
        });
    assertThat(feeds.relevant(Set.of(), T0.plusSeconds(11), T0.plusSeconds(60))).isEmpty();
  }

  /**
   * The commit-order rule digests rely on: a reader of relevance waits for a poll between
   * reading its commit time and committing, so it never misses an item stamped in its window.
   */
  @Test
  void feeds_relevant_waitsForAPollThatIsCommitting() throws Exception {
    FeedStore feeds = stores.feeds();
    CountDownLatch stamping = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Clock slowCommit = new MovingClock() {
      @Override
      public Instant instant() {
        stamping.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return T0;
      }
    };
    CompletableFuture<FeedStore.Stored> poll = CompletableFuture.supplyAsync(() ->
        feeds.record(FeedState.fresh("feed"), List.of(item("x", "News")),
            List.of(about("cartels-fto")), false, slowCommit));
    assertThat(stamping.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<List<FeedStore.Relevant>> digest = CompletableFuture.supplyAsync(() ->
        feeds.relevant(Set.of(), T0, T0.plusSeconds(1)));
    Thread.sleep(300);
    assertThat(digest).isNotDone();
    release.countDown();
    assertThat(poll.get(30, TimeUnit.SECONDS).added()).hasSize(1);
    assertThat(digest.get(30, TimeUnit.SECONDS)).extracting(r -> r.item().key())
        .containsExactly("x");
  }
}

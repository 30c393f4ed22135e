package org.backgrounder.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.backgrounder.digest.DigestLedger;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactHistory;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.FeedState;
import org.backgrounder.feeds.FeedStore;
import org.backgrounder.feeds.StoryMatcher.StoryMatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on PostgreSQL (skipped, saying why, when none is reachable), and what only
 * a database shared by replicas must do: two of them storing the same poll store it once.
 */
class PostgresStoreContractTest extends HistoryAndReviewContract {

  private TestPostgres pg;

  @BeforeAll
  static void postgres() {
    TestPostgres.assumeAvailable();
  }

  @Override
  Stores open() {
    pg = TestPostgres.open();
    return new Stores() {
      @Override
      public FeedStore feeds() {
        return new SqlFeedStore(pg.db);
      }

      @Override
      public DigestLedger ledger() {
        return new SqlDigestLedger(pg.db);
      }

      @Override
      public KeyValues keyValues(Clock clock) {
        return new SqlKeyValues(pg.db, clock);
      }

      @Override
      public AuditLog audit() {
        return new SqlAuditLog(pg.db);
      }

      @Override
      public FactHistory history() {
        return new SqlFactHistory(pg.db);
      }

      @Override
      public AuditReview auditReview() {
        return new SqlAuditReview(pg.db);
      }

      @Override
      public FeedReview feedReview() {
        return new SqlFeedReview(pg.db);
      }

      @Override
      public void close() {
        pg.close();
      }
    };
  }

  @Test
  void record_twoReplicasStoringTheSamePoll_storeEachItemOnce() throws Exception {
    List<FeedItem> items = new ArrayList<>();
    List<List<StoryMatch>> relevance = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      items.add(item("k" + i, "Item " + i));
      relevance.add(about("cartels-fto"));
    }
    Clock at = Clock.fixed(T0, ZoneOffset.UTC);
    try (PgDatabase other = pg.another()) {
      FeedStore mine = new SqlFeedStore(pg.db);
      FeedStore theirs = new SqlFeedStore(other);
      var a = CompletableFuture.supplyAsync(() ->
          mine.record(FeedState.fresh("feed"), items, relevance, false, at));
      var b = CompletableFuture.supplyAsync(() ->
          theirs.record(FeedState.fresh("feed"), items, relevance, false, at));
      assertThat(a.get().added().size() + b.get().added().size()).isEqualTo(200);
      assertThat(a.get().unchanged() + b.get().unchanged()).isEqualTo(200);
      assertThat(mine.lastSeq()).isEqualTo(200);
      assertThat(theirs.changesAfter(0).added()).hasSize(200);
    }
  }

  @Test
  void history_twoReplicasLoadingTheSameEdit_logItOnce() throws Exception {
    FactHistory mine = new SqlFactHistory(pg.db);
    mine.record(story(false), T0);
    FactBase edited = story(true);
    try (PgDatabase other = pg.another()) {
      FactHistory theirs = new SqlFactHistory(other);
      var a = CompletableFuture.supplyAsync(() -> mine.record(edited, T0.plusSeconds(10)));
      var b = CompletableFuture.supplyAsync(() -> theirs.record(edited, T0.plusSeconds(10)));
      assertThat(a.get().size() + b.get().size()).isEqualTo(1);
      assertThat(mine.between(T0, T0.plusSeconds(60), java.util.Set.of())).hasSize(1);
    }
  }

  @Test
  void ledger_twoReplicasClaimingOneSlot_onlyOneGetsIt() throws Exception {
    try (PgDatabase other = pg.another()) {
      var a = CompletableFuture.supplyAsync(() -> new SqlDigestLedger(pg.db).claim("d", T0, T0));
      var b = CompletableFuture.supplyAsync(() -> new SqlDigestLedger(other).claim("d", T0, T0));
      assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
    }
  }
}

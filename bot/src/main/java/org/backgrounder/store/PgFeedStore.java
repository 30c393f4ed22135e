package org.backgrounder.store;

import static org.backgrounder.store.SqliteFeedStore.bindItem;
import static org.backgrounder.store.SqliteFeedStore.hash;
import static org.backgrounder.store.SqliteFeedStore.item;
import static org.backgrounder.store.SqliteFeedStore.setInstant;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.FeedState;
import org.backgrounder.feeds.FeedStore;
import org.backgrounder.feeds.StoryMatcher;

/**
 * Feed state and items in PostgreSQL, shared by replicas. Writers of items take one transaction
 * lock, exclusive, and {@link #relevant} the same lock shared: what SQLite's single writer gives
 * for free, across processes. So an item's "became relevant" time is read as its transaction
 * commits, and a digest reading a window never runs beside a commit stamped inside it.
 */
public final class PgFeedStore implements FeedStore {

  /** The transaction-level advisory lock between writers of items and readers of relevance. */
  static final long ITEMS_LOCK = 0x4267_4974_656dL;

  private final PgDatabase db;

  public PgFeedStore(PgDatabase db) {
    this.db = db;
  }

  @Override
  public FeedState state(String feedId) {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT * FROM feed_state WHERE feed_id = ?")) {
        s.setString(1, feedId);
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? SqliteFeedStore.state(r) : FeedState.fresh(feedId);
        }
      }
    });
  }

  @Override
  public List<FeedState> states() {
    return db.read(c -> {
      List<FeedState> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT * FROM feed_state ORDER BY feed_id");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(SqliteFeedStore.state(r));
        }
      }
      return out;
    });
  }

  @Override
  public void saveState(FeedState state) {
    db.transaction(c -> {
      save(c, state);
      return null;
    });
  }

  @Override
  public Stored record(FeedState state, List<FeedItem> items,
      List<List<StoryMatcher.StoryMatch>> relevance, boolean backlog, Clock commit) {
    if (relevance.size() != items.size()) {
      throw new IllegalArgumentException("one relevance list per item");
    }
    return db.transaction(c -> {
      lock(c, "pg_advisory_xact_lock");
      long since = commit.instant().toEpochMilli();
      List<FeedItem> added = new ArrayList<>();
      List<FeedItem> updated = new ArrayList<>();
      int unchanged = 0;
      long seq = counter(c);
      // Every write in one round trip per statement, not one per item: under the items lock no
      // other writer stores between the look-up and the inserts, so what the look-up did not find
      // is new, exactly as an insert that took would say one at a time.
      java.util.Map<String, SqliteFeedStore.Existing> known = existing(c, items);
      try (PreparedStatement insert = c.prepareStatement(SqliteFeedStore.INSERT_ITEM);
          PreparedStatement update = c.prepareStatement(SqliteFeedStore.UPDATE_ITEM);
          PreparedStatement relevant = c.prepareStatement(SqliteFeedStore.UPSERT_RELEVANCE)) {
        for (int i = 0; i < items.size(); i++) {
          FeedItem item = items.get(i);
          String hash = hash(item);
          SqliteFeedStore.Existing before = known.get(item.key());
          if (before == null) {
            bindItem(insert, item, hash, ++seq);
            insert.setLong(13, seq);
            insert.addBatch();
            added.add(item);
          } else if (before.feedId().equals(item.feedId()) && !before.hash().equals(hash)) {
            FeedItem merged = new FeedItem(item.key(), item.feedId(), item.outlet(), item.title(),
                item.summary(), item.link(), item.publishedEstimated() ? before.published()
                    : item.published(), item.publishedEstimated(), item.language(),
                before.firstSeen());
            bindItem(update, merged, hash, ++seq);
            update.setString(13, merged.key());
            update.addBatch();
            updated.add(merged);
          } else {
            unchanged++;
          }
          for (StoryMatcher.StoryMatch m : relevance.get(i)) {
            relevant.setString(1, item.key());
            relevant.setString(2, m.story());
            relevant.setString(3, String.join("\n", m.terms()));
            relevant.setLong(4, since);
            relevant.setInt(5, backlog ? 1 : 0);
            relevant.addBatch();
          }
        }
        for (int n : insert.executeBatch()) {
          if (n == 0) {
            // Another writer skipped the lock: store nothing rather than miscount.
            throw new SQLException("an item appeared while the items lock was held");
          }
        }
        update.executeBatch();
        relevant.executeBatch();
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO counters (name, value)"
          + " VALUES ('items', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
        s.setLong(1, seq);
        s.executeUpdate();
      }
      save(c, state);
      return new Stored(added, updated, unchanged);
    });
  }

  @Override
  public Iterable<FeedItem> items() {
    return SqliteFeedStore.paged(after -> db.read(c -> {
      List<FeedItem> out = new ArrayList<>();
      long max = after;
      try (PreparedStatement s = c.prepareStatement(
          "SELECT * FROM items WHERE seq > ? ORDER BY seq LIMIT " + SqliteFeedStore.PAGE)) {
        s.setLong(1, after);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(item(r));
            max = r.getLong("seq");
          }
        }
      }
      return new Changes(out, List.of(), max);
    }));
  }

  @Override
  public long lastSeq() {
    return db.read(PgFeedStore::counter);
  }

  @Override
  public Changes changesAfter(long seq) {
    return db.read(c -> {
      List<FeedItem> added = new ArrayList<>();
      List<FeedItem> changed = new ArrayList<>();
      long max = seq;
      try (PreparedStatement s = c.prepareStatement("SELECT * FROM items WHERE seq > ? ORDER BY seq")) {
        s.setLong(1, seq);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            (r.getLong("created_seq") > seq ? added : changed).add(item(r));
            max = Math.max(max, r.getLong("seq"));
          }
        }
      }
      return new Changes(added, changed, max);
    });
  }

  @Override
  public List<Relevant> relevant(Set<String> stories, Instant from, Instant to) {
    // In a transaction holding the items lock shared: no writer is between reading its commit
    // time and committing, so what this does not see is stamped after this moment.
    return db.transaction(c -> {
      lock(c, "pg_advisory_xact_lock_shared");
      List<Relevant> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT i.*, r.story, r.terms, r.since FROM"
          + " relevance r JOIN items i ON i.key = r.item_key WHERE r.backlog = 0 AND r.since >= ?"
          + " AND r.since < ? ORDER BY i.published DESC")) {
        s.setLong(1, from.toEpochMilli());
        s.setLong(2, to.toEpochMilli());
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            String story = r.getString("story");
            if (stories.isEmpty() || stories.contains(story)) {
              out.add(new Relevant(item(r), story, List.of(r.getString("terms").split("\n")),
                  Instant.ofEpochMilli(r.getLong("since"))));
            }
          }
        }
      }
      return out;
    });
  }

  /** The stored items among {@code items}, by key, in one query. */
  private static java.util.Map<String, SqliteFeedStore.Existing> existing(Connection c,
      List<FeedItem> items) throws SQLException {
    java.util.Map<String, SqliteFeedStore.Existing> out = new java.util.HashMap<>();
    if (items.isEmpty()) {
      return out;
    }
    try (PreparedStatement s = c.prepareStatement("SELECT key, content_hash, published,"
        + " first_seen, feed_id FROM items WHERE key = ANY(?)")) {
      s.setArray(1, c.createArrayOf("text", items.stream().map(FeedItem::key).toArray()));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.put(r.getString(1), new SqliteFeedStore.Existing(r.getString(2),
              Instant.ofEpochMilli(r.getLong(3)), Instant.ofEpochMilli(r.getLong(4)),
              r.getString(5)));
        }
      }
    }
    return out;
  }

  private static void lock(Connection c, String function) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT " + function + "(?)")) {
      s.setLong(1, ITEMS_LOCK);
      s.executeQuery().close();
    }
  }

  private static long counter(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT value FROM counters WHERE name = 'items'");
        ResultSet r = s.executeQuery()) {
      return r.next() ? r.getLong(1) : 0;
    }
  }

  private static void save(Connection c, FeedState st) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO feed_state (feed_id,"
        + " current_url, etag, last_modified, last_attempt, last_success, last_failure,"
        + " failure_reason, failure_kind, consecutive_failures, next_poll, disabled_reason,"
        + " successes, failing_since) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (feed_id)"
        + " DO UPDATE SET current_url = excluded.current_url, etag = excluded.etag,"
        + " last_modified = excluded.last_modified, last_attempt = excluded.last_attempt,"
        + " last_success = excluded.last_success, last_failure = excluded.last_failure,"
        + " failure_reason = excluded.failure_reason, failure_kind = excluded.failure_kind,"
        + " consecutive_failures = excluded.consecutive_failures,"
        + " next_poll = excluded.next_poll, disabled_reason = excluded.disabled_reason,"
        + " successes = excluded.successes, failing_since = excluded.failing_since")) {
      s.setString(1, st.feedId());
      s.setString(2, st.currentUrl().map(URI::toString).orElse(null));
      s.setString(3, st.etag().orElse(null));
      s.setString(4, st.lastModified().orElse(null));
      setInstant(s, 5, st.lastAttempt());
      setInstant(s, 6, st.lastSuccess());
      setInstant(s, 7, st.lastFailure());
      s.setString(8, st.failureReason().orElse(null));
      s.setString(9, st.failureKind().map(Enum::name).orElse(null));
      s.setInt(10, st.consecutiveFailures());
      setInstant(s, 11, st.nextPoll());
      s.setString(12, st.disabledReason().orElse(null));
      s.setInt(13, st.successes());
      setInstant(s, 14, st.failingSince());
      s.executeUpdate();
    }
  }
}

package org.backgrounder.store;

import static org.backgrounder.store.FeedRows.item;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.LongFunction;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.FeedState;
import org.backgrounder.feeds.FeedStore;
import org.backgrounder.feeds.StoryMatcher.StoryMatch;

/**
 * Feed state and items, in SQL that SQLite and PostgreSQL both speak. Writers of items hold one
 * transaction lock, and {@link #relevant} reads where none is under way: what SQLite's single
 * writer gives for free, across PostgreSQL's replicas. So an item's "became relevant" time is
 * read as its transaction commits, and a digest reading a window never runs beside a commit
 * stamped inside it. How a poll's items are written is {@link PollWrite}'s: the one place the
 * two databases are worked differently.
 */
public final class SqlFeedStore implements FeedStore {

  /** "Bg" and "Item" in ASCII: the lock between writers of items and readers of relevance. */
  static final long ITEMS_LOCK = 0x4267_4974_656dL;

  private static final int PAGE = 5000;

  private static final String UPSERT_STATE = "INSERT INTO feed_state (feed_id, current_url, etag,"
      + " last_modified, last_attempt, last_success, last_failure, failure_reason, failure_kind,"
      + " consecutive_failures, next_poll, disabled_reason, successes, failing_since)"
      + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (feed_id) DO UPDATE SET"
      + " current_url = excluded.current_url, etag = excluded.etag,"
      + " last_modified = excluded.last_modified, last_attempt = excluded.last_attempt,"
      + " last_success = excluded.last_success, last_failure = excluded.last_failure,"
      + " failure_reason = excluded.failure_reason, failure_kind = excluded.failure_kind,"
      + " consecutive_failures = excluded.consecutive_failures,"
      + " next_poll = excluded.next_poll, disabled_reason = excluded.disabled_reason,"
      + " successes = excluded.successes, failing_since = excluded.failing_since";

  private final Sql db;

  public SqlFeedStore(Sql db) {
    this.db = db;
  }

  @Override
  public FeedState state(String feedId) {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT * FROM feed_state WHERE feed_id = ?")) {
        s.setString(1, feedId);
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? FeedRows.state(r) : FeedState.fresh(feedId);
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
          out.add(FeedRows.state(r));
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
  public Stored record(FeedState state, List<FeedItem> items, List<List<StoryMatch>> relevance,
      boolean backlog, Clock commit) {
    if (relevance.size() != items.size()) {
      throw new IllegalArgumentException("one relevance list per item");
    }
    return db.transaction(c -> {
      db.lock(c, ITEMS_LOCK);
      // Under the lock, as relevant() reads: see FeedStore.record.
      PollWrite poll = new PollWrite(commit.instant().toEpochMilli(), backlog,
          counter(c, "items"));
      switch (db.dialect()) {
        case SQLITE -> poll.oneByOne(c, items, relevance);
        case POSTGRESQL -> poll.inBatches(c, items, relevance);
      }
      setCounter(c, "items", poll.seq());
      save(c, state);
      return poll.stored();
    });
  }

  /** Every item, a page at a time, so a million items never sit in memory together. */
  @Override
  public Iterable<FeedItem> items() {
    return paged(this::page);
  }

  /** Items a page after another, {@code page} giving those after a change number. */
  private static Iterable<FeedItem> paged(LongFunction<Changes> page) {
    return () -> new Iterator<>() {
      private List<FeedItem> current = List.of();
      private int at;
      private long after = Long.MIN_VALUE;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (at < current.size()) {
          return true;
        }
        if (done) {
          return false;
        }
        Changes next = page.apply(after);
        current = next.items();
        at = 0;
        after = next.seq();
        done = current.size() < PAGE;
        return !current.isEmpty();
      }

      @Override
      public FeedItem next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.get(at++);
      }
    };
  }

  private Changes page(long afterSeq) {
    return db.read(c -> {
      List<FeedItem> out = new ArrayList<>();
      long max = afterSeq;
      try (PreparedStatement s = c.prepareStatement(
          "SELECT * FROM items WHERE seq > ? ORDER BY seq LIMIT " + PAGE)) {
        s.setLong(1, afterSeq);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(item(r));
            max = r.getLong("seq");
          }
        }
      }
      return new Changes(out, List.of(), max);
    });
  }

  @Override
  public long lastSeq() {
    return db.read(c -> counter(c, "items"));
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
    return db.readBetweenWrites(ITEMS_LOCK, c -> {
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

  private static void save(Connection c, FeedState state) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(UPSERT_STATE)) {
      FeedRows.bindState(s, state);
      s.executeUpdate();
    }
  }

  static long counter(Connection c, String name) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT value FROM counters WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getLong(1) : 0;
      }
    }
  }

  static void setCounter(Connection c, String name, long value) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO counters (name, value) VALUES"
        + " (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
      s.setString(1, name);
      s.setLong(2, value);
      s.executeUpdate();
    }
  }
}

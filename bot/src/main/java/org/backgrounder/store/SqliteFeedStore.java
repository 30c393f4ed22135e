package org.backgrounder.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.feeds.FeedException;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.FeedState;
import org.backgrounder.feeds.FeedStore;
import org.backgrounder.feeds.StoryMatcher;

/** Feed state and items in SQLite. */
public final class SqliteFeedStore implements FeedStore {

  private final Database db;

  public SqliteFeedStore(Database db) {
    this.db = db;
  }

  @Override
  public FeedState state(String feedId) {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT * FROM feed_state WHERE feed_id = ?")) {
        s.setString(1, feedId);
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? state(r) : FeedState.fresh(feedId);
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
          out.add(state(r));
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
      // Under the writer's lock, as relevant() reads: see FeedStore.record.
      long since = commit.instant().toEpochMilli();
      List<FeedItem> added = new ArrayList<>();
      List<FeedItem> updated = new ArrayList<>();
      int unchanged = 0;
      long seq = counter(c, "items");
      try (PreparedStatement find = c.prepareStatement(
              "SELECT content_hash, published, first_seen, feed_id FROM items WHERE key = ?");
          PreparedStatement insert = c.prepareStatement(INSERT_ITEM);
          PreparedStatement update = c.prepareStatement(UPDATE_ITEM);
          PreparedStatement relevant = c.prepareStatement(UPSERT_RELEVANCE)) {
        for (int i = 0; i < items.size(); i++) {
          FeedItem item = items.get(i);
          String hash = hash(item);
          // Most items of a poll are either all new (a new feed) or all known: try the insert
          // first, and look the item up only when it was already there.
          bindItem(insert, item, hash, seq + 1);
          insert.setLong(13, seq + 1);
          if (insert.executeUpdate() == 1) {
            seq++;
            added.add(item);
          } else {
            Existing before = existing(find, item.key());
            // An article another of the outlet's feeds already carries (a link guid) is that
            // feed's item: two feeds must not rewrite it in turn on every poll.
            if (before.feedId().equals(item.feedId()) && !before.hash().equals(hash)) {
              // Same item, new words: keep when it was first seen, take the rest from the feed.
              FeedItem merged = new FeedItem(item.key(), item.feedId(), item.outlet(), item.title(),
                  item.summary(), item.link(), item.publishedEstimated() ? before.published()
                      : item.published(), item.publishedEstimated(), item.language(),
                  before.firstSeen());
              bindItem(update, merged, hash, ++seq);
              update.setString(13, merged.key());
              update.executeUpdate();
              updated.add(merged);
            } else {
              unchanged++;
            }
          }
          for (StoryMatcher.StoryMatch m : relevance.get(i)) {
            // The first time an item is relevant to a story is when it "became relevant".
            relevant.setString(1, item.key());
            relevant.setString(2, m.story());
            relevant.setString(3, String.join("\n", m.terms()));
            relevant.setLong(4, since);
            relevant.setInt(5, backlog ? 1 : 0);
            relevant.executeUpdate();
          }
        }
      }
      setCounter(c, "items", seq);
      save(c, state);
      return new Stored(added, updated, unchanged);
    });
  }

  /** Every item, a page at a time, so a million items never sit in memory together. */
  @Override
  public Iterable<FeedItem> items() {
    return paged(this::page);
  }

  /** Items a page after another, {@code page} giving those after a change number. */
  static Iterable<FeedItem> paged(java.util.function.LongFunction<Changes> page) {
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

  static final int PAGE = 5000;

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
    return db.readBetweenWrites(c -> {
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

  record Existing(String hash, Instant published, Instant firstSeen, String feedId) {}

  static final String INSERT_ITEM = "INSERT INTO items (key, feed_id, outlet, title,"
      + " summary, link, published, estimated, language, first_seen, content_hash, seq, created_seq)"
      + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(key) DO NOTHING";
  static final String UPDATE_ITEM = "UPDATE items SET key = ?, feed_id = ?, outlet = ?,"
      + " title = ?, summary = ?, link = ?, published = ?, estimated = ?, language = ?,"
      + " first_seen = ?, content_hash = ?, seq = ? WHERE key = ?";
  static final String UPSERT_RELEVANCE = "INSERT INTO relevance (item_key, story, terms,"
      + " since, backlog) VALUES (?,?,?,?,?) ON CONFLICT(item_key, story) DO UPDATE SET"
      + " terms = excluded.terms";

  static Existing existing(PreparedStatement find, String key) throws SQLException {
    find.setString(1, key);
    try (ResultSet r = find.executeQuery()) {
      return r.next() ? new Existing(r.getString(1), Instant.ofEpochMilli(r.getLong(2)),
          Instant.ofEpochMilli(r.getLong(3)), r.getString(4)) : null;
    }
  }

  static void bindItem(PreparedStatement s, FeedItem i, String hash, long seq)
      throws SQLException {
    s.setString(1, i.key());
    s.setString(2, i.feedId());
    s.setString(3, i.outlet());
    s.setString(4, i.title());
    s.setString(5, i.summary());
    s.setString(6, i.link().map(URI::toString).orElse(null));
    s.setLong(7, i.published().toEpochMilli());
    s.setInt(8, i.publishedEstimated() ? 1 : 0);
    s.setString(9, i.language().orElse(null));
    s.setLong(10, i.firstSeen().toEpochMilli());
    s.setString(11, hash);
    s.setLong(12, seq);
  }

  static FeedItem item(ResultSet r) throws SQLException {
    String link = r.getString("link");
    return new FeedItem(r.getString("key"), r.getString("feed_id"), r.getString("outlet"),
        r.getString("title"), r.getString("summary"),
        link == null ? Optional.empty() : Optional.of(URI.create(link)),
        Instant.ofEpochMilli(r.getLong("published")), r.getInt("estimated") == 1,
        Optional.ofNullable(r.getString("language")), Instant.ofEpochMilli(r.getLong("first_seen")));
  }

  private static void save(Connection c, FeedState st) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO feed_state (feed_id,"
        + " current_url, etag, last_modified, last_attempt, last_success, last_failure,"
        + " failure_reason, failure_kind, consecutive_failures, next_poll, disabled_reason,"
        + " successes, failing_since) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
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

  static FeedState state(ResultSet r) throws SQLException {
    String url = r.getString("current_url");
    String kind = r.getString("failure_kind");
    return new FeedState(r.getString("feed_id"),
        url == null ? Optional.empty() : Optional.of(URI.create(url)),
        Optional.ofNullable(r.getString("etag")), Optional.ofNullable(r.getString("last_modified")),
        instant(r, "last_attempt"), instant(r, "last_success"), instant(r, "last_failure"),
        Optional.ofNullable(r.getString("failure_reason")),
        kind == null ? Optional.empty() : Optional.of(FeedException.Kind.valueOf(kind)),
        r.getInt("consecutive_failures"), instant(r, "next_poll"),
        Optional.ofNullable(r.getString("disabled_reason")), r.getInt("successes"),
        instant(r, "failing_since"));
  }

  private static Optional<Instant> instant(ResultSet r, String column) throws SQLException {
    long v = r.getLong(column);
    return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
  }

  static void setInstant(PreparedStatement s, int i, Optional<Instant> t) throws SQLException {
    if (t.isPresent()) {
      s.setLong(i, t.get().toEpochMilli());
    } else {
      s.setNull(i, Types.INTEGER);
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
    try (PreparedStatement s = c.prepareStatement(
        "INSERT OR REPLACE INTO counters (name, value) VALUES (?, ?)")) {
      s.setString(1, name);
      s.setLong(2, value);
      s.executeUpdate();
    }
  }

  static String hash(FeedItem i) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(i.title().getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
      d.update(i.summary().getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
      d.update(i.link().map(URI::toString).orElse("").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

}

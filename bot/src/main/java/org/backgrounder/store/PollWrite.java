package org.backgrounder.store;

import static org.backgrounder.store.FeedRows.bindItem;
import static org.backgrounder.store.FeedRows.hash;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.FeedStore.Stored;
import org.backgrounder.feeds.StoryMatcher.StoryMatch;

/**
 * One poll's items written to {@code items} and {@code relevance}, in {@link SqlFeedStore}'s
 * transaction under its items lock: one by one on SQLite, where a statement is a call into the
 * library, or in batches on PostgreSQL, where it is a round trip. Either way stores the same rows
 * and counts the same: a new item is added, a known one with new words from the same feed is
 * updated (numbered anew), and any other is unchanged.
 */
final class PollWrite {

  private static final String FIND_ITEM =
      "SELECT content_hash, published, first_seen, feed_id FROM items WHERE key = ?";
  private static final String INSERT_ITEM = "INSERT INTO items (key, feed_id, outlet, title,"
      + " summary, link, published, estimated, language, first_seen, content_hash, seq, created_seq)"
      + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(key) DO NOTHING";
  private static final String UPDATE_ITEM = "UPDATE items SET key = ?, feed_id = ?, outlet = ?,"
      + " title = ?, summary = ?, link = ?, published = ?, estimated = ?, language = ?,"
      + " first_seen = ?, content_hash = ?, seq = ? WHERE key = ?";
  /** The first time an item is relevant to a story is when it "became relevant": kept. */
  private static final String UPSERT_RELEVANCE = "INSERT INTO relevance (item_key, story, terms,"
      + " since, backlog) VALUES (?,?,?,?,?) ON CONFLICT(item_key, story) DO UPDATE SET"
      + " terms = excluded.terms";

  private final long since;
  private final boolean backlog;
  private long seq;
  private final List<FeedItem> added = new ArrayList<>();
  private final List<FeedItem> updated = new ArrayList<>();
  private int unchanged;

  /**
   * @param since when the items became relevant (epoch milliseconds)
   * @param backlog whether they are a new feed's first poll, not news
   * @param seq the latest change number; the items' changes are numbered on from it
   */
  PollWrite(long since, boolean backlog, long seq) {
    this.since = since;
    this.backlog = backlog;
    this.seq = seq;
  }

  /** The latest change number, once the items are written. */
  long seq() {
    return seq;
  }

  Stored stored() {
    return new Stored(added, updated, unchanged);
  }

  /**
   * Writes each item as it comes (SQLite). Most items of a poll are either all new (a new feed) or
   * all known: the insert is tried first, and the item looked up only when it was already there.
   */
  void oneByOne(Connection c, List<FeedItem> items, List<List<StoryMatch>> relevance)
      throws SQLException {
    try (PreparedStatement find = c.prepareStatement(FIND_ITEM);
        PreparedStatement insert = c.prepareStatement(INSERT_ITEM);
        PreparedStatement update = c.prepareStatement(UPDATE_ITEM);
        PreparedStatement relevant = c.prepareStatement(UPSERT_RELEVANCE)) {
      for (int i = 0; i < items.size(); i++) {
        FeedItem item = items.get(i);
        String hash = hash(item);
        bindItem(insert, item, hash, seq + 1);
        insert.setLong(13, seq + 1);
        if (insert.executeUpdate() == 1) {
          seq++;
          added.add(item);
        } else {
          again(item, hash, existing(find, item.key()), update, PreparedStatement::executeUpdate);
        }
        relate(item, relevance.get(i), relevant, PreparedStatement::executeUpdate);
      }
    }
  }

  /**
   * Writes the items in one round trip per statement, not one per item (PostgreSQL): under the
   * items lock no other writer stores between the look-up and the inserts, so what the look-up did
   * not find is new, exactly as an insert that took would say one at a time.
   */
  void inBatches(Connection c, List<FeedItem> items, List<List<StoryMatch>> relevance)
      throws SQLException {
    Map<String, Existing> known = existing(c, items);
    try (PreparedStatement insert = c.prepareStatement(INSERT_ITEM);
        PreparedStatement update = c.prepareStatement(UPDATE_ITEM);
        PreparedStatement relevant = c.prepareStatement(UPSERT_RELEVANCE)) {
      for (int i = 0; i < items.size(); i++) {
        FeedItem item = items.get(i);
        String hash = hash(item);
        Existing before = known.get(item.key());
        if (before == null) {
          bindItem(insert, item, hash, ++seq);
          insert.setLong(13, seq);
          insert.addBatch();
          added.add(item);
        } else {
          again(item, hash, before, update, PreparedStatement::addBatch);
        }
        relate(item, relevance.get(i), relevant, PreparedStatement::addBatch);
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
  }

  /** Sends a bound statement: at once (SQLite) or into its batch (PostgreSQL). */
  private interface Send {
    void to(PreparedStatement s) throws SQLException;
  }

  private record Existing(String hash, Instant published, Instant firstSeen, String feedId) {}

  /**
   * An item stored before ({@code before}) that came again: updated when the same feed brought it
   * with new words, else unchanged. An article another of the outlet's feeds already carries (a
   * link guid) is that feed's item: two feeds must not rewrite it in turn on every poll.
   */
  private void again(FeedItem item, String hash, Existing before, PreparedStatement update,
      Send send) throws SQLException {
    if (!before.feedId().equals(item.feedId()) || before.hash().equals(hash)) {
      unchanged++;
      return;
    }
    // Same item, new words: keep when it was first seen, take the rest from the feed.
    FeedItem merged = new FeedItem(item.key(), item.feedId(), item.outlet(), item.title(),
        item.summary(), item.link(), item.publishedEstimated() ? before.published()
            : item.published(), item.publishedEstimated(), item.language(), before.firstSeen());
    bindItem(update, merged, hash, ++seq);
    update.setString(13, item.key());
    send.to(update);
    updated.add(merged);
  }

  /** Records {@code item} as relevant to each of {@code matches}' stories. */
  private void relate(FeedItem item, List<StoryMatch> matches, PreparedStatement relevant,
      Send send) throws SQLException {
    for (StoryMatch m : matches) {
      relevant.setString(1, item.key());
      relevant.setString(2, m.story());
      relevant.setString(3, String.join("\n", m.terms()));
      relevant.setLong(4, since);
      relevant.setInt(5, backlog ? 1 : 0);
      send.to(relevant);
    }
  }

  private static Existing existing(PreparedStatement find, String key) throws SQLException {
    find.setString(1, key);
    try (ResultSet r = find.executeQuery()) {
      return r.next() ? new Existing(r.getString(1), Instant.ofEpochMilli(r.getLong(2)),
          Instant.ofEpochMilli(r.getLong(3)), r.getString(4)) : null;
    }
  }

  /** The stored items among {@code items}, by key, in one query (a PostgreSQL array). */
  private static Map<String, Existing> existing(Connection c, List<FeedItem> items)
      throws SQLException {
    Map<String, Existing> out = new HashMap<>();
    if (items.isEmpty()) {
      return out;
    }
    try (PreparedStatement s = c.prepareStatement("SELECT key, content_hash, published,"
        + " first_seen, feed_id FROM items WHERE key = ANY(?)")) {
      s.setArray(1, c.createArrayOf("text", items.stream().map(FeedItem::key).toArray()));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.put(r.getString(1), new Existing(r.getString(2),
              Instant.ofEpochMilli(r.getLong(3)), Instant.ofEpochMilli(r.getLong(4)),
              r.getString(5)));
        }
      }
    }
    return out;
  }
}

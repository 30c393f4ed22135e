package org.backgrounder.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backgrounder.feeds.FeedItem;

/**
 * The desk's reads of the {@code items} and {@code relevance} tables, in SQL that SQLite and
 * PostgreSQL both speak but for SQLite's hint of the index to read recent items along.
 */
public final class SqlFeedReview implements FeedReview {

  private static final long DAY = Duration.ofDays(1).toMillis();

  // Newest first along the publication index, stopping at the page's end: most recent
  // items are relevant to some story, so this reads little more than the page.
  private static final String RELEVANT_SINCE_SQLITE = "SELECT i.* FROM items i INDEXED BY"
      + " items_published WHERE i.published > ? AND EXISTS (SELECT 1 FROM relevance r"
      + " WHERE r.story = ? AND r.item_key = i.key) ORDER BY i.published DESC LIMIT ? OFFSET ?";
  private static final String RELEVANT_SINCE_POSTGRESQL = "SELECT i.* FROM items i"
      + " WHERE i.published > ? AND EXISTS (SELECT 1 FROM relevance r"
      + " WHERE r.story = ? AND r.item_key = i.key) ORDER BY i.published DESC LIMIT ? OFFSET ?";

  private final Sql db;

  public SqlFeedReview(Sql db) {
    this.db = db;
  }

  @Override
  public Map<String, int[]> itemsPerDay(Instant from, int days) {
    if (days < 1 || days > 366) {
      throw new IllegalArgumentException("days must be 1 to 366, not " + days);
    }
    long start = from.toEpochMilli();
    return db.read(c -> {
      Map<String, int[]> out = new HashMap<>();
      try (PreparedStatement s = c.prepareStatement("SELECT feed_id, (published - ?) / ? AS day,"
          + " count(*) FROM items WHERE published >= ? AND published < ? GROUP BY feed_id, day")) {
        s.setLong(1, start);
        s.setLong(2, DAY);
        s.setLong(3, start);
        s.setLong(4, start + days * DAY);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.computeIfAbsent(r.getString(1), k -> new int[days])[r.getInt(2)] = r.getInt(3);
          }
        }
      }
      return out;
    });
  }

  @Override
  public Page<FeedItem> relevantSince(String story, Instant after, int offset, int limit) {
    Page.check(offset, limit);
    String relevantSince = switch (db.dialect()) {
      case SQLITE -> RELEVANT_SINCE_SQLITE;
      case POSTGRESQL -> RELEVANT_SINCE_POSTGRESQL;
    };
    return db.read(c -> {
      List<FeedItem> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(relevantSince)) {
        s.setLong(1, after.toEpochMilli());
        s.setString(2, story);
        s.setInt(3, limit + 1);
        s.setInt(4, offset);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(FeedRows.item(r));
          }
        }
      }
      return out.size() > limit ? new Page<>(out.subList(0, limit), true) : new Page<>(out, false);
    });
  }
}

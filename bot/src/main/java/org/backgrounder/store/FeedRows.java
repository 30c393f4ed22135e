package org.backgrounder.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.backgrounder.feeds.FeedException;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.FeedState;

/**
 * Feed items and states as rows of {@code items} and {@code feed_state}, and back: times as epoch
 * milliseconds, flags as 0 or 1, the same on both databases.
 */
final class FeedRows {

  private FeedRows() {}

  /** The words of an item that a feed may change: title, summary and link, hashed. */
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

  /** Binds parameters 1 to 12: key, feed, outlet, title, summary, link, ..., hash, seq. */
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

  /** The item in the current row of {@code r}, read by column name. */
  static FeedItem item(ResultSet r) throws SQLException {
    String link = r.getString("link");
    return new FeedItem(r.getString("key"), r.getString("feed_id"), r.getString("outlet"),
        r.getString("title"), r.getString("summary"),
        link == null ? Optional.empty() : Optional.of(URI.create(link)),
        Instant.ofEpochMilli(r.getLong("published")), r.getInt("estimated") == 1,
        Optional.ofNullable(r.getString("language")), Instant.ofEpochMilli(r.getLong("first_seen")));
  }

  /** Binds parameters 1 to 14, in {@code feed_state}'s column order. */
  static void bindState(PreparedStatement s, FeedState st) throws SQLException {
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
  }

  /** The feed state in the current row of {@code r}, read by column name. */
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

  private static void setInstant(PreparedStatement s, int i, Optional<Instant> t)
      throws SQLException {
    if (t.isPresent()) {
      s.setLong(i, t.get().toEpochMilli());
    } else {
      s.setNull(i, Types.BIGINT);
    }
  }
}

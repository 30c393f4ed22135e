package org.backgrounder.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.backgrounder.digest.DigestLedger;

/**
 * The digest ledger in the {@code digest_slots} table, "watching since" in {@code cursors}, in SQL
 * that SQLite and PostgreSQL both speak. A slot is claimed by one insert that the database
 * serializes on (digest, slot), so of replicas sharing it only one posts a slot, and a leader
 * taking over never posts it again.
 */
public final class SqlDigestLedger implements DigestLedger {

  private static final String COLUMNS =
      "digest, slot, outcome, detail, window_to, attempts, recorded";

  private final Sql db;

  public SqlDigestLedger(Sql db) {
    this.db = db;
  }

  @Override
  public Optional<Entry> find(String digest, Instant slot) {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
          + " FROM digest_slots WHERE digest = ? AND slot = ?")) {
        s.setString(1, digest);
        s.setLong(2, slot.toEpochMilli());
        return one(s);
      }
    });
  }

  @Override
  public Optional<Entry> latest(String digest) {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
          + " FROM digest_slots WHERE digest = ? ORDER BY slot DESC LIMIT 1")) {
        s.setString(1, digest);
        return one(s);
      }
    });
  }

  @Override
  public void record(Entry e) {
    db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO digest_slots (" + COLUMNS
          + ") VALUES (?,?,?,?,?,?,?) ON CONFLICT (digest, slot) DO UPDATE SET"
          + " outcome = excluded.outcome, detail = excluded.detail,"
          + " window_to = excluded.window_to, attempts = excluded.attempts,"
          + " recorded = excluded.recorded")) {
        s.setString(1, e.digest());
        s.setLong(2, e.slot().toEpochMilli());
        s.setString(3, e.outcome().name());
        s.setString(4, e.detail());
        if (e.windowTo().isPresent()) {
          s.setLong(5, e.windowTo().get().toEpochMilli());
        } else {
          s.setNull(5, java.sql.Types.BIGINT);
        }
        s.setInt(6, e.attempts());
        s.setLong(7, e.recorded().toEpochMilli());
        return s.executeUpdate();
      }
    });
  }

  @Override
  public boolean claim(String digest, Instant slot, Instant now) {
    return db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO digest_slots (" + COLUMNS
          + ") VALUES (?,?,?,'',NULL,0,?) ON CONFLICT (digest, slot) DO NOTHING")) {
        s.setString(1, digest);
        s.setLong(2, slot.toEpochMilli());
        s.setString(3, Outcome.POSTING.name());
        s.setLong(4, now.toEpochMilli());
        return s.executeUpdate() == 1;
      }
    });
  }

  @Override
  public Optional<Instant> lastWindowEnd(String digest) {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT max(window_to) FROM digest_slots WHERE digest = ? AND window_to IS NOT NULL")) {
        s.setString(1, digest);
        try (ResultSet r = s.executeQuery()) {
          if (r.next()) {
            long v = r.getLong(1);
            return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
          }
          return Optional.empty();
        }
      }
    });
  }

  @Override
  public Instant watchingSince(String digest, Instant now) {
    String name = "digest-since:" + digest;
    return db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO cursors (name, value, updated)"
          + " VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
        s.setString(1, name);
        s.setString(2, Long.toString(now.toEpochMilli()));
        s.setLong(3, now.toEpochMilli());
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("SELECT value FROM cursors WHERE name = ?")) {
        s.setString(1, name);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          return Instant.ofEpochMilli(Long.parseLong(r.getString(1)));
        }
      }
    });
  }

  private static Optional<Entry> one(PreparedStatement s) throws SQLException {
    try (ResultSet r = s.executeQuery()) {
      if (!r.next()) {
        return Optional.empty();
      }
      long to = r.getLong(5);
      Optional<Instant> windowTo = r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(to));
      return Optional.of(new Entry(r.getString(1), Instant.ofEpochMilli(r.getLong(2)),
          Outcome.valueOf(r.getString(3)), r.getString(4), windowTo, r.getInt(6),
          Instant.ofEpochMilli(r.getLong(7))));
    }
  }
}

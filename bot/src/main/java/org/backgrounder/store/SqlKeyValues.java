package org.backgrounder.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Key-values in the {@code cursors} table, in SQL that SQLite and PostgreSQL both speak. {@link
 * #putIfAbsent} is one insert the database serializes on the key, so of replicas that see the
 * same event only one stores it.
 */
public final class SqlKeyValues implements KeyValues {

  private final Sql db;
  private final Clock clock;

  public SqlKeyValues(Sql db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Optional<String> get(String key) {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT value FROM cursors WHERE name = ?")) {
        s.setString(1, key);
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public void put(String key, String value) {
    db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO cursors (name, value, updated)"
          + " VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value,"
          + " updated = excluded.updated")) {
        s.setString(1, key);
        s.setString(2, value);
        s.setLong(3, clock.millis());
        return s.executeUpdate();
      }
    });
  }

  @Override
  public boolean putIfAbsent(String key, String value) {
    return db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO cursors (name, value, updated)"
          + " VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
        s.setString(1, key);
        s.setString(2, value);
        s.setLong(3, clock.millis());
        return s.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean putIfAbsent(String key, String value, Duration ttl) {
    long now = clock.millis();
    return db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO cursors (name, value, updated)"
          + " VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value,"
          + " updated = excluded.updated WHERE cursors.updated <= ?")) {
        s.setString(1, key);
        s.setString(2, value);
        s.setLong(3, now);
        s.setLong(4, now - ttl.toMillis());
        return s.executeUpdate() == 1;
      }
    });
  }

  @Override
  public int prune(String prefix, Instant before) {
    return db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "DELETE FROM cursors WHERE substr(name, 1, ?) = ? AND updated < ?")) {
        s.setInt(1, prefix.length());
        s.setString(2, prefix);
        s.setLong(3, before.toEpochMilli());
        return s.executeUpdate();
      }
    });
  }
}

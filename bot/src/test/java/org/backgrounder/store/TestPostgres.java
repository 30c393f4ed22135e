package org.backgrounder.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.backgrounder.config.Secret;
import org.backgrounder.config.StoreSettings;

/**
 * The PostgreSQL the tests may use, named by {@code BACKGROUNDER_TEST_PG_URL}
 * ({@code postgresql://127.0.0.1:PORT/DB}), {@code _USER} and {@code _PASSWORD}; {@code .ci/run}
 * starts a throwaway cluster and sets them. Without one, PostgreSQL tests skip, saying why. Each
 * database a test opens is a schema of its own, dropped when the test closes it.
 */
final class TestPostgres implements AutoCloseable {

  private static final String URL = System.getenv("BACKGROUNDER_TEST_PG_URL");
  private static final String USER = env("BACKGROUNDER_TEST_PG_USER", "backgrounder");
  private static final String PASSWORD = env("BACKGROUNDER_TEST_PG_PASSWORD", "");
  private static String unavailable;

  final String schema;
  final PgDatabase db;

  private TestPostgres(String schema, PgDatabase db) {
    this.schema = schema;
    this.db = db;
  }

  /** A fresh schema, migrated; skips the test when no PostgreSQL is reachable. */
  static TestPostgres open() {
    String schema = freshSchema();
    return new TestPostgres(schema, replica(schema));
  }

  /** Another pool on the same schema, as a second replica would have. */
  PgDatabase another() {
    return replica(schema);
  }

  /** The name of a schema not yet made; skips the test when no PostgreSQL is reachable. */
  static String freshSchema() {
    assumeAvailable();
    return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
        .toLowerCase(Locale.ROOT);
  }

  /** A pool on {@code schema}, opened (and so migrated) as a replica starting would open it. */
  static PgDatabase replica(String schema) {
    return PgDatabase.open(jdbcUrl(), USER, PASSWORD, schema);
  }

  /** As {@link #replica}, with {@code query} ("?...") after the URL, as store.url may have. */
  static PgDatabase replica(String query, String schema) {
    return PgDatabase.open(jdbcUrl() + query, USER, PASSWORD, schema);
  }

  /** Skips the calling test, with the reason, when there is no PostgreSQL to test against. */
  static synchronized void assumeAvailable() {
    if (unavailable == null) {
      unavailable = probe();
      if (!unavailable.isEmpty()) {
        // Said once on the build's output: an assumption's message alone is easy to miss.
        System.err.println("PostgreSQL store tests skipped: " + unavailable);
      }
    }
    assumeTrue(unavailable.isEmpty(), unavailable);
  }

  private static String probe() {
    if (URL == null || URL.isBlank()) {
      return "no PostgreSQL for the store tests: set BACKGROUNDER_TEST_PG_URL"
          + " (postgresql://127.0.0.1:PORT/DB), _USER and _PASSWORD; .ci/run starts one";
    }
    try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD)) {
      return c.isValid(5) ? "" : "the PostgreSQL at " + URL + " does not answer";
    } catch (SQLException e) {
      return "no PostgreSQL reachable at " + URL + " for the store tests: " + e.getMessage();
    }
  }

  /** The settings a deployment would write, with {@code query} after the URL ("?..."). */
  static StoreSettings settings(String query) {
    assumeAvailable();
    return new StoreSettings(URL + query, USER, Secret.of(PASSWORD));
  }

  static String jdbcUrl() {
    return new StoreSettings(URL, USER, Secret.of(PASSWORD)).jdbcUrl().orElseThrow();
  }

  @Override
  public void close() {
    try {
      db.transaction(c -> c.createStatement().executeUpdate("DROP SCHEMA " + schema + " CASCADE"));
    } finally {
      db.close();
    }
  }

  private static String env(String name, String otherwise) {
    String v = System.getenv(name);
    return v == null ? otherwise : v;
  }
}

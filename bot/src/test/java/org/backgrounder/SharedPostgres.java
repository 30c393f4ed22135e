package org.backgrounder;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.backgrounder.config.Secret;
import org.backgrounder.config.StoreSettings;

/**
 * A schema of its own in the test PostgreSQL ({@code BACKGROUNDER_TEST_PG_URL}, {@code _USER},
 * {@code _PASSWORD}; {@code .ci/run} starts one), for tests outside the store package that run
 * replicas over it: {@link #url()} is the {@code store.url} replicas are given. Without one the
 * test is skipped, saying why. Closing drops the schema.
 */
public final class SharedPostgres implements AutoCloseable {

  public static final String URL = System.getenv("BACKGROUNDER_TEST_PG_URL");
  public static final String USER = System.getenv("BACKGROUNDER_TEST_PG_USER");
  public static final String PASSWORD = System.getenv("BACKGROUNDER_TEST_PG_PASSWORD");

  private final String schema;

  private SharedPostgres(String schema) {
    this.schema = schema;
  }

  /** A fresh, empty schema; skips the calling test when no PostgreSQL is set or reachable. */
  public static SharedPostgres create() throws SQLException {
    assumeTrue(URL != null && !URL.isBlank(), "no PostgreSQL for the replica tests: set"
        + " BACKGROUNDER_TEST_PG_URL, _USER and _PASSWORD; .ci/run starts one");
    String schema = "r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String server = new StoreSettings(URL, USER, Secret.of(PASSWORD == null ? "" : PASSWORD))
        .jdbcUrl().orElseThrow();
    try (Connection c = DriverManager.getConnection(server, USER, PASSWORD)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      assumeTrue(false, "no PostgreSQL reachable at " + URL + ": " + e.getMessage());
    }
    return new SharedPostgres(schema);
  }

  /** The {@code store.url} of this schema. */
  public String url() {
    return URL + "?currentSchema=" + schema;
  }

  /** Settings for a store in this schema, credentials from the environment. */
  public StoreSettings settings() {
    return new StoreSettings(url(), USER, Secret.of(PASSWORD == null ? "" : PASSWORD));
  }

  /** A plain connection to the schema, for a test's own look at the rows. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(settings().jdbcUrl().orElseThrow(), USER, PASSWORD);
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = connect()) {
      c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}

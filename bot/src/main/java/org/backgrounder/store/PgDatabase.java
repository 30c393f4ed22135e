package org.backgrounder.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.backgrounder.config.StoreSettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * A PostgreSQL database that several replicas share, through a HikariCP pool. Opening it runs
 * the versioned migrations under {@code org/backgrounder/store/postgresql} with Flyway, which
 * takes a lock in the database, so replicas starting together migrate once.
 */
public final class PgDatabase implements Closeable, Sql {

  private static final String MIGRATIONS = "classpath:org/backgrounder/store/postgresql";

  private final HikariDataSource pool;
  private final String jdbcUrl;
  private final Properties credentials;

  private PgDatabase(HikariDataSource pool, String jdbcUrl, Properties credentials) {
    this.pool = pool;
    this.jdbcUrl = jdbcUrl;
    this.credentials = credentials;
  }

  /** Connects to the database {@code settings} name and brings its schema up to date. */
  public static PgDatabase open(StoreSettings settings) {
    return open(settings.jdbcUrl().orElseThrow(() -> new IllegalArgumentException(
        "store.url is not a postgresql:// url")), settings.user(), settings.password().reveal(),
        null);
  }

  /**
   * As {@link #open(StoreSettings)}, in {@code schema} (created when missing) rather than the
   * user's default one: tests give each database under test its own.
   */
  static PgDatabase open(String jdbcUrl, String user, String password, String schema) {
    Properties credentials = new Properties();
    credentials.setProperty("user", user);
    credentials.setProperty("password", password);
    credentials.setProperty("tcpKeepAlive", "true");
    if (schema != null) {
      credentials.setProperty("currentSchema", schema);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("backgrounder-store");
    config.setJdbcUrl(jdbcUrl);
    config.setDataSourceProperties(credentials);
    config.setMaximumPoolSize(8);
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(5_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to PostgreSQL at " + jdbcUrl + " as " + user
          + " (store.url, store.user, store.password): " + e.getMessage(), e);
    }
    try {
      var flyway = Flyway.configure().dataSource(pool).locations(MIGRATIONS);
      if (schema != null) {
        flyway.schemas(schema);
      }
      flyway.load().migrate();
    } catch (FlywayException e) {
      pool.close();
      throw new StoreException("cannot migrate the PostgreSQL schema at " + jdbcUrl + ": "
          + e.getMessage(), e);
    }
    return new PgDatabase(pool, jdbcUrl, credentials);
  }

  /** Runs read-only {@code work} on a pooled connection; it sees every committed transaction. */
  @Override
  public <T> T read(Database.Work<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /**
   * Runs {@code work} in one transaction: all of it is stored, or none, whatever it throws.
   * Autocommit comes back on as the connection returns to the pool: HikariCP resets it.
   */
  @Override
  public <T> T transaction(Database.Work<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          c.rollback();
        } catch (SQLException | RuntimeException r) {
          e.addSuppressed(r);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /**
   * A connection of its own, outside the pool, for a session-level lock: when it closes or
   * breaks, PostgreSQL releases what the session held.
   */
  Connection dedicatedConnection() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, credentials);
  }

  @Override
  public void close() {
    pool.close();
  }
}

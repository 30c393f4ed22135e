package org.backgrounder.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import org.backgrounder.config.StoreSettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * A PostgreSQL database that several replicas share, through a HikariCP pool. Opening it runs
 * the versioned migrations under {@code org/backgrounder/store/postgresql} with Flyway, which
 * takes a lock in the database, so replicas starting together migrate once. A database whose
 * history already has every script shipped is left alone without loading Flyway: the history
 * rows are committed with their script, so a replica reading them while another migrates sees
 * either all of a script or none of it, and on "none" it goes to Flyway and waits for the lock.
 */
public final class PgDatabase implements Closeable, Sql {

  private static final String MIGRATIONS = "classpath:org/backgrounder/store/postgresql";
  private static final ShippedMigrations SHIPPED = ShippedMigrations.of("postgresql");

  private final HikariDataSource pool;
  private final String jdbcUrl;
  private final Properties credentials;
  /** The schema it was opened in, or null for the one store.url and the user's defaults give. */
  private final String schema;
  /** Whether opening it ran Flyway; false when the schema was already at the newest version. */
  final boolean ranFlyway;

  private PgDatabase(HikariDataSource pool, String jdbcUrl, Properties credentials,
      String schema, boolean ranFlyway) {
    this.pool = pool;
    this.jdbcUrl = jdbcUrl;
    this.credentials = credentials;
    this.schema = schema;
    this.ranFlyway = ranFlyway;
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
    HikariConfig config = new HikariConfig();
    if (schema != null) {
      // Set on each connection, so it outweighs a ?currentSchema= in store.url
      config.setSchema(schema);
    }
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
    boolean ranFlyway;
    try {
      ranFlyway = !current(pool, schema, jdbcUrl) && migrate(pool, schema, jdbcUrl);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new PgDatabase(pool, jdbcUrl, credentials, schema, ranFlyway);
  }

  /**
   * Whether the history in {@code schema} (the connection's current one when null, as for
   * Flyway) already has every shipped script. A newer version is not current: Flyway looks,
   * warns and lets the replica start, as the one-at-a-time upgrade in docs/deploy.md needs.
   */
  private static boolean current(HikariDataSource pool, String schema, String jdbcUrl) {
    try (Connection c = pool.getConnection();
        var s = c.prepareStatement("SELECT to_regclass(quote_ident(coalesce(?, current_schema()))"
            + " || '.' || quote_ident(?))::text")) {
      s.setString(1, schema);
      s.setString(2, ShippedMigrations.HISTORY);
      String history;
      try (var r = s.executeQuery()) {
        history = r.next() ? r.getString(1) : null;
      }
      return SHIPPED.standing(c, history).current();
    } catch (SQLException e) {
      throw new StoreException("cannot read the PostgreSQL schema's version at " + jdbcUrl
          + ": " + e.getMessage(), e);
    }
  }

  /** Runs Flyway, which takes its lock and brings the schema up to date; returns true. */
  private static boolean migrate(HikariDataSource pool, String schema, String jdbcUrl) {
    try {
      var flyway = Flyway.configure().dataSource(pool).locations(MIGRATIONS);
      if (schema != null) {
        flyway.schemas(schema);
      }
      flyway.load().migrate();
      return true;
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate the PostgreSQL schema at " + jdbcUrl + ": "
          + e.getMessage(), e);
    }
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

  @Override
  public Dialect dialect() {
    return Dialect.POSTGRESQL;
  }

  /** A transaction-level advisory lock: PostgreSQL releases it at commit or rollback. */
  @Override
  public void lock(Connection c, long lock) throws SQLException {
    advisory(c, "pg_advisory_xact_lock", lock);
  }

  /**
   * In a transaction holding {@code lock} shared: transactions holding it exclusive commit before
   * it starts or after it ends.
   */
  @Override
  public <T> T readBetweenWrites(long lock, Database.Work<T> work) {
    return transaction(c -> {
      advisory(c, "pg_advisory_xact_lock_shared", lock);
      return work.run(c);
    });
  }

  private static void advisory(Connection c, String function, long lock) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT " + function + "(?)")) {
      s.setLong(1, lock);
      s.executeQuery().close();
    }
  }

  /**
   * A connection of its own, outside the pool, for a session-level lock: when it closes or
   * breaks, PostgreSQL releases what the session held.
   */
  Connection dedicatedConnection() throws SQLException {
    Connection c = DriverManager.getConnection(jdbcUrl, credentials);
    if (schema != null) {
      try {
        c.setSchema(schema); // as the pool's connections: store.url may name another
      } catch (SQLException e) {
        c.close();
        throw e;
      }
    }
    return c;
  }

  @Override
  public void close() {
    pool.close();
  }
}

package org.backgrounder.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The bot's SQLite file. One connection, used under a lock: the bot is one process with modest
 * write rates, and SQLite serializes writers anyway. WAL mode keeps readers and the writer apart
 * and makes every committed transaction survive a killed process. Opening it runs the versioned
 * migrations under {@code org/backgrounder/store/sqlite} with Flyway, as {@link PgDatabase} does
 * for PostgreSQL.
 */
public final class Database implements Closeable, Sql {

  /**
   * The schema's versions, as Flyway scripts: a new version adds a script, never edits one.
   * Versions 1 to 3 are the steps the releases before Flyway took, counted in
   * {@code PRAGMA user_version}; a file they made is baselined at its count (see {@link #migrate}).
   */
  private static final String MIGRATIONS = "classpath:org/backgrounder/store/sqlite";
  private static final ShippedMigrations SHIPPED = ShippedMigrations.of("sqlite");
  private static final AtomicInteger IN_MEMORY = new AtomicInteger();

  private final Connection connection;
  /** A second connection for reads, so readers do not queue behind a writer (WAL allows it). */
  private final Connection reader;
  private final Object readLock = new Object();
  /** Whether opening it ran Flyway; false when the file was already at the newest version. */
  final boolean ranFlyway;

  private Database(Connection connection, Connection reader, boolean ranFlyway) {
    this.connection = connection;
    this.reader = reader;
    this.ranFlyway = ranFlyway;
  }

  /** Opens (creating and migrating) {@code data/backgrounder.db}. */
  public static Database open(Path dataDir) throws IOException {
    try {
      Files.createDirectories(dataDir);
      Path file = dataDir.resolve("backgrounder.db");
      String url = "jdbc:sqlite:" + file.toAbsolutePath();
      Database writer = open(url, file.toString());
      Connection reader = DriverManager.getConnection(url);
      try (Statement s = reader.createStatement()) {
        s.execute("PRAGMA busy_timeout=5000");
        s.execute("PRAGMA query_only=ON");
      }
      return new Database(writer.connection, reader, writer.ranFlyway);
    } catch (SQLException e) {
      throw new IOException("cannot open the database in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /** A database in memory (tests). */
  public static Database inMemory() {
    // Named and shared in this process, so that Flyway's own connection migrates the database
    // this connection keeps alive (a plain :memory: database is one connection's alone).
    try {
      return open("jdbc:sqlite:file:backgrounder-" + IN_MEMORY.incrementAndGet()
          + "?mode=memory&cache=shared", "a database in memory");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Database open(String url, String where) throws SQLException {
    SQLiteDataSource source = writerSource(url);
    Connection c = source.getConnection();
    boolean ranFlyway;
    try {
      ranFlyway = migrate(source, c, where);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return new Database(c, null, ranFlyway);
  }

  /** The writer's settings: WAL, so readers and the writer keep apart; foreign keys kept. */
  private static SQLiteDataSource writerSource(String url) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(5000);
    config.enforceForeignKeys(true);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl(url);
    return source;
  }

  /**
   * Brings the schema up to date with Flyway, on a connection of its own from {@code source}.
   * A file from before Flyway has no history table but counts its versions in
   * {@code PRAGMA user_version}: Flyway records that version as its baseline and runs only the
   * scripts after it. A file with tables but neither is not Backgrounder's, and Flyway refuses it.
   * A file whose history already has every script this jar ships is left alone without loading
   * Flyway, which would find nothing to do at a third of a second's cost.
   *
   * @return whether Flyway ran
   * @throws StoreException naming {@code where} when the schema cannot be brought up to date, or
   *     is newer than this jar's scripts
   */
  private static boolean migrate(SQLiteDataSource source, Connection c, String where)
      throws SQLException {
    ShippedMigrations.Standing standing = SHIPPED.standing(c, history(c));
    if (standing.newer() > 0) {
      // Flyway would only warn and carry on; an older release must not write a newer schema.
      throw new StoreException(where + " is at schema version " + standing.newer()
          + ", newer than the " + SHIPPED.newest() + " this Backgrounder knows: a newer release"
          + " has migrated it. Run that release, or open a copy made before the upgrade", null);
    }
    if (standing.current()) {
      return false;
    }
    int before;
    try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
      before = rs.next() ? rs.getInt(1) : 0;
    }
    FluentConfiguration flyway = Flyway.configure().dataSource(source).locations(MIGRATIONS);
    if (before > 0) {
      flyway.baselineOnMigrate(true).baselineVersion(Integer.toString(before))
          .baselineDescription("PRAGMA user_version " + before + ", before Flyway");
    }
    try {
      flyway.load().migrate();
    } catch (FlywayException e) {
      if (e.getErrorCode() == CoreErrorCode.NON_EMPTY_SCHEMA_WITHOUT_SCHEMA_HISTORY_TABLE) {
        throw new StoreException(where + " has tables but no schema version (neither"
            + " flyway_schema_history nor PRAGMA user_version): it is not Backgrounder's database;"
            + " move it aside, or give another folder with --data DIR", e);
      }
      throw new StoreException("cannot migrate the SQLite schema of " + where + ": "
          + e.getMessage(), e);
    }
    return true;
  }

  /** Flyway's history table in the file, or null when there is none yet. */
  private static String history(Connection c) throws SQLException {
    try (var s = c.prepareStatement(
        "SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?")) {
      s.setString(1, ShippedMigrations.HISTORY);
      try (var r = s.executeQuery()) {
        return r.next() ? "main." + ShippedMigrations.HISTORY : null;
      }
    }
  }

  @Override
  public Dialect dialect() {
    return Dialect.SQLITE;
  }

  /** Nothing to take: {@link #transaction} runs one at a time, and no other process writes. */
  @Override
  public void lock(Connection c, long lock) {}

  /** Work with the connection, alone. */
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs read-only {@code work}; it sees every committed transaction. */
  @Override
  public <T> T read(Work<T> work) {
    if (reader == null) {
      synchronized (this) {
        return run(work, connection);
      }
    }
    synchronized (readLock) {
      return run(work, reader);
    }
  }

  /**
   * Runs read-only {@code work} between transactions, on the writer's connection: no transaction
   * is under way while it runs (whatever lock it took), so what it does not see commits after it.
   */
  @Override
  public synchronized <T> T readBetweenWrites(long lock, Work<T> work) {
    return run(work, connection);
  }

  private static <T> T run(Work<T> work, Connection c) {
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /**
   * Runs {@code work} in one transaction: all of it is stored, or none, whatever it throws (an
   * {@link Error} included). Autocommit comes back only after the commit or the rollback:
   * switching it on with a transaction open would commit the partial work.
   */
  @Override
  public synchronized <T> T transaction(Work<T> work) {
    try {
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
    try {
      T result = work.run(connection);
      connection.commit();
      connection.setAutoCommit(true);
      return result;
    } catch (SQLException e) {
      rollback(e);
      throw new StoreException(e);
    } catch (RuntimeException | Error e) {
      rollback(e);
      throw e;
    }
  }

  private void rollback(Throwable cause) {
    try {
      connection.rollback();
      connection.setAutoCommit(true);
    } catch (SQLException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (reader != null) {
        synchronized (readLock) {
          reader.close();
        }
      }
      connection.close();
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }
}

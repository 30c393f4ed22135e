package org.backgrounder.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The bot's SQLite file. One connection, used under a lock: the bot is one process with modest
 * write rates, and SQLite serializes writers anyway. WAL mode keeps readers and the writer apart
 * and makes every committed transaction survive a killed process.
 */
public final class Database implements Closeable, Sql {

  /** The schema, one entry per version; a new version appends, never edits. */
  private static final List<String> MIGRATIONS = List.of(
      """
      CREATE TABLE feed_state (
        feed_id TEXT PRIMARY KEY,
        current_url TEXT,
        etag TEXT,
        last_modified TEXT,
        last_attempt INTEGER,
        last_success INTEGER,
        last_failure INTEGER,
        failure_reason TEXT,
        failure_kind TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        next_poll INTEGER,
        disabled_reason TEXT,
        successes INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE items (
        key TEXT PRIMARY KEY,
        feed_id TEXT NOT NULL,
        outlet TEXT NOT NULL,
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        link TEXT,
        published INTEGER NOT NULL,
        estimated INTEGER NOT NULL,
        language TEXT,
        first_seen INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        seq INTEGER NOT NULL,
        created_seq INTEGER NOT NULL
      );
      CREATE INDEX items_seq ON items(seq);
      CREATE TABLE relevance (
        item_key TEXT NOT NULL,
        story TEXT NOT NULL,
        terms TEXT NOT NULL,
        since INTEGER NOT NULL,
        backlog INTEGER NOT NULL,
        PRIMARY KEY (item_key, story)
      );
      CREATE INDEX relevance_since ON relevance(since);
      CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
      CREATE TABLE cursors (name TEXT PRIMARY KEY, value TEXT NOT NULL, updated INTEGER NOT NULL);
      CREATE TABLE digest_slots (
        digest TEXT NOT NULL,
        slot INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        detail TEXT,
        recorded INTEGER NOT NULL,
        PRIMARY KEY (digest, slot)
      );
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        platform TEXT,
        user_id TEXT,
        question TEXT,
        facts TEXT,
        links TEXT,
        verdict TEXT
      );
      CREATE INDEX audit_at ON audit(at);
      CREATE TABLE fact_snapshots (
        story TEXT NOT NULL,
        fact_id TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        text TEXT NOT NULL,
        sources TEXT NOT NULL,
        seen INTEGER NOT NULL,
        removed INTEGER,
        PRIMARY KEY (story, fact_id)
      );
      """,
      // v2: what changed in the fact files, for digests; each digest's window and retries
      """
      CREATE TABLE fact_changes (
        story TEXT NOT NULL,
        fact_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        sources TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX fact_changes_at ON fact_changes(at);
      ALTER TABLE digest_slots ADD COLUMN window_to INTEGER;
      ALTER TABLE digest_slots ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE feed_state ADD COLUMN failing_since INTEGER;
      """,
      // v3: the desk's reads. Declined questions grouped by their folded words; which facts each
      // entry names, to count citations; gaps the desk marked handled; items by day.
      // Rows written before v3 get a key and fact rows here (lower-cased rather than folded).
      """
      ALTER TABLE audit ADD COLUMN question_key TEXT;
      UPDATE audit SET question_key = lower(trim(question)) WHERE kind = 'question';
      CREATE INDEX audit_review ON audit(kind, verdict, question_key);
      CREATE TABLE audit_facts (
        audit_id INTEGER NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
        fact TEXT NOT NULL,
        outcome TEXT NOT NULL
      );
      CREATE INDEX audit_facts_fact ON audit_facts(fact, outcome);
      CREATE INDEX audit_facts_audit ON audit_facts(audit_id);
      INSERT INTO audit_facts (audit_id, fact, outcome)
        WITH RECURSIVE split(id, outcome, fact, rest) AS (
          SELECT id, kind || '/' || coalesce(verdict, ''), '', facts || char(10) FROM audit
            WHERE facts IS NOT NULL AND facts <> ''
          UNION ALL
          SELECT id, outcome, substr(rest, 1, instr(rest, char(10)) - 1),
            substr(rest, instr(rest, char(10)) + 1) FROM split WHERE rest <> '')
        SELECT id, fact, outcome FROM split WHERE fact <> '';
      CREATE TABLE gap_handled (question_key TEXT PRIMARY KEY, handled INTEGER NOT NULL);
      CREATE INDEX items_published ON items(published, feed_id);
      """);

  private final Connection connection;
  /** A second connection for reads, so readers do not queue behind a writer (WAL allows it). */
  private final Connection reader;
  private final Object readLock = new Object();

  private Database(Connection connection, Connection reader) {
    this.connection = connection;
    this.reader = reader;
  }

  /** Opens (creating and migrating) {@code data/backgrounder.db}. */
  public static Database open(Path dataDir) throws IOException {
    try {
      Files.createDirectories(dataDir);
      String url = "jdbc:sqlite:" + dataDir.resolve("backgrounder.db").toAbsolutePath();
      Database writer = open(url);
      Connection reader = DriverManager.getConnection(url);
      try (Statement s = reader.createStatement()) {
        s.execute("PRAGMA busy_timeout=5000");
        s.execute("PRAGMA query_only=ON");
      }
      return new Database(writer.connection, reader);
    } catch (SQLException e) {
      throw new IOException("cannot open the database in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /** A database in memory (tests). */
  public static Database inMemory() {
    try {
      return open("jdbc:sqlite::memory:");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Database open(String url) throws SQLException {
    Connection c = DriverManager.getConnection(url);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=NORMAL");
      s.execute("PRAGMA busy_timeout=5000");
      s.execute("PRAGMA foreign_keys=ON");
    }
    migrate(c);
    return new Database(c, null);
  }

  private static void migrate(Connection c) throws SQLException {
    int version;
    try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
      version = rs.next() ? rs.getInt(1) : 0;
    }
    for (int v = version; v < MIGRATIONS.size(); v++) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String sql : MIGRATIONS.get(v).split(";")) {
          if (!sql.isBlank()) {
            s.execute(sql);
          }
        }
        s.execute("PRAGMA user_version=" + (v + 1));
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

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
   * is under way while it runs, so what it does not see commits after it.
   */
  public synchronized <T> T readBetweenWrites(Work<T> work) {
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

package org.backgrounder.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a store needs of its database: read, and write in one transaction. {@link Database}
 * (SQLite) and {@link PgDatabase} (PostgreSQL) are the two; every store takes either, and speaks
 * SQL both understand. Where a statement must be worded differently it asks the {@link #dialect},
 * and where PostgreSQL's replicas need a lock that SQLite's one writer has for free it asks for
 * it here.
 */
public sealed interface Sql permits Database, PgDatabase {

  /** Which database it is, for the few statements the two word differently. */
  enum Dialect { SQLITE, POSTGRESQL }

  Dialect dialect();

  <T> T read(Database.Work<T> work);

  <T> T transaction(Database.Work<T> work);

  /**
   * Holds {@code lock}, exclusive, until the transaction on {@code c} ends: of the processes
   * sharing the database, one at a time runs what follows. SQLite's transactions already run one
   * at a time (one writer, one process), so there it takes nothing.
   */
  void lock(Connection c, long lock) throws SQLException;

  /**
   * Runs read-only {@code work} where no transaction holding {@code lock} is under way beside it,
   * so what it does not see commits after it: on SQLite between two of the one writer's
   * transactions, on PostgreSQL in a transaction holding {@code lock} shared.
   */
  <T> T readBetweenWrites(long lock, Database.Work<T> work);
}

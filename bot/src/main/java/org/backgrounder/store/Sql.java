package org.backgrounder.store;

/**
 * What a store needs of its database: read, and write in one transaction. Stores whose SQL both
 * SQLite and PostgreSQL speak take this, and are given the few statements that differ.
 */
interface Sql {

  <T> T read(Database.Work<T> work);

  <T> T transaction(Database.Work<T> work);
}

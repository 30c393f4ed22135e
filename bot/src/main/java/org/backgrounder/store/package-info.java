/**
 * Durable state: feed state and items, digest ledger, audit log, fact history, chat cursors, in
 * the SQLite file in the data folder ({@link org.backgrounder.store.Database}) or a PostgreSQL
 * database replicas share ({@link org.backgrounder.store.PgDatabase}). Each concern is a small
 * interface, kept by one {@code Sql*} class over the SQL both databases speak; where they differ
 * (a few statements, locks between replicas) the class asks the database. Writes that belong
 * together are one transaction, so a process killed at any moment loses nothing and replays
 * nothing.
 */
package org.backgrounder.store;

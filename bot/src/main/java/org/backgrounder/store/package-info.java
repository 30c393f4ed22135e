/**
 * Durable state in the data folder (SQLite): feed state and items, digest ledger, audit log,
 * chat cursors. Each concern is a small interface; {@link org.backgrounder.store.Database} is the
 * one SQLite file behind them. Writes that belong together are one transaction, so a process
 * killed at any moment loses nothing and replays nothing.
 */
package org.backgrounder.store;

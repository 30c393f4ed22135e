package org.backgrounder.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.backgrounder.config.StoreSettings;
import org.backgrounder.digest.DigestLedger;
import org.backgrounder.facts.FactHistory;
import org.backgrounder.feeds.FeedStore;

/**
 * Every store over one database, as {@code store.url} chooses: the SQLite file in the data
 * folder (one process, which always leads), or a PostgreSQL database replicas share (leadership
 * by an advisory lock). Closing closes the database and gives up leadership.
 */
public final class Stores implements Closeable {

  private final FeedStore feeds;
  private final DigestLedger ledger;
  private final AuditLog audit;
  private final FactHistory history;
  private final AuditReview auditReview;
  private final FeedReview feedReview;
  private final java.util.function.Function<Clock, KeyValues> keyValues;
  private final Leadership leadership;
  private final boolean shared;
  private final Closeable close;

  private Stores(FeedStore feeds, DigestLedger ledger, AuditLog audit, FactHistory history,
      AuditReview auditReview, FeedReview feedReview,
      java.util.function.Function<Clock, KeyValues> keyValues, Leadership leadership,
      boolean shared, Closeable close) {
    this.feeds = feeds;
    this.ledger = ledger;
    this.audit = audit;
    this.history = history;
    this.auditReview = auditReview;
    this.feedReview = feedReview;
    this.keyValues = keyValues;
    this.leadership = leadership;
    this.shared = shared;
    this.close = close;
  }

  /** Opens (creating and migrating) the database {@code settings} names. */
  public static Stores open(StoreSettings settings, Path dataDir) throws IOException {
    if (!settings.postgresql()) {
      Database db = Database.open(dataDir);
      return over(db, Leadership.alone(), false, db);
    }
    PgDatabase db = PgDatabase.open(settings);
    PgLeadership leadership = new PgLeadership(db);
    return over(db, leadership, true, () -> {
      leadership.close();
      db.close();
    });
  }

  /**
   * Stores for a measurement that must not touch the real ones: the SQLite file in
   * {@code dataDir}, or with PostgreSQL a new schema {@code schema} of the database
   * {@code settings} names, dropped with everything in it on close.
   */
  public static Stores scratch(StoreSettings settings, Path dataDir, String schema)
      throws IOException {
    if (!settings.postgresql()) {
      return open(settings, dataDir);
    }
    if (!schema.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("a scratch schema is named in lower-case letters, digits"
          + " and _; found '" + schema + "'");
    }
    PgDatabase db = PgDatabase.open(settings.jdbcUrl().orElseThrow(), settings.user(),
        settings.password().reveal(), schema);
    PgLeadership leadership = new PgLeadership(db);
    return over(db, leadership, true, () -> {
      try {
        leadership.close();
        db.transaction(c -> {
          try (var s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
          }
          return null;
        });
      } finally {
        db.close();
      }
    });
  }

  private static Stores over(Sql db, Leadership leadership, boolean shared, Closeable close) {
    return new Stores(new SqlFeedStore(db), new SqlDigestLedger(db), new SqlAuditLog(db),
        new SqlFactHistory(db), new SqlAuditReview(db), new SqlFeedReview(db),
        clock -> new SqlKeyValues(db, clock), leadership, shared, close);
  }

  public FeedStore feeds() {
    return feeds;
  }

  public DigestLedger ledger() {
    return ledger;
  }

  public AuditLog audit() {
    return audit;
  }

  public FactHistory history() {
    return history;
  }

  public AuditReview auditReview() {
    return auditReview;
  }

  public FeedReview feedReview() {
    return feedReview;
  }

  public KeyValues keyValues(Clock clock) {
    return keyValues.apply(clock);
  }

  public Leadership leadership() {
    return leadership;
  }

  /** Whether other processes may share these stores (PostgreSQL), so leadership can move. */
  public boolean shared() {
    return shared;
  }

  @Override
  public void close() throws IOException {
    close.close();
  }
}

package org.backgrounder.store;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactChange;
import org.backgrounder.facts.FactHistory;

/**
 * The fact history in PostgreSQL. Every replica records the fact files it loads; a transaction
 * lock makes the second one compare with the first one's snapshots, so a change is logged once.
 */
public final class PgFactHistory implements FactHistory {

  /** "Bg" and "Fact" in ASCII: the lock between replicas recording fact snapshots. */
  static final long FACTS_LOCK = 0x4267_4661_6374L;

  private static final String UPSERT = "INSERT INTO fact_snapshots (story, fact_id, fingerprint,"
      + " text, sources, seen, removed) VALUES (?,?,?,?,?,?,NULL) ON CONFLICT (story, fact_id)"
      + " DO UPDATE SET fingerprint = excluded.fingerprint, text = excluded.text,"
      + " sources = excluded.sources, seen = excluded.seen, removed = NULL";

  private final PgDatabase db;

  public PgFactHistory(PgDatabase db) {
    this.db = db;
  }

  @Override
  public List<FactChange> record(FactBase base, Instant at) {
    return db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        s.setLong(1, FACTS_LOCK);
        s.executeQuery().close();
      }
      return SqliteFactHistory.record(c, base, at, UPSERT);
    });
  }

  @Override
  public List<FactChange> between(Instant from, Instant to, Set<String> stories) {
    return db.read(c -> SqliteFactHistory.between(c, from, to, stories, "id"));
  }
}

package org.backgrounder.store;

import java.io.Closeable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership among replicas sharing a PostgreSQL database: a session-level advisory lock held on
 * a connection of its own, outside the pool. PostgreSQL releases the lock when that session ends
 * (the process dies, the connection breaks), so another replica's next {@link #check()} takes
 * it; this one gives up leading at its own next check that finds the connection gone.
 */
public final class PgLeadership implements Leadership, Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(PgLeadership.class);

  /** The lock's key: "Bg" and "Lead" in ASCII, so it meets no other advisory lock of ours. */
  static final long LEADER_LOCK = 0x4267_4c65_6164L;

  /**
   * The lock's key for the replicas whose stores are in {@code schema}. Advisory locks belong to
   * the whole database, so a group in another schema (a test, a {@code bench} trial beside a
   * running group) takes a key of its own; the default schema keeps the key it always had, so
   * replicas of an older version and a newer one agree on who leads during an upgrade.
   */
  static long lockKey(String schema) {
    return schema == null || schema.equals("public") ? LEADER_LOCK
        : LEADER_LOCK ^ ((long) schema.hashCode() << 16);
  }

  /** How long a connection check may take before the connection counts as lost. */
  private static final int VALID_SECONDS = 5;

  private final PgDatabase db;
  private Connection session;
  private long key;
  private volatile boolean leader;

  public PgLeadership(PgDatabase db) {
    this.db = db;
  }

  @Override
  public synchronized boolean check() {
    try {
      if (session != null && !session.isValid(VALID_SECONDS)) {
        lose("the connection holding the leader lock was lost");
      }
      if (session == null) {
        session = db.dedicatedConnection();
        try (PreparedStatement s = session.prepareStatement("SELECT current_schema()");
            ResultSet r = s.executeQuery()) {
          key = lockKey(r.next() ? r.getString(1) : null);
        }
      }
      if (!leader) {
        try (PreparedStatement s = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
          s.setLong(1, key);
          try (ResultSet r = s.executeQuery()) {
            leader = r.next() && r.getBoolean(1);
          }
        }
        if (leader) {
          LOG.info("this replica now leads: it polls feeds, posts digests, syncs Matrix and"
              + " prunes the audit log");
        }
      }
    } catch (SQLException e) {
      lose("cannot reach PostgreSQL for the leader lock: " + e.getMessage());
    }
    return leader;
  }

  @Override
  public boolean isLeader() {
    return leader;
  }

  private void lose(String why) {
    if (leader) {
      LOG.warn("this replica no longer leads: {}", why);
    } else {
      LOG.debug("leader lock: {}", why);
    }
    leader = false;
    if (session != null) {
      try {
        session.close();
      } catch (SQLException e) {
        LOG.debug("closing the lost leader connection", e);
      }
      session = null;
    }
  }

  /**
   * Gives up leadership. The lock is released before the session closes: the server lets go of a
   * closed session's locks only once its backend has noticed, a moment later, and a replica
   * checking in that moment would wait a whole interval more.
   */
  @Override
  public synchronized void close() {
    if (leader) {
      LOG.info("giving up leadership");
      try (PreparedStatement s = session.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        s.setLong(1, key);
        s.execute();
      } catch (SQLException e) {
        LOG.debug("releasing the leader lock; closing the session releases it too", e);
      }
    }
    leader = false;
    if (session != null) {
      try {
        session.close();
      } catch (SQLException e) {
        LOG.debug("closing the leader connection", e);
      }
      session = null;
    }
  }
}

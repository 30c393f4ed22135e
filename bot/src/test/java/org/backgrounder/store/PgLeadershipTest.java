package org.backgrounder.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Leadership through the advisory lock, against a real PostgreSQL (skipped without one). */
class PgLeadershipTest {

  private TestPostgres pg;

  @BeforeAll
  static void postgres() {
    TestPostgres.assumeAvailable();
  }
  private PgDatabase other;

  @BeforeEach
  void open() {
    pg = TestPostgres.open();
    other = pg.another();
  }

  @AfterEach
  void close() {
    other.close();
    pg.close();
  }

  @Test
  void check_oneOfTwoReplicasLeads_andTheOtherTakesOverWhenItCloses() {
    try (PgLeadership first = new PgLeadership(pg.db);
        PgLeadership second = new PgLeadership(other)) {
      assertThat(first.check()).isTrue();
      assertThat(second.check()).isFalse();
      assertThat(first.check()).isTrue();
      first.close();
      assertThat(first.isLeader()).isFalse();
      assertThat(second.check()).isTrue();
      assertThat(first.check()).isFalse();
    }
  }

  @Test
  void lockKey_eachSchemaHasItsOwn_andTheDefaultSchemaKeepsTheKeyItHad() {
    assertThat(PgLeadership.lockKey("public")).isEqualTo(PgLeadership.LEADER_LOCK);
    assertThat(PgLeadership.lockKey(pg.schema)).isNotEqualTo(PgLeadership.LEADER_LOCK)
        .isNotEqualTo(PgLeadership.lockKey(pg.schema + "x"));
  }

  @Test
  void check_replicasInAnotherSchema_leadTheirOwnGroup() {
    try (TestPostgres elsewhere = TestPostgres.open();
        PgLeadership here = new PgLeadership(pg.db);
        PgLeadership there = new PgLeadership(elsewhere.db)) {
      assertThat(here.check()).isTrue();
      assertThat(there.check()).isTrue();
    }
  }

  @Test
  void check_theLeadersConnectionLost_itStopsLeadingAndAnotherTakesOver() throws Exception {
    try (PgLeadership first = new PgLeadership(pg.db);
        PgLeadership second = new PgLeadership(other)) {
      assertThat(first.check()).isTrue();
      // What a killed process or a broken network does to the session holding the lock.
      int killed = pg.db.transaction(c -> {
        try (PreparedStatement s = c.prepareStatement("SELECT count(pg_terminate_backend(pid))"
            + " FROM pg_locks WHERE locktype = 'advisory' AND objid = ? AND granted")) {
          s.setLong(1, PgLeadership.lockKey(pg.schema) & 0xFFFF_FFFFL);
          try (var r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
          }
        }
      });
      assertThat(killed).isEqualTo(1);
      // The server frees the lock once the terminated backend has exited, a moment later; a
      // replica checks again on its next interval, so the test does the same.
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
      while (!second.check() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(second.check()).isTrue();
      assertThat(first.check()).isFalse();
      assertThat(first.isLeader()).isFalse();
    }
  }
}

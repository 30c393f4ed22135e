package org.backgrounder.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opening a PostgreSQL schema already at the newest shipped version skips Flyway; replicas
 * starting together on a new schema still migrate it once, under Flyway's lock; a schema newer
 * than the shipped scripts is Flyway's to judge, as before. Skipped, saying why, when no PostgreSQL is reachable.
 */
class PgMigrationTest {

  @BeforeAll
  static void postgres() {
    TestPostgres.assumeAvailable();
  }

  @Test
  void open_schemaAtTheNewestVersion_skipsFlyway() {
    try (TestPostgres pg = TestPostgres.open()) {
      assertThat(pg.db.ranFlyway).isTrue();
      List<String> history = history(pg.db);

      try (PgDatabase other = pg.another()) {
        assertThat(other.ranFlyway).isFalse();
      }
      assertThat(history(pg.db)).isEqualTo(history).contains(
          ShippedMigrations.of("postgresql").versions().last() + " SQL true");
    }
  }

  @Test
  void open_storeUrlNamingASchemaNotYetMade_migratesThatSchema() {
    // a deployment keeping its tables in a schema of their own
    String schema = TestPostgres.freshSchema();
    try (PgDatabase db = PgDatabase.open(TestPostgres.settings("?currentSchema=" + schema))) {
      try {
        String found = db.read(c -> {
          try (Statement st = c.createStatement();
              ResultSet r = st.executeQuery("SELECT current_schema(), EXISTS (SELECT 1"
                  + " FROM information_schema.tables WHERE table_schema = '" + schema + "'"
                  + " AND table_name = 'feed_state')")) {
            r.next();
            return r.getString(1) + " " + r.getBoolean(2);
          }
        });
        assertThat(found).isEqualTo(schema + " true");
        assertThat(history(db)).isNotEmpty();
      } finally {
        db.transaction(c -> c.createStatement().executeUpdate("DROP SCHEMA " + schema
            + " CASCADE"));
      }
    }
  }

  @Test
  void scratch_storeUrlNamingAnotherSchema_usesTheScratchSchema() throws Exception {
    // bench's scratch stores, under a store.url that names the deployment's own schema
    String own = TestPostgres.freshSchema();
    String scratch = TestPostgres.freshSchema();
    try (Stores stores = Stores.scratch(TestPostgres.settings("?currentSchema=" + own),
        Path.of("unused"), scratch)) {
      assertThat(stores.feeds().states()).isEmpty();
    }
    // The leader's lock session is in the scratch schema too: its key is that schema's
    try (PgDatabase db = TestPostgres.replica("?currentSchema=" + own, scratch);
        Connection session = db.dedicatedConnection();
        Statement st = session.createStatement();
        ResultSet r = st.executeQuery("SELECT current_schema()")) {
      r.next();
      assertThat(r.getString(1)).isEqualTo(scratch);
      db.transaction(c -> c.createStatement().executeUpdate("DROP SCHEMA " + scratch
          + " CASCADE"));
    }
  }

  @Test
  void open_replicasStartingTogetherOnANewSchema_migrateItOnce() throws Exception {
    String schema = TestPostgres.freshSchema();
    int replicas = 4;
    ExecutorService pool = Executors.newFixedThreadPool(replicas);
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<PgDatabase>> opening = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      opening.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return TestPostgres.replica(schema);
      }, pool));
    }
    start.countDown();
    List<PgDatabase> opened = new ArrayList<>();
    try {
      for (CompletableFuture<PgDatabase> f : opening) {
        opened.add(f.get());
      }
      List<String> scripts = new ArrayList<>();
      for (int v : ShippedMigrations.of("postgresql").versions()) {
        scripts.add(v + " SQL true");
      }
      assertThat(history(opened.get(0))).filteredOn(row -> !row.contains("SCHEMA"))
          .isEqualTo(scripts);
      try (PgDatabase late = TestPostgres.replica(schema)) {
        assertThat(late.ranFlyway).isFalse();
      }
    } finally {
      if (!opened.isEmpty()) {
        opened.get(0).transaction(c -> c.createStatement().executeUpdate(
            "DROP SCHEMA " + schema + " CASCADE"));
      }
      opened.forEach(PgDatabase::close);
      pool.shutdown();
    }
  }

  /**
   * Unlike a SQLite file, a shared schema a newer replica migrated stays open to the older ones
   * still running or restarting mid-upgrade (docs/deploy.md): Flyway looks, warns, touches nothing.
   */
  @Test
  void open_schemaNewerThanTheScripts_leavesItToFlywayAndTouchesNothing() {
    try (TestPostgres pg = TestPostgres.open()) {
      int next = ShippedMigrations.of("postgresql").versions().last() + 1;
      pg.db.transaction(c -> c.createStatement().executeUpdate("INSERT INTO"
          + " flyway_schema_history (installed_rank, version, description, type, script,"
          + " checksum, installed_by, execution_time, success) VALUES (" + (next + 10) + ", '"
          + next + "', 'from a newer release', 'SQL', 'V" + next + "__later.sql', 1, '', 1,"
          + " true)"));
      List<String> history = history(pg.db);

      try (PgDatabase older = pg.another()) {
        assertThat(older.ranFlyway).isTrue();
      }
      assertThat(history(pg.db)).isEqualTo(history);
    }
  }

  private static List<String> history(PgDatabase db) {
    return db.read(c -> {
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT"
          + " coalesce(version, '-') || ' ' || type || ' ' || success FROM flyway_schema_history"
          + " ORDER BY installed_rank")) {
        List<String> rows = new ArrayList<>();
        while (r.next()) {
          rows.add(r.getString(1));
        }
        return rows;
      }
    });
  }
}

package org.backgrounder.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.backgrounder.SharedPostgres;
import org.backgrounder.TestPaths;
import org.backgrounder.config.Secret;
import org.backgrounder.config.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench}'s fail-over figure: null with its reason on SQLite; on PostgreSQL (skipped,
 * saying why, without one) a time from real replicas, which leave no schema behind.
 */
class FailoverBenchTest {

  @TempDir
  Path tmp;

  @Test
  void run_sqlite_hasNoFigure_andSaysWhy() {
    Map<String, Object> figures = FailoverBench.run(new StoreSettings(null, null, null),
        TestPaths.shippedConfig().resolve("facts"), tmp, new PrintWriter(new StringWriter()));

    assertThat(figures).containsEntry("store", "sqlite").containsEntry("failover_s", null);
    assertThat((String) figures.get("failover_note")).contains("postgresql://");
  }

  @Test
  void run_postgresql_measuresTheTakeOverAfterKill9_andCleansUp() throws Exception {
    SharedPostgres.create().close(); // skips, saying why, without a PostgreSQL
    StoreSettings store = new StoreSettings(SharedPostgres.URL, SharedPostgres.USER,
        Secret.of(SharedPostgres.PASSWORD));
    StringWriter log = new StringWriter();

    Map<String, Object> figures = FailoverBench.run(store,
        TestPaths.shippedConfig().resolve("facts"), tmp, new PrintWriter(log), 1);

    assertThat(figures).as(log.toString()).containsEntry("store", "postgresql")
        .doesNotContainKey("failover_note");
    assertThat((Double) figures.get("failover_s")).isPositive();
    assertThat(log.toString()).contains("fail-over rounds (s): [");
    try (Connection c = java.sql.DriverManager.getConnection(store.jdbcUrl().orElseThrow(),
        store.user(), store.password().reveal());
        ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM"
            + " information_schema.schemata WHERE schema_name LIKE 'bench_failover_%'")) {
      r.next();
      assertThat(r.getInt(1)).as("the trial's schema is dropped").isZero();
    }
  }
}

package org.backgrounder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.backgrounder.TestPaths;
import org.junit.jupiter.api.Test;

/** {@code bench --json} names its store and says why it has no fail-over figure on SQLite. */
class BenchStoreTest {

  @Test
  void bench_json_sqlite_namesTheStore_andFailoverIsNullWithItsReason() {
    CliTest.Run r = CliTest.run("--config", TestPaths.shippedConfig().toString(), "bench",
        "--facts", "50", "--items", "100", "--questions", "5", "--ingest-items", "0",
        "--poll-feeds", "0", "--desk-audit", "0", "--json");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"store\":\"sqlite\"", "\"failover_s\":null",
        "\"failover_note\":\"store.url is sqlite");
  }
}

package org.backgrounder.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V3 ({@code V3__desk_reads.sql}) gives audit entries written before it a group key
 * and their fact rows.
 */
class AuditMigrationTest {

  @Test
  void v3_backfillsKeysAndFactRows_ofEntriesWrittenBeforeIt(@TempDir Path data) throws Exception {
    // A file the releases before Flyway left at version 2, with two entries as it wrote them.
    try (Connection c = PreFlywayFile.create(data, 2); Statement s = c.createStatement()) {
      s.execute("INSERT INTO audit (at, kind, platform, user_id, question, facts, links, verdict)"
          + " VALUES (1000, 'question', 'slack', 'U1', '  Palantir Navy? ', 'a' || char(10) || 'b',"
          + " '', 'declined')");
      s.execute("INSERT INTO audit (at, kind, platform, user_id, question, facts, links, verdict)"
          + " VALUES (2000, 'feedback', 'slack', 'U1', 'who?', 'a', '', 'not-helpful')");
    }

    try (Database db = Database.open(data)) {
      SqlAuditReview review = new SqlAuditReview(db);
      assertThat(review.gaps(0, 10).rows()).singleElement().satisfies(g -> {
        assertThat(g.key()).isEqualTo("palantir navy?");
        assertThat(g.suggested()).containsExactly("a", "b");
      });
      assertThat(review.cited(List.of("a", "b"))).containsEntry("a",
          new AuditReview.Cited(0, 0, 1)).doesNotContainKey("b");
      assertThat(review.markHandled("palantir navy?", Instant.ofEpochMilli(3000))).isTrue();
    }
  }
}

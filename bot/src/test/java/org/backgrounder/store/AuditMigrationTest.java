package org.backgrounder.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration v3 gives audit entries written before it a group key and their fact rows. */
class AuditMigrationTest {

  @Test
  void v3_backfillsKeysAndFactRows_ofEntriesWrittenBeforeIt(@TempDir Path data) throws Exception {
    Database.open(data).close();
    // Take the file back to version 2, with two entries as version 2 wrote them.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:"
        + data.resolve("backgrounder.db")); Statement s = c.createStatement()) {
      s.execute("DROP INDEX audit_review");
      s.execute("DROP TABLE audit_facts");
      s.execute("DROP TABLE gap_handled");
      s.execute("DROP INDEX items_published");
      s.execute("ALTER TABLE audit DROP COLUMN question_key");
      s.execute("INSERT INTO audit (at, kind, platform, user_id, question, facts, links, verdict)"
          + " VALUES (1000, 'question', 'slack', 'U1', '  Palantir Navy? ', 'a' || char(10) || 'b',"
          + " '', 'declined')");
      s.execute("INSERT INTO audit (at, kind, platform, user_id, question, facts, links, verdict)"
          + " VALUES (2000, 'feedback', 'slack', 'U1', 'who?', 'a', '', 'not-helpful')");
      s.execute("PRAGMA user_version=2");
    }

    try (Database db = Database.open(data)) {
      SqliteAuditReview review = new SqliteAuditReview(db);
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

package org.backgrounder.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqlAuditLogTest {

  @Test
  void prune_deletesOnlyEntriesOlderThanTheCutoff() {
    try (Database db = Database.inMemory()) {
      SqlAuditLog log = new SqlAuditLog(db);
      Instant now = Instant.parse("2026-11-26T12:00:00Z");
      log.add(new AuditLog.Entry(now.minus(Duration.ofDays(100)), "question", "slack:U1",
          "who designated the cartels?", List.of("cartels-fto/fto-designation"),
          List.of("https://www.federalregister.gov/a"), Optional.of("answered")));
      log.add(new AuditLog.Entry(now.minus(Duration.ofDays(2)), "feedback",
          "matrix:@editor:newsroom.example", "palantir?", List.of(), List.of(),
          Optional.of("not-helpful")));

      assertThat(log.prune(now.minus(Duration.ofDays(90)))).isEqualTo(1);

      List<AuditLog.Entry> left = log.between(Instant.EPOCH, now);
      assertThat(left).singleElement().satisfies(e -> {
        assertThat(e.user()).isEqualTo("matrix:@editor:newsroom.example");
        assertThat(e.verdict()).contains("not-helpful");
      });
    }
  }
}

package org.backgrounder.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.backgrounder.digest.DigestLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlDigestLedgerTest {

  @TempDir
  Path data;

  @Test
  void claim_aSlotOnRecord_isRefusedEvenAfterReopening() throws Exception {
    Instant slot = Instant.parse("2026-11-26T14:30:00Z");
    try (Database db = Database.open(data)) {
      SqlDigestLedger ledger = new SqlDigestLedger(db);
      assertThat(ledger.claim("d", slot, slot)).isTrue();
      assertThat(ledger.claim("d", slot, slot)).isFalse();
      ledger.record(new DigestLedger.Entry("d", slot, DigestLedger.Outcome.POSTED, "3 items",
          Optional.of(slot.plusSeconds(5)), 1, slot));
    }
    try (Database db = Database.open(data)) {
      SqlDigestLedger ledger = new SqlDigestLedger(db);
      assertThat(ledger.claim("d", slot, slot)).isFalse();
      assertThat(ledger.find("d", slot)).get().extracting(DigestLedger.Entry::outcome)
          .isEqualTo(DigestLedger.Outcome.POSTED);
      assertThat(ledger.lastWindowEnd("d")).contains(slot.plusSeconds(5));
      assertThat(ledger.lastWindowEnd("other")).isEmpty();
    }
  }

  @Test
  void watchingSince_isRecordedOnceAndKept() {
    try (Database db = Database.inMemory()) {
      SqlDigestLedger ledger = new SqlDigestLedger(db);
      Instant first = Instant.parse("2026-11-01T00:00:00Z");
      assertThat(ledger.watchingSince("d", first)).isEqualTo(first);
      assertThat(ledger.watchingSince("d", first.plusSeconds(3600))).isEqualTo(first);
    }
  }

  @Test
  void latest_isTheLatestSlotWhateverTheOrderOfRecording() {
    try (Database db = Database.inMemory()) {
      SqlDigestLedger ledger = new SqlDigestLedger(db);
      Instant a = Instant.parse("2026-11-01T00:00:00Z");
      Instant b = a.plusSeconds(86_400);
      ledger.record(new DigestLedger.Entry("d", b, DigestLedger.Outcome.SKIPPED_EMPTY, "",
          Optional.of(b), 1, b));
      ledger.record(new DigestLedger.Entry("d", a, DigestLedger.Outcome.SKIPPED_LATE, "",
          Optional.empty(), 0, b));
      assertThat(ledger.latest("d")).get().extracting(DigestLedger.Entry::slot).isEqualTo(b);
    }
  }
}

package org.backgrounder.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

  private static long counter(Database db) {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT count(*) FROM counters WHERE name = 'partial'"); ResultSet r = s.executeQuery()) {
        return r.next() ? r.getLong(1) : 0;
      }
    });
  }

  @Test
  void transaction_anErrorHalfway_keepsNoneOfIt(@TempDir Path data) throws Exception {
    try (Database db = Database.open(data)) {
      assertThatThrownBy(() -> db.transaction(c -> {
        SqlFeedStore.setCounter(c, "partial", 1);
        throw new OutOfMemoryError("Java heap space");
      })).isInstanceOf(OutOfMemoryError.class);

      assertThat(counter(db)).isZero();
      // The connection is usable, and back in autocommit for the next transaction.
      db.transaction(c -> {
        SqlFeedStore.setCounter(c, "other", 2);
        return null;
      });
    }
    try (Database reopened = Database.open(data)) {
      assertThat(counter(reopened)).isZero();
    }
  }
}

package org.backgrounder.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import org.backgrounder.digest.DigestLedger;
import org.backgrounder.facts.FactHistory;
import org.backgrounder.feeds.FeedStore;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, in a data folder as the bot opens it (writer and reader). */
class SqliteStoreContractTest extends HistoryAndReviewContract {

  @TempDir
  Path data;

  @Override
  Stores open() {
    Database db;
    try {
      db = Database.open(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Stores() {
      @Override
      public FeedStore feeds() {
        return new SqlFeedStore(db);
      }

      @Override
      public DigestLedger ledger() {
        return new SqlDigestLedger(db);
      }

      @Override
      public KeyValues keyValues(Clock clock) {
        return new SqlKeyValues(db, clock);
      }

      @Override
      public AuditLog audit() {
        return new SqlAuditLog(db);
      }

      @Override
      public FactHistory history() {
        return new SqlFactHistory(db);
      }

      @Override
      public AuditReview auditReview() {
        return new SqlAuditReview(db);
      }

      @Override
      public FeedReview feedReview() {
        return new SqlFeedReview(db);
      }

      @Override
      public void close() {
        db.close();
      }
    };
  }
}

package org.backgrounder.feeds;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.backgrounder.Eventually;
import org.backgrounder.facts.FactBase;
import org.backgrounder.store.Database;
import org.backgrounder.store.SqlFeedStore;
import org.junit.jupiter.api.Test;

class PollingServiceTest {

  @Test
  void start_aRunThatThrowsAnError_doesNotStopTheNextRuns() {
    AtomicInteger runs = new AtomicInteger();
    try (Database db = Database.inMemory()) {
      Poller poller = new Poller(new SqlFeedStore(db), Fetcher.create(new OkHttpClient(),
          FetcherTest.settings(false, 1024 * 1024, Duration.ofSeconds(2)), Clock.systemUTC()),
          FactBase::empty, changed -> { }, Clock.systemUTC(), new Random(1), 1);
      PollingService service = new PollingService(poller, () -> {
        if (runs.incrementAndGet() == 1) {
          throw new StackOverflowError();
        }
        return List.of();
      }, done -> { });
      try (service) {
        service.start(Duration.ofMillis(20));
        Eventually.await(Duration.ofSeconds(5), () -> runs.get() >= 3);
      }
    }
  }
}

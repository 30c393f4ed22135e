package org.backgrounder.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.backgrounder.feeds.Poller;
import org.backgrounder.feeds.PollingService;

/**
 * The feeds of a terminal chat: polled in the background from the start, as {@code run} polls
 * them, so that a new user has recent coverage without running {@code ingest} first. Answers never
 * wait for it: the poll has its own thread, and the index takes new items while it answers. It
 * says once what it is doing and once what came of it; later polls are quiet.
 */
final class ChatFeeds implements AutoCloseable {

  private final Wiring w;
  private final PollingService polling;

  private ChatFeeds(Wiring w, PollingService polling) {
    this.w = w;
    this.polling = polling;
  }

  /** Starts polling every {@code every}, telling {@code say} about the first poll run. */
  static ChatFeeds start(Wiring w, Consumer<String> say, Duration every) {
    Poller poller = w.poller();
    int due = poller.due(w.feeds).size();
    if (due > 0) {
      say.accept("Fetching " + CheckCommand.plural(due, "feed") + " in the background"
          + " (--offline skips this); ask away.");
    }
    AtomicBoolean first = new AtomicBoolean(true);
    PollingService polling = new PollingService(poller, () -> w.feeds, outcomes -> {
      if (first.getAndSet(false) && due > 0) {
        say.accept(summary(outcomes));
      }
    });
    polling.start(every);
    return new ChatFeeds(w, polling);
  }

  /** "Fetched 14 feeds: 23 new items; 2 failed (/feeds says why)." */
  private static String summary(List<Poller.Outcome> outcomes) {
    int added = 0;
    int failed = 0;
    for (Poller.Outcome o : outcomes) {
      added += o.added();
      failed += o.kind() == Poller.Outcome.Kind.FAILED ? 1 : 0;
    }
    return "Fetched " + CheckCommand.plural(outcomes.size(), "feed") + ": "
        + (added == 0 ? "nothing new" : CheckCommand.plural(added, "new item"))
        + (failed == 0 ? "" : "; " + failed + " failed (/feeds says why)") + ".";
  }

  /**
   * Stops polling. A fetch under way is cancelled rather than waited for: the user asked to
   * leave, and what a poll stores is one transaction per feed, so nothing is half written.
   */
  @Override
  public void close() {
    polling.stop(Duration.ofMillis(200));
    w.cancelHttpCalls();
    polling.stop(Duration.ofSeconds(10));
  }
}

package org.backgrounder.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.backgrounder.feeds.FeedConfig;
import org.backgrounder.feeds.FeedState;
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
    int due = due(w.feeds, w.feedStore.states(), w.clock.instant());
    if (due > 0) {
      say.accept("Fetching " + CheckCommand.plural(due, "feed") + " in the background (--offline skips"
          + " this); ask away.");
    }
    AtomicBoolean first = new AtomicBoolean(true);
    PollingService polling = new PollingService(w.poller(), () -> w.feeds, outcomes -> {
      if (first.getAndSet(false) && due > 0) {
        say.accept(summary(outcomes));
      }
    });
    polling.start(every);
    return new ChatFeeds(w, polling);
  }

  /** How many enabled feeds are due now (never polled, or past their interval or back-off). */
  static int due(List<FeedConfig> feeds, List<FeedState> states, Instant now) {
    Map<String, FeedState> byId = states.stream()
        .collect(Collectors.toMap(FeedState::feedId, Function.identity(), (a, b) -> a));
    int due = 0;
    for (FeedConfig f : feeds) {
      FeedState s = byId.get(f.id());
      if (f.enabled() && (s == null || (!s.disabled()
          && s.nextPoll().map(next -> !next.isAfter(now)).orElse(true)))) {
        due++;
      }
    }
    return due;
  }

  /** "Fetched 14 feeds: 23 new items; 2 failed (/feeds says why)." */
  static String summary(List<Poller.Outcome> outcomes) {
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
    w.http.dispatcher().cancelAll();
    polling.stop(Duration.ofSeconds(10));
  }
}

package org.backgrounder.feeds;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.backgrounder.config.Durations;
import org.backgrounder.facts.FactBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls feeds: at most one request at a time per host and a bounded number overall; stores what
 * is new or changed together with the feed's state, then hands the items to whoever indexes them.
 * Failures back off per feed (exponentially, with jitter, up to a day); a server's Retry-After is
 * honoured; 410 Gone disables the feed for good and says so.
 */
public final class Poller {

  private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
  static final Duration MAX_BACKOFF = Duration.ofDays(1);
  static final Duration MAX_RETRY_AFTER = Duration.ofDays(7);
  private static final String UNEXPECTED = "failed unexpectedly; the log has the details";

  private final FeedStore store;
  private final Fetcher fetcher;
  private final Supplier<FactBase> facts;
  private final ItemSink sink;
  private final Clock clock;
  private final Random jitter;
  private final int maxConcurrent;
  private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
  private volatile Matching matching = new Matching(null, null);

  private record Matching(FactBase base, StoryMatcher matcher) {}

  /** Where stored items go next (the index); called once per poll run with everything changed. */
  @FunctionalInterface
  public interface ItemSink {
    void accept(List<FeedItem> changed) throws IOException;

    /**
     * {@link #accept(List)}, with the stories the poll run found in each changed item, for a sink
     * that would otherwise match them again; by default they go unused.
     */
    default void accept(List<FeedItem> changed, PollMatches matches) throws IOException {
      accept(changed);
    }
  }

  public Poller(FeedStore store, Fetcher fetcher, Supplier<FactBase> facts, ItemSink sink,
      Clock clock, Random jitter, int maxConcurrent) {
    this.store = store;
    this.fetcher = fetcher;
    this.facts = facts;
    this.sink = sink;
    this.clock = clock;
    this.jitter = jitter;
    this.maxConcurrent = maxConcurrent;
  }

  /** What happened to one feed in a poll run. */
  public record Outcome(String feedId, Kind kind, int added, int updated, String message) {

    /** The kinds of outcome, as ingest prints them. */
    public enum Kind { NEW, UNCHANGED, FAILED, SKIPPED }

    /** One line for ingest: "id: 3 new, 1 updated", "id: failed: HTTP 404 ...". */
    public String line() {
      return feedId + ": " + switch (kind) {
        case NEW -> added + " new, " + updated + " updated" + (message.isEmpty() ? "" : " (" + message + ")");
        case UNCHANGED -> "unchanged" + (message.isEmpty() ? "" : " (" + message + ")");
        case FAILED -> "failed: " + message;
        case SKIPPED -> "skipped: " + message;
      };
    }
  }

  /** The enabled feeds that {@link #pollDue} would fetch now. */
  public List<FeedConfig> due(List<FeedConfig> feeds) {
    Instant now = clock.instant();
    Map<String, FeedState> states = new java.util.HashMap<>();
    for (FeedState s : store.states()) {
      states.put(s.feedId(), s);
    }
    return feeds.stream().filter(f -> f.enabled() && skipReason(states.getOrDefault(f.id(),
        FeedState.fresh(f.id())), now, false).isEmpty()).toList();
  }

  /** Polls the feeds that are due. */
  public List<Outcome> pollDue(List<FeedConfig> feeds) {
    return poll(feeds, false);
  }

  /**
   * Polls every enabled feed now, ignoring intervals, but never before a server's Retry-After has
   * passed and never a feed disabled after a 410.
   */
  public List<Outcome> pollAll(List<FeedConfig> feeds) {
    return poll(feeds, true);
  }

  private List<Outcome> poll(List<FeedConfig> feeds, boolean ignoreInterval) {
    Instant now = clock.instant();
    List<Outcome> outcomes = new ArrayList<>();
    List<FeedConfig> due = new ArrayList<>();
    Map<String, FeedState> states = new java.util.HashMap<>();
    for (FeedState s : store.states()) {
      states.put(s.feedId(), s);
    }
    for (FeedConfig f : feeds) {
      if (!f.enabled()) {
        continue;
      }
      FeedState s = states.getOrDefault(f.id(), FeedState.fresh(f.id()));
      Optional<String> skip = skipReason(s, now, ignoreInterval);
      if (skip.isPresent()) {
        if (ignoreInterval) {
          outcomes.add(new Outcome(f.id(), Outcome.Kind.SKIPPED, 0, 0, skip.get()));
        }
      } else {
        due.add(f);
      }
    }
    if (due.isEmpty()) {
      return outcomes;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(maxConcurrent, due.size()), r -> {
      Thread t = new Thread(r, "feed-poll");
      t.setDaemon(true);
      return t;
    });
    List<Future<Result>> futures = new ArrayList<>();
    List<FeedItem> changed = new ArrayList<>();
    PollMatches matches = new PollMatches();
    try {
      for (FeedConfig f : due) {
        FeedState state = states.getOrDefault(f.id(), FeedState.fresh(f.id()));
        futures.add(pool.submit(() -> pollOne(f, state, matches)));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          Result r = futures.get(i).get();
          outcomes.add(r.outcome());
          changed.addAll(r.changed());
        } catch (ExecutionException e) {
          // pollOne turns every failure into an outcome; this is a bug, and says so.
          LOG.error("feed {}: the poll failed unexpectedly", due.get(i).id(), e.getCause());
          outcomes.add(new Outcome(due.get(i).id(), Outcome.Kind.FAILED, 0, 0, UNEXPECTED));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
    if (!changed.isEmpty()) {
      try {
        sink.accept(changed, matches);
      } catch (IOException | RuntimeException e) {
        LOG.error("could not index the new items; they are stored and will be indexed on the next"
            + " poll or restart", e);
      }
    }
    return outcomes;
  }

  private static Optional<String> skipReason(FeedState s, Instant now, boolean ignoreInterval) {
    if (s.disabled()) {
      return Optional.of("disabled: " + s.disabledReason().get());
    }
    Optional<Instant> next = s.nextPoll();
    if (next.isEmpty() || !next.get().isAfter(now)) {
      return Optional.empty();
    }
    if (!ignoreInterval) {
      return Optional.of("not due");
    }
    if (s.failureKind().filter(k -> k == FeedException.Kind.THROTTLED).isPresent()) {
      return Optional.of("the server asked to wait until " + next.get());
    }
    return Optional.empty();
  }

  private record Result(Outcome outcome, List<FeedItem> changed) {}

  /**
   * One feed, whatever happens to it: an unexpected failure, an {@link Error} included (a stack
   * or heap exhausted by a hostile document), is that feed's failure alone, and backs off.
   */
  private Result pollOne(FeedConfig f, FeedState state, PollMatches matches)
      throws InterruptedException {
    try {
      return fetchAndStore(f, state, matches);
    } catch (InterruptedException e) {
      throw e;
    } catch (Throwable e) {
      LOG.error("feed {}: unexpected failure", f.id(), e);
      try {
        return new Result(fail(f, state, clock.instant(), new FeedException(
            FeedException.Kind.MALFORMED, "could not be read (" + e.getClass().getSimpleName()
                + "; the log has the details)")), List.of());
      } catch (Throwable again) {
        LOG.error("feed {}: the failure could not be recorded either", f.id(), again);
        return new Result(new Outcome(f.id(), Outcome.Kind.FAILED, 0, 0, UNEXPECTED), List.of());
      }
    }
  }

  private Result fetchAndStore(FeedConfig f, FeedState state, PollMatches matches)
      throws InterruptedException {
    URI url = state.currentUrl().orElse(f.url());
    // Politeness is for servers: local snapshot files are read side by side.
    Semaphore host = f.isFile() ? new Semaphore(1)
        : hosts.computeIfAbsent(hostKey(url), h -> new Semaphore(1));
    host.acquire();
    try {
      Instant now = clock.instant();
      Fetcher.Fetched got;
      try {
        got = fetcher.fetch(url, state.etag(), state.lastModified());
      } catch (FeedException e) {
        return new Result(fail(f, state, now, e), List.of());
      }
      Optional<URI> newUrl = got.movedTo().or(state::currentUrl);
      if (got.movedTo().isPresent()) {
        LOG.info("feed {} moved permanently to {}", f.id(), got.movedTo().get());
      }
      Instant next = now.plus(f.interval());
      if (got.notModified()) {
        store.saveState(state.succeeded(now, state.etag(), state.lastModified(), newUrl, next));
        return new Result(new Outcome(f.id(), Outcome.Kind.UNCHANGED, 0, 0, "304"), List.of());
      }
      ParsedFeed parsed;
      try {
        parsed = FeedParser.parse(got.body(), got.contentType(), got.url());
      } catch (FeedException e) {
        return new Result(fail(f, state, now, e), List.of());
      }
      List<FeedItem> items = FeedItems.of(f, parsed, now);
      Matching matching = matching();
      List<List<StoryMatcher.StoryMatch>> found = new ArrayList<>(items.size());
      List<List<StoryMatcher.StoryMatch>> relevance = new ArrayList<>(items.size());
      for (FeedItem item : items) {
        List<StoryMatcher.StoryMatch> all = matching.matcher().match(item.title(), item.summary());
        found.add(all);
        relevance.add(all.stream().filter(m -> f.feeds(m.story())).toList());
      }
      boolean backlog = state.successes() == 0;
      FeedStore.Stored stored = store.record(state.succeeded(now, got.etag(), got.lastModified(),
          newUrl, next), items, relevance, backlog, clock);
      List<FeedItem> changed = new ArrayList<>(stored.added());
      changed.addAll(stored.updated());
      if (!changed.isEmpty()) {
        // The indexer would match the same text again: hand it what was found (items are unique
        // by key, and only what was stored is kept).
        Map<String, Integer> at = new java.util.HashMap<>();
        for (int i = 0; i < items.size(); i++) {
          at.put(items.get(i).key(), i);
        }
        for (FeedItem c : changed) {
          Integer i = at.get(c.key());
          if (i != null) {
            matches.put(matching.base(), items.get(i), found.get(i));
          }
        }
      }
      List<String> notes = new ArrayList<>();
      if (backlog && !items.isEmpty()) {
        notes.add("first poll: kept as background, not news");
      }
      got.movedTo().ifPresent(moved -> notes.add("moved to " + moved));
      String note = String.join("; ", notes);
      Outcome.Kind kind = changed.isEmpty() ? Outcome.Kind.UNCHANGED : Outcome.Kind.NEW;
      return new Result(new Outcome(f.id(), kind, stored.added().size(), stored.updated().size(),
          kind == Outcome.Kind.UNCHANGED && note.isEmpty() ? "no new items" : note), changed);
    } finally {
      host.release();
    }
  }

  private Outcome fail(FeedConfig f, FeedState state, Instant now, FeedException e) {
    Optional<String> disable = e.kind() == FeedException.Kind.GONE
        ? Optional.of(e.getMessage() + " (" + now + ")") : Optional.empty();
    Instant next = now.plus(delay(f, state, e));
    store.saveState(state.failed(now, e.kind(), e.getMessage(), next, disable));
    if (disable.isPresent()) {
      LOG.warn("feed {} is gone and is now disabled: {}", f.id(), e.getMessage());
      return new Outcome(f.id(), Outcome.Kind.FAILED, 0, 0, e.getMessage()
          + "; the feed is now disabled");
    }
    if (e.kind().isTransient()) {
      LOG.info("feed {}: {}", f.id(), e.getMessage());
    } else {
      LOG.warn("feed {}: {}", f.id(), e.getMessage());
    }
    return new Outcome(f.id(), Outcome.Kind.FAILED, 0, 0, e.getMessage() + "; next try in "
        + Durations.format(Duration.between(now, next)));
  }

  /** How long to wait after a failure: Retry-After when given, else a jittered back-off. */
  Duration delay(FeedConfig f, FeedState state, FeedException e) {
    if (e.retryAfter().isPresent()) {
      Duration asked = e.retryAfter().get();
      return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER
          : asked.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : asked;
    }
    int failures = Math.min(20, state.consecutiveFailures() + 1);
    Duration base = f.interval().multipliedBy(1L << Math.min(failures - 1, 16));
    if (base.compareTo(MAX_BACKOFF) > 0) {
      base = MAX_BACKOFF;
    }
    double factor;
    synchronized (jitter) {
      factor = 0.8 + 0.4 * jitter.nextDouble();
    }
    Duration d = Duration.ofMillis((long) (base.toMillis() * factor));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private Matching matching() {
    FactBase base = facts.get();
    Matching m = matching;
    if (m.base() != base) {
      m = new Matching(base, StoryMatcher.of(base));
      matching = m;
    }
    return m;
  }

  private static String hostKey(URI url) {
    return url.getScheme() + "://" + (url.getHost() == null ? "" : url.getHost().toLowerCase(java.util.Locale.ROOT))
        + ":" + url.getPort();
  }
}

package org.backgrounder.chat.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.backgrounder.chat.Reply;
import org.backgrounder.store.KeyValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the adapter remembers for a while, in Caffeine caches that expire on the injected clock:
 * events already handled (Slack retries and redelivers after a reconnect), threads the bot
 * answered in (follow-ups there need no mention), replies waiting to be shared, and what a
 * thumbs-up or thumbs-down button refers to. With a store that replicas share, an event is also
 * claimed there, so of the replicas Slack delivers it to only one answers, and the threads the
 * bot answered in are kept there too, so a follow-up is one whichever replica it reaches.
 */
final class Memory {

  private static final Logger LOG = LoggerFactory.getLogger(Memory.class);

  /** Where shared event claims live in the key-values, and how often lapsed ones are deleted. */
  static final String EVENT_KEY = "slack:event:";
  static final String THREAD_KEY = "slack:thread:";
  static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

  static final Duration EVENTS = Duration.ofHours(1);
  static final Duration THREADS = Duration.ofDays(1);
  static final Duration SHARES = Duration.ofHours(1);
  static final Duration FEEDBACK = Duration.ofDays(7);

  /** A reply shown privately, kept so "Share in channel" can post the same thing. */
  record Shareable(String channel, SlackMessage message, Optional<String> feedbackId,
      Optional<String> responseUrl) {
    Shareable {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(feedbackId, "feedbackId");
      Objects.requireNonNull(responseUrl, "responseUrl");
    }
  }

  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Optional<KeyValues> shared;
  private volatile Instant lastPrune = Instant.MIN;
  private final Cache<String, Boolean> events;
  private final Cache<String, Boolean> threads;
  private final Cache<String, Shareable> shares;
  private final Cache<String, Reply.Feedback> feedback;

  Memory(Clock clock) {
    this(clock, Optional.empty());
  }

  /** @param shared the store replicas share, where events are claimed; empty for one process */
  Memory(Clock clock, Optional<KeyValues> shared) {
    this.clock = clock;
    this.shared = Objects.requireNonNull(shared, "shared");
    Ticker ticker = () -> clock.millis() * 1_000_000L;
    this.events = cache(ticker, EVENTS, 100_000);
    this.threads = cache(ticker, THREADS, 100_000);
    this.shares = cache(ticker, SHARES, 10_000);
    this.feedback = cache(ticker, FEEDBACK, 100_000);
  }

  private static <V> Cache<String, V> cache(Ticker ticker, Duration ttl, long size) {
    return Caffeine.newBuilder()
        .ticker(ticker)
        .executor(Runnable::run)
        .expireAfterWrite(ttl)
        .maximumSize(size)
        .build();
  }

  /** True the first time this process sees an event id, false for every retry or redelivery. */
  boolean firstDelivery(String eventId) {
    return events.asMap().putIfAbsent(eventId, Boolean.TRUE) == null;
  }

  /** Whether replicas share a store, so that what one answered the others must hear of. */
  boolean shared() {
    return shared.isPresent();
  }

  /**
   * Claims an event for this replica in the shared store: true in only one of the replicas it
   * reaches within {@link #EVENTS} (always true without a shared store). When the store cannot
   * be reached the event is answered here (a rare double answer beats silence). Talks to the
   * database: call it on an answering thread, never on Slack's acknowledgement path.
   */
  boolean claim(String eventId) {
    if (shared.isEmpty()) {
      return true;
    }
    try {
      boolean first = shared.get().putIfAbsent(EVENT_KEY + eventId, "1", EVENTS);
      pruneLapsed();
      return first;
    } catch (RuntimeException e) {
      LOG.warn("Slack: cannot claim event {} in the shared store, answering it here: {}", eventId,
          e.getMessage());
      return true;
    }
  }

  /** Now and then, deletes event claims and threads past their time: the table stays small. */
  private void pruneLapsed() {
    Instant now = clock.instant();
    if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) < 0) {
      return;
    }
    lastPrune = now;
    int gone = shared.get().prune(EVENT_KEY, now.minus(EVENTS))
        + shared.get().prune(THREAD_KEY, now.minus(THREADS));
    if (gone > 0) {
      LOG.debug("Slack: forgot {} events and threads past their time", gone);
    }
  }

  /** The bot answers in this thread: later messages there are follow-ups, here at once. */
  void answeredIn(String channel, String threadTs) {
    threads.put(channel + "/" + threadTs, Boolean.TRUE);
  }

  /** As {@link #answeredIn}, for the other replicas too; talks to the database. */
  void shareAnsweredIn(String channel, String threadTs) {
    String thread = channel + "/" + threadTs;
    shared.ifPresent(kv -> {
      try {
        kv.put(THREAD_KEY + thread, Long.toString(clock.millis()));
      } catch (RuntimeException e) {
        LOG.warn("Slack: cannot share that the bot answered in {}: {}", thread, e.getMessage());
      }
    });
  }

  /** Whether this process answered in the thread within {@link #THREADS}. */
  boolean answeredBefore(String channel, String threadTs) {
    return threads.getIfPresent(channel + "/" + threadTs) != null;
  }

  /**
   * Whether another replica sharing the store answered in the thread within {@link #THREADS};
   * talks to the database.
   */
  boolean answeredElsewhere(String channel, String threadTs) {
    if (shared.isEmpty()) {
      return false;
    }
    String thread = channel + "/" + threadTs;
    try {
      Optional<String> at = shared.get().get(THREAD_KEY + thread);
      return at.isPresent() && clock.millis() - Long.parseLong(at.get()) < THREADS.toMillis();
    } catch (RuntimeException e) {
      LOG.warn("Slack: cannot look up thread {} in the shared store: {}", thread, e.getMessage());
      return false;
    }
  }

  String keep(Shareable s) {
    String id = newId();
    shares.put(id, s);
    return id;
  }

  Optional<Shareable> shareable(String id) {
    return Optional.ofNullable(id == null ? null : shares.getIfPresent(id));
  }

  String keep(Reply.Feedback f) {
    String id = newId();
    feedback.put(id, f);
    return id;
  }

  Optional<Reply.Feedback> feedback(String id) {
    return Optional.ofNullable(id == null ? null : feedback.getIfPresent(id));
  }

  /** 128 random bits: a button value nobody can guess to reach another person's reply. */
  private String newId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}

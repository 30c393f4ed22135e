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
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
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
 * bot answered in and what the buttons refer to are kept there too, so a follow-up or a button
 * press is one whichever replica it reaches.
 */
final class Memory {

  private static final Logger LOG = LoggerFactory.getLogger(Memory.class);

  /** Where shared event claims live in the key-values, and how often lapsed ones are deleted. */
  static final String EVENT_KEY = "slack:event:";
  static final String THREAD_KEY = "slack:thread:";
  static final String SHARE_KEY = "slack:share:";
  static final String FEEDBACK_KEY = "slack:feedback:";
  static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

  static final Duration EVENTS = Duration.ofHours(1);
  static final Duration THREADS = Duration.ofDays(1);
  static final Duration SHARES = Duration.ofHours(1);
  static final Duration FEEDBACK = Duration.ofDays(7);

  /** What {@link #newId} makes; anything else in a button's value was not the bot's. */
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

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

  /**
   * Now and then, deletes event claims, threads and what buttons refer to past their time: the
   * table stays small.
   */
  private void pruneLapsed() {
    Instant now = clock.instant();
    if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) < 0) {
      return;
    }
    lastPrune = now;
    KeyValues kv = shared.get();
    int gone = kv.prune(EVENT_KEY, now.minus(EVENTS)) + kv.prune(THREAD_KEY, now.minus(THREADS))
        + kv.prune(SHARE_KEY, now.minus(SHARES)) + kv.prune(FEEDBACK_KEY, now.minus(FEEDBACK));
    if (gone > 0) {
      LOG.debug("Slack: forgot {} events, threads and buttons past their time", gone);
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

  /**
   * Keeps a reply for "Share in channel" for {@link #SHARES}, here and, with a shared store, for
   * the other replicas; talks to the database then, so call it on an answering thread.
   */
  String keep(Shareable s) {
    String id = newId();
    shares.put(id, s);
    keepShared(SHARE_KEY, id, () -> KeptButtons.write(s, clock.instant()));
    return id;
  }

  /**
   * The reply kept under {@code id} within {@link #SHARES}, by this process or another replica;
   * may talk to the database, so call it on an answering thread.
   */
  Optional<Shareable> shareable(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Shareable here = shares.getIfPresent(id);
    return here != null ? Optional.of(here)
        : keptElsewhere(SHARE_KEY, id, SHARES, KeptButtons::shareable);
  }

  /** As {@link #keep(Shareable)}, what a thumb refers to, for {@link #FEEDBACK}. */
  String keep(Reply.Feedback f) {
    String id = newId();
    feedback.put(id, f);
    keepShared(FEEDBACK_KEY, id, () -> KeptButtons.write(f, clock.instant()));
    return id;
  }

  /** As {@link #shareable}, what the thumbs under {@code id} refer to, within {@link #FEEDBACK}. */
  Optional<Reply.Feedback> feedback(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Reply.Feedback here = feedback.getIfPresent(id);
    return here != null ? Optional.of(here)
        : keptElsewhere(FEEDBACK_KEY, id, FEEDBACK, KeptButtons::feedback);
  }

  /**
   * Writes a button's state to the shared store. When the store cannot be reached it stays
   * here only: a press on this replica still works, one on another says the reply expired.
   */
  private void keepShared(String prefix, String id, Supplier<String> value) {
    // The id is what lets a press reach the reply, so it stays out of the log.
    shared.ifPresent(kv -> {
      try {
        kv.put(prefix + id, value.get());
      } catch (RuntimeException e) {
        LOG.warn("Slack: cannot share a {} button with the other replicas: {}", prefix,
            e.getMessage());
        return;
      }
      try {
        pruneLapsed();
      } catch (RuntimeException e) {
        LOG.warn("Slack: cannot delete lapsed events, threads and buttons: {}", e.getMessage());
      }
    });
  }

  /** A button's state another replica kept, if it is there and younger than {@code ttl}. */
  private <T> Optional<T> keptElsewhere(String prefix, String id, Duration ttl,
      Function<String, KeptButtons.Stamped<T>> read) {
    if (shared.isEmpty() || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    try {
      Optional<KeptButtons.Stamped<T>> kept = shared.get().get(prefix + id).map(read);
      return kept.filter(k -> Duration.between(k.at(), clock.instant()).compareTo(ttl) < 0)
          .map(KeptButtons.Stamped::value);
    } catch (RuntimeException e) {
      LOG.warn("Slack: cannot read a {} button from the shared store: {}", prefix,
          e.getMessage());
      return Optional.empty();
    }
  }

  /** 128 random bits: a button value nobody can guess to reach another person's reply. */
  private String newId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}

package org.backgrounder.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.backgrounder.chat.ChatException;
import org.backgrounder.chat.Reply;
import org.backgrounder.config.DigestSettings;
import org.backgrounder.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each digest when its slot comes, at most once and never silently missed. Driven by the
 * clock: every {@link #tick} looks at what is due at that instant, so tests move a fake clock
 * and call it instead of waiting.
 *
 * <p>Per digest and slot: the slot is claimed in the {@link DigestLedger} before anything is
 * sent, then its outcome recorded. A slot found claimed on start (the bot stopped while posting)
 * is posted again only where the platform de-duplicates by key (Matrix transaction ids), and
 * otherwise recorded as unknown rather than risk a second post. A slot missed while the bot was
 * down is posted on start if it is less than its grace period late, else recorded as skipped.
 * A failed post is retried on later ticks while the grace period lasts.
 */
public final class DigestScheduler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DigestScheduler.class);
  /** Attempts at posting one slot before it is given up. */
  static final int MAX_ATTEMPTS = 5;
  /** How far back missed slots are put on record (a bot down for months logs a month). */
  private static final Duration LOOK_BACK = Duration.ofDays(31);
  /** The ledger's name for the admin channel's daily note about failing feeds. */
  static final String TROUBLE = "admin:feed-trouble";

  /** Posts a digest; {@code key} is the same for every attempt at one slot. */
  @FunctionalInterface
  public interface Poster {
    void post(Settings.Platform platform, String channel, Reply reply, String key)
        throws ChatException;
  }

  private final List<DigestSettings> digests;
  private final Digests content;
  private final DigestLedger ledger;
  private final Poster poster;
  private final Set<Settings.Platform> deduplicating;
  private final Optional<Settings.ChatTarget> admin;
  private final Runnable onPosted;
  private final Clock clock;
  private ScheduledExecutorService timer;

  /**
   * @param deduplicating platforms where posting again with the same key never posts twice
   * @param admin where the daily note about feeds failing for a day goes, if anywhere
   * @param onPosted called after each digest posted (metrics)
   */
  public DigestScheduler(List<DigestSettings> digests, Digests content, DigestLedger ledger,
      Poster poster, Set<Settings.Platform> deduplicating, Optional<Settings.ChatTarget> admin,
      Runnable onPosted, Clock clock) {
    this.digests = List.copyOf(digests);
    this.content = Objects.requireNonNull(content, "content");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.poster = Objects.requireNonNull(poster, "poster");
    this.deduplicating = Set.copyOf(deduplicating);
    this.admin = Objects.requireNonNull(admin, "admin");
    this.onPosted = Objects.requireNonNull(onPosted, "onPosted");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Ticks now and then every {@code every}, on a thread of its own. */
  public synchronized void start(Duration every) {
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "digest-scheduler");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(() -> {
      // Whatever a tick throws, the next one comes: an exception escaping here would cancel
      // the periodic task, and no digest would be posted again.
      try {
        tick(clock.instant());
      } catch (Throwable e) {
        LOG.error("the digest scheduler failed; it tries again at the next tick", e);
      }
    }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    for (DigestSettings d : digests) {
      LOG.info("digest to {} {}: next at {}", d.platform().id(), d.channel(),
          Schedule.next(d, clock.instant()).atZone(d.zone()));
    }
  }

  /** Handles everything due at {@code now}. */
  public synchronized void tick(Instant now) {
    boolean handled = false;
    for (DigestSettings d : digests) {
      try {
        handled |= due(d, now);
      } catch (Throwable e) {
        // One digest's trouble is its own: the others are still posted.
        LOG.error("digest to {} {}: failed unexpectedly; tried again at the next tick",
            d.platform().id(), d.channel(), e);
      }
    }
    if (handled || digests.isEmpty()) {
      try {
        reportTrouble(now);
      } catch (Throwable e) {
        LOG.error("could not tell the admin channel about failing feeds", e);
      }
    }
  }

  /** @return whether a slot was settled (posted, or found empty) on this tick */
  private boolean due(DigestSettings d, Instant now) {
    String key = d.key();
    Instant since = ledger.watchingSince(key, now);
    Optional<DigestLedger.Entry> latest = ledger.latest(key);
    if (latest.isPresent() && unsettled(latest.get())) {
      return resume(d, latest.get(), now);
    }
    Instant after = latest.map(DigestLedger.Entry::slot).filter(s -> s.isAfter(since)).orElse(since);
    if (after.isBefore(now.minus(LOOK_BACK))) {
      after = now.minus(LOOK_BACK);
    }
    List<Instant> slots = Schedule.between(d, after, now);
    if (slots.isEmpty()) {
      return false;
    }
    for (Instant skipped : slots.subList(0, slots.size() - 1)) {
      LOG.warn("digest to {} {}: the slot of {} was missed while the bot was down; the next"
          + " digest covers it", d.platform().id(), d.channel(), skipped.atZone(d.zone()));
      ledger.record(new DigestLedger.Entry(key, skipped, DigestLedger.Outcome.SKIPPED_LATE,
          "missed; covered by a later slot", Optional.empty(), 0, now));
    }
    Instant slot = slots.get(slots.size() - 1);
    if (late(d, slot, now)) {
      LOG.warn("digest to {} {}: the slot of {} is {} late, more than its grace of {}; skipped",
          d.platform().id(), d.channel(), slot.atZone(d.zone()), Duration.between(slot, now),
          d.grace());
      ledger.record(new DigestLedger.Entry(key, slot, DigestLedger.Outcome.SKIPPED_LATE,
          "missed by " + Duration.between(slot, now) + ", more than the grace period",
          Optional.empty(), 0, now));
      return false;
    }
    if (!ledger.claim(key, slot, now)) {
      return false;
    }
    return post(d, slot, 1, now);
  }

  private static boolean unsettled(DigestLedger.Entry e) {
    return e.outcome() == DigestLedger.Outcome.POSTING || e.outcome() == DigestLedger.Outcome.FAILED;
  }

  private static boolean late(DigestSettings d, Instant slot, Instant now) {
    return Duration.between(slot, now).compareTo(d.grace()) > 0;
  }

  /** A slot claimed by an earlier tick or process, or one whose post failed. */
  private boolean resume(DigestSettings d, DigestLedger.Entry e, Instant now) {
    String where = d.platform().id() + " " + d.channel();
    if (late(d, e.slot(), now) || e.attempts() >= MAX_ATTEMPTS) {
      LOG.error("digest to {}: the slot of {} could not be posted ({}); giving up", where,
          e.slot().atZone(d.zone()), e.detail().isBlank() ? e.outcome() : e.detail());
      ledger.record(new DigestLedger.Entry(e.digest(), e.slot(), e.outcome() == DigestLedger
          .Outcome.POSTING ? DigestLedger.Outcome.UNKNOWN : DigestLedger.Outcome.SKIPPED_LATE,
          "given up after " + e.attempts() + " attempts: " + e.detail(), Optional.empty(),
          e.attempts(), now));
      return false;
    }
    if (e.outcome() == DigestLedger.Outcome.POSTING && !deduplicating.contains(d.platform())) {
      LOG.warn("digest to {}: the bot stopped while posting the slot of {}; it may or may not"
          + " have arrived, and {} cannot tell a repeat, so it is not posted again", where,
          e.slot().atZone(d.zone()), d.platform().id());
      ledger.record(new DigestLedger.Entry(e.digest(), e.slot(), DigestLedger.Outcome.UNKNOWN,
          "the bot stopped while posting", Optional.empty(), e.attempts(), now));
      return false;
    }
    if (e.outcome() == DigestLedger.Outcome.FAILED
        && now.isBefore(e.recorded().plus(retryDelay(e.attempts())))) {
      return false;
    }
    return post(d, e.slot(), e.attempts() + 1, now);
  }

  /** 1, 2, 4, 8 minutes between attempts. */
  static Duration retryDelay(int attempts) {
    return Duration.ofMinutes(1L << Math.min(10, Math.max(0, attempts - 1)));
  }

  /**
   * Posts one slot. Anything unexpected (an {@link Error} from rendering hostile text included)
   * leaves the slot FAILED, to be retried while its grace lasts, never POSTING, and the admin
   * channel hears of it.
   */
  private boolean post(DigestSettings d, Instant slot, int attempt, Instant now) {
    try {
      return attempt(d, slot, attempt, now);
    } catch (Throwable e) {
      String where = d.platform().id() + " " + d.channel();
      LOG.error("digest to {}: the slot of {} failed unexpectedly (attempt {} of {})", where,
          slot.atZone(d.zone()), attempt, MAX_ATTEMPTS, e);
      ledger.record(new DigestLedger.Entry(d.key(), slot, DigestLedger.Outcome.FAILED,
          "failed unexpectedly: " + e.getClass().getSimpleName(), Optional.empty(), attempt, now));
      tellAdmins("The digest to " + where + " for " + slot.atZone(d.zone()) + " could not be"
          + " posted: it failed unexpectedly (" + e.getClass().getSimpleName() + "; the log has"
          + " the details). It is tried again while its grace period lasts.",
          "digest-failure:" + d.key() + ":" + slot.toEpochMilli() + ":" + attempt);
      return false;
    }
  }

  private void tellAdmins(String text, String key) {
    if (admin.isEmpty()) {
      return;
    }
    try {
      poster.post(admin.get().platform(), admin.get().channel(), Reply.info(text), key);
    } catch (Throwable e) {
      LOG.warn("could not tell the admin channel: {}", String.valueOf(e.getMessage()));
    }
  }

  private boolean attempt(DigestSettings d, Instant slot, int attempt, Instant now) {
    String key = d.key();
    DigestComposer.Window window = window(d, slot, now, Optional.empty());
    Instant from = window.from();
    DigestComposer.Digest digest = content.compose(d.stories(), window);
    if (digest.empty() && d.skipIfEmpty()) {
      LOG.info("digest to {} {}: nothing new since {}; skipped", d.platform().id(), d.channel(),
          from.atZone(d.zone()));
      ledger.record(new DigestLedger.Entry(key, slot, DigestLedger.Outcome.SKIPPED_EMPTY, "",
          Optional.of(now), attempt, now));
      return true;
    }
    ledger.record(new DigestLedger.Entry(key, slot, DigestLedger.Outcome.POSTING, "",
        Optional.empty(), attempt, now));
    try {
      poster.post(d.platform(), d.channel(), digest.reply(),
          "digest:" + key + ":" + slot.toEpochMilli());
    } catch (ChatException | RuntimeException e) {
      LOG.warn("digest to {} {}: posting failed (attempt {} of {}): {}", d.platform().id(),
          d.channel(), attempt, MAX_ATTEMPTS, e.getMessage());
      ledger.record(new DigestLedger.Entry(key, slot, DigestLedger.Outcome.FAILED,
          String.valueOf(e.getMessage()), Optional.empty(), attempt, now));
      return false;
    }
    ledger.record(new DigestLedger.Entry(key, slot, DigestLedger.Outcome.POSTED,
        digest.items() + " items, " + digest.factChanges() + " fact changes", Optional.of(now),
        attempt, now));
    LOG.info("digest to {} {}: posted ({} items, {} fact changes)", d.platform().id(), d.channel(),
        digest.items(), digest.factChanges());
    onPosted.run();
    return true;
  }

  /**
   * Posts every digest now, by hand ({@code digest --post}, {@code /digest --post}): each covers
   * what is new since its last post, and the next scheduled one continues from here.
   *
   * @param since where the windows start instead, if given
   * @return one line per digest saying what happened
   */
  public synchronized List<String> postNow(Instant now, Optional<Instant> since) {
    if (digests.isEmpty()) {
      return List.of("No digests are configured: add them under digests: in backgrounder.yaml.");
    }
    List<String> out = new java.util.ArrayList<>();
    for (DigestSettings d : digests) {
      String where = d.platform().id() + " " + d.channel();
      DigestComposer.Window window = window(d, now, since);
      DigestComposer.Digest digest = content.compose(d.stories(), window);
      if (digest.empty() && d.skipIfEmpty()) {
        out.add(where + ": nothing new since " + window.from().atZone(d.zone()) + "; not posted");
        continue;
      }
      try {
        poster.post(d.platform(), d.channel(), digest.reply(),
            "digest:" + d.key() + ":by-hand:" + now.toEpochMilli());
      } catch (ChatException | RuntimeException e) {
        out.add(where + ": not posted: " + e.getMessage());
        continue;
      }
      ledger.record(new DigestLedger.Entry(d.key(), now, DigestLedger.Outcome.POSTED,
          "posted by hand", Optional.of(now), 1, now));
      onPosted.run();
      out.add(where + ": posted (" + digest.items() + " items, " + digest.factChanges()
          + " fact changes)");
    }
    return out;
  }

  /** What a digest posted at {@code now} covers: from its last post (or {@code since}) to now. */
  public DigestComposer.Window window(DigestSettings d, Instant now, Optional<Instant> since) {
    return window(d, now, now, since);
  }

  /**
   * The window of the digest for {@code slot} posted at {@code now}: from {@code since}, else the
   * end of the last post, else the slot before; never starting after {@code now}.
   */
  private DigestComposer.Window window(DigestSettings d, Instant slot, Instant now,
      Optional<Instant> since) {
    Instant from = since.or(() -> ledger.lastWindowEnd(d.key()))
        .orElseGet(() -> Schedule.previous(d, slot).orElse(slot.minus(Duration.ofDays(1))));
    return new DigestComposer.Window(from.isAfter(now) ? now : from, now, d.zone());
  }

  /** Once a UTC day, the admin channel hears of feeds failing for more than a day. */
  private void reportTrouble(Instant now) {
    if (admin.isEmpty()) {
      return;
    }
    Settings.ChatTarget to = admin.get();
    Instant day = LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    if (ledger.find(TROUBLE, day).isPresent()) {
      return;
    }
    Optional<Reply> note = DigestComposer.feedTrouble(content.trouble(now), DigestComposer.UTC);
    if (note.isEmpty() || !ledger.claim(TROUBLE, day, now)) {
      return;
    }
    try {
      poster.post(to.platform(), to.channel(), note.get(), TROUBLE + ":" + day.toEpochMilli());
      ledger.record(new DigestLedger.Entry(TROUBLE, day, DigestLedger.Outcome.POSTED, "",
          Optional.of(now), 1, now));
    } catch (ChatException | RuntimeException e) {
      LOG.warn("could not tell the admin channel about failing feeds: {}", e.getMessage());
      ledger.record(new DigestLedger.Entry(TROUBLE, day, DigestLedger.Outcome.FAILED,
          String.valueOf(e.getMessage()), Optional.empty(), 1, now));
    }
  }

  /** Stops ticking, letting a post under way finish. */
  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
    }
    if (t == null) {
      return;
    }
    t.shutdown();
    try {
      if (!t.awaitTermination(10, TimeUnit.SECONDS)) {
        t.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      t.shutdownNow();
    }
  }
}

package org.backgrounder.digest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of each scheduled digest slot, kept in the data folder so that a restart never
 * posts a slot twice and a missed slot is on record. A slot is claimed (recorded as
 * {@link Outcome#POSTING}) before anything is sent, and its outcome recorded after.
 */
public interface DigestLedger {

  /** What became of a slot. */
  enum Outcome {
    /** Claimed; the post was under way (if found on start, the bot stopped while posting). */
    POSTING,
    POSTED,
    /** The platform refused or could not be reached; retried while the grace period lasts. */
    FAILED,
    /** Nothing new, and the digest skips empty ones. */
    SKIPPED_EMPTY,
    /** Missed by more than the grace period (the bot was down), or covered by a later slot. */
    SKIPPED_LATE,
    /** The bot stopped while posting to a platform that cannot de-duplicate; not posted again. */
    UNKNOWN
  }

  /**
   * A slot's record.
   *
   * @param windowTo the end of the window it covered, once it was posted or skipped as empty
   * @param attempts how often posting was tried
   */
  record Entry(String digest, Instant slot, Outcome outcome, String detail,
      Optional<Instant> windowTo, int attempts, Instant recorded) {
    public Entry {
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(outcome, "outcome");
      detail = detail == null ? "" : detail;
      Objects.requireNonNull(windowTo, "windowTo");
      Objects.requireNonNull(recorded, "recorded");
    }
  }

  Optional<Entry> find(String digest, Instant slot);

  /** The entry of the latest slot on record for {@code digest}. */
  Optional<Entry> latest(String digest);

  /**
   * Records {@code entry}, replacing the slot's previous record.
   */
  void record(Entry entry);

  /**
   * Claims a slot for posting: records it as {@link Outcome#POSTING} unless it is already on
   * record. Atomic, so two ticks (or two processes) never both post it.
   *
   * @return true when this call claimed it
   */
  boolean claim(String digest, Instant slot, Instant now);

  /** Where the last posted (or skipped-empty) digest's window ended: the next one starts there. */
  Optional<Instant> lastWindowEnd(String digest);

  /**
   * When the bot started keeping {@code digest}: slots before it were never missed, they predate
   * the digest. The first call records {@code now}.
   */
  Instant watchingSince(String digest, Instant now);
}

package org.backgrounder.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backgrounder.config.DigestSettings;

/**
 * When a digest is due. A slot is the digest's local time on one of its weekdays, in its zone:
 * on the day clocks spring forward past that time it moves forward by the gap (02:30 becomes
 * 03:30); on the day they fall back it is the first of the two 02:30s. Either way a day has
 * exactly one slot, never none and never two.
 */
public final class Schedule {

  /** How far back or ahead a slot is looked for: a week, plus a day for zone offsets. */
  private static final int SEARCH_DAYS = 8;

  private Schedule() {}

  /** The slot on {@code date}, whether or not the digest runs on that weekday. */
  public static Instant slotOn(DigestSettings d, LocalDate date) {
    return ZonedDateTime.of(date, d.at(), d.zone()).toInstant();
  }

  /** Slots in {@code (after, upTo]}, oldest first. */
  public static List<Instant> between(DigestSettings d, Instant after, Instant upTo) {
    List<Instant> out = new ArrayList<>();
    LocalDate day = after.atZone(d.zone()).toLocalDate().minusDays(1);
    LocalDate last = upTo.atZone(d.zone()).toLocalDate().plusDays(1);
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      if (d.days().contains(day.getDayOfWeek())) {
        Instant slot = slotOn(d, day);
        if (slot.isAfter(after) && !slot.isAfter(upTo)) {
          out.add(slot);
        }
      }
    }
    return out;
  }

  /** The latest slot strictly before {@code moment}. */
  public static Optional<Instant> previous(DigestSettings d, Instant moment) {
    LocalDate day = moment.atZone(d.zone()).toLocalDate().plusDays(1);
    for (int i = 0; i <= SEARCH_DAYS; i++, day = day.minusDays(1)) {
      if (d.days().contains(day.getDayOfWeek())) {
        Instant slot = slotOn(d, day);
        if (slot.isBefore(moment)) {
          return Optional.of(slot);
        }
      }
    }
    return Optional.empty();
  }

  /** The first slot strictly after {@code moment}. */
  public static Instant next(DigestSettings d, Instant moment) {
    LocalDate day = moment.atZone(d.zone()).toLocalDate().minusDays(1);
    for (int i = 0; i <= SEARCH_DAYS + 1; i++, day = day.plusDays(1)) {
      if (d.days().contains(day.getDayOfWeek())) {
        Instant slot = slotOn(d, day);
        if (slot.isAfter(moment)) {
          return slot;
        }
      }
    }
    throw new IllegalStateException("a digest with weekdays always has a next slot: " + d.key());
  }
}

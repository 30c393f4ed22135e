package org.backgrounder.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the research desk reads of the audit log: the questions the bot declined, grouped; the
 * thumbs-down with what they were about; how often each fact was cited. Every read is a page or a
 * fixed-size summary. Marking a gap handled is the desk's one write.
 */
public interface AuditReview {

  /**
   * Declined questions that fold to the same words.
   *
   * @param key the folded words shared by the group (what {@link #markHandled} takes)
   * @param question the latest wording asked
   * @param platforms every platform it was asked on
   * @param lastAsker {@code platform:id} of the latest asker
   * @param suggested the facts the bot offered instead, the latest time
   * @param handled when the desk marked it handled, if it did (it may have been asked again since)
   */
  record Gap(String key, String question, int times, Instant lastAsked, List<String> platforms,
      String lastAsker, List<String> suggested, Optional<Instant> handled) {
    public Gap {
      Objects.requireNonNull(key, "key");
      platforms = List.copyOf(platforms);
      suggested = List.copyOf(suggested);
      Objects.requireNonNull(handled, "handled");
    }

    /** Handled, and not asked again since. */
    public boolean isHandled() {
      return handled.isPresent() && !handled.get().isBefore(lastAsked);
    }
  }

  /** Questions and verdicts in a period. */
  record Tally(int answered, int declined, int helpful, int notHelpful) {}

  /**
   * How often a fact was in an answer, and the verdicts on answers that gave it.
   *
   * @param cited answered questions whose answer rested on it
   */
  record Cited(int cited, int helpful, int notHelpful) {
    public static final Cited NONE = new Cited(0, 0, 0);
  }

  /** Groups of declined questions, those still open first, then the latest asked first. */
  Page<Gap> gaps(int offset, int limit);

  /** Records that the desk dealt with the group {@code key} at {@code at}; true when it exists. */
  boolean markHandled(String key, Instant at);

  Tally tally(Instant from, Instant to);

  /** Thumbs-down entries, newest first. */
  Page<AuditLog.Entry> notHelpful(int offset, int limit);

  /** For each of {@code facts} (as entries name them) cited at least once, its counts. */
  Map<String, Cited> cited(Collection<String> facts);
}

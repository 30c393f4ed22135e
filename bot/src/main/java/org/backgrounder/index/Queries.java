package org.backgrounder.index;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.feeds.FeedItem;

/** The questions the index answers, and what it answers with. */
public final class Queries {

  private Queries() {}

  /** Days from {@code from} to {@code to}, both included. */
  public record DateRange(LocalDate from, LocalDate to) {
    public DateRange {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("a range ends after it starts: " + from + ".." + to);
      }
    }
  }

  /**
   * Facts that contain every need.
   *
   * @param soft words that rank facts higher but are not required
   * @param dates only facts whose date overlaps these days
   * @param stories only these stories (empty: all)
   * @param preferActors rank facts that name their actors higher (who-questions)
   * @param preferDated rank dated facts higher (when-questions)
   * @param relaxed any need or soft word is enough (for "closest facts" suggestions, never for
   *     answers)
   */
  public record FactQuery(List<Need> needs, List<Need.Word> soft, Optional<DateRange> dates,
      Set<String> stories, boolean preferActors, boolean preferDated, boolean relaxed, int limit) {
    public FactQuery {
      needs = List.copyOf(needs);
      soft = List.copyOf(soft);
      Objects.requireNonNull(dates, "dates");
      stories = Set.copyOf(stories);
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be positive");
      }
    }
  }

  /** A fact found, by story and id. */
  public record FactHit(String story, String factId, float score) {}

  /** How item results are ordered. */
  public enum Order { RELEVANCE, NEWEST, OLDEST }

  /**
   * Feed items that contain every need.
   *
   * @param since only items published at or after this instant
   * @param stories only items relevant to these stories (empty: any item)
   */
  public record ItemQuery(List<Need> needs, Optional<Instant> since, Optional<DateRange> dates,
      Set<String> stories, Order order, int limit) {
    public ItemQuery {
      needs = List.copyOf(needs);
      Objects.requireNonNull(since, "since");
      Objects.requireNonNull(dates, "dates");
      stories = Set.copyOf(stories);
      Objects.requireNonNull(order, "order");
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be positive");
      }
    }
  }

  /** An item found, with the stories it is relevant to and why. */
  public record ItemHit(FeedItem item, Set<String> stories, List<String> matchedTerms,
      float score) {}
}

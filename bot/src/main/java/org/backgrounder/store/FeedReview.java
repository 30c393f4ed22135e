package org.backgrounder.store;

import java.time.Instant;
import java.util.Map;
import org.backgrounder.feeds.FeedItem;

/** What the research desk reads of the stored feed items: how many a day, what is recent. */
public interface FeedReview {

  /**
   * Items published on each of {@code days} days starting at {@code from}, per feed: index 0 is
   * the day starting at {@code from}. Feeds with no item in the period are absent.
   */
  Map<String, int[]> itemsPerDay(Instant from, int days);

  /** Items relevant to {@code story} published after {@code after}, newest first. */
  Page<FeedItem> relevantSince(String story, Instant after, int offset, int limit);
}

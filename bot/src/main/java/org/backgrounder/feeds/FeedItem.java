package org.backgrounder.feeds;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of a feed, as stored and indexed.
 *
 * @param key what makes it the same item across polls: {@code guid:...}, {@code link:...} or
 *     {@code hash:...} (see {@link ItemIdentity})
 * @param link the item's page; an item without an http(s) link is kept but never cited
 * @param published when the outlet says it was published, else when the bot first saw it
 * @param publishedEstimated true when {@code published} is the first-seen time
 * @param firstSeen when the bot first stored the item
 */
public record FeedItem(String key, String feedId, String outlet, String title, String summary,
    Optional<URI> link, Instant published, boolean publishedEstimated, Optional<String> language,
    Instant firstSeen) {

  public FeedItem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(feedId, "feedId");
    Objects.requireNonNull(outlet, "outlet");
    title = title == null ? "" : title;
    summary = summary == null ? "" : summary;
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(firstSeen, "firstSeen");
  }

  /** A title to show: the title, else the start of the summary, else the outlet. */
  public String displayTitle() {
    if (!title.isBlank()) {
      return title;
    }
    if (!summary.isBlank()) {
      return summary.length() > 100 ? summary.substring(0, 97) + "..." : summary;
    }
    return "(untitled item from " + outlet + ")";
  }
}

package org.backgrounder.feeds;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a parsed feed's entries into items, the way the store and the index keep them. */
public final class FeedItems {

  /**
   * The longest title kept; a headline is a line, and every renderer (Slack, Matrix, digests)
   * then works on a bounded string, whatever a feed sends.
   */
  static final int MAX_TITLE = 1_000;

  private FeedItems() {}

  /**
   * The items of {@code feed}; entries without a date get {@code now}, marked as estimated.
   * Links are canonical and only kept when they are web links.
   */
  public static List<FeedItem> of(FeedConfig config, ParsedFeed feed, Instant now) {
    // A feed that lists one item twice is read as once: the first listing wins.
    Map<String, FeedItem> items = new LinkedHashMap<>();
    for (ParsedFeed.Entry e : feed.entries()) {
      if (e.title().isBlank() && e.summary().isBlank() && e.link().isEmpty()) {
        continue;
      }
      Optional<ItemIdentity.CanonicalLink> canonical = e.link().flatMap(ItemIdentity::canonicalLink);
      Optional<URI> link = canonical.flatMap(ItemIdentity.CanonicalLink::webLink);
      Instant published = e.published().orElse(now);
      String key = ItemIdentity.key(config.id(), config.outlet(), e,
          canonical.map(ItemIdentity.CanonicalLink::text));
      items.putIfAbsent(key, new FeedItem(key, config.id(), config.outlet(), cut(e.title()),
          e.summary(), link, published, e.published().isEmpty(), config.language().or(e::language),
          now));
    }
    return List.copyOf(items.values());
  }

  private static String cut(String title) {
    if (title.length() <= MAX_TITLE) {
      return title;
    }
    int end = MAX_TITLE - 1;
    if (Character.isHighSurrogate(title.charAt(end - 1))) {
      end--;
    }
    return title.substring(0, end) + "\u2026";
  }
}

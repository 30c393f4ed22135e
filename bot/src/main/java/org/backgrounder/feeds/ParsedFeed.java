package org.backgrounder.feeds;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A feed as read from its document, before it is stored.
 *
 * @param format "rss_2.0", "atom_1.0", "json_1.1", ...
 * @param id the feed's own identifier (Atom), if any
 * @param published when the feed says it was published or last updated
 */
public record ParsedFeed(String format, String title, Optional<String> link, Optional<String> id,
    Optional<Instant> published, List<Entry> entries) {

  public ParsedFeed {
    Objects.requireNonNull(format, "format");
    title = title == null ? "" : title;
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(published, "published");
    entries = List.copyOf(entries);
  }

  /**
   * One entry. Text is plain (HTML removed).
   *
   * @param id the feed's own identifier (guid, atom:id, JSON Feed id)
   * @param link the entry's page, absolute
   * @param published when published, else when last updated, if the feed says
   */
  public record Entry(Optional<String> id, Optional<String> link, String title, String summary,
      Optional<Instant> published, Optional<String> language) {
    public Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(link, "link");
      title = title == null ? "" : title;
      summary = summary == null ? "" : summary;
      Objects.requireNonNull(published, "published");
      Objects.requireNonNull(language, "language");
    }
  }
}

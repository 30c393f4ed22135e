package org.backgrounder.answer;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A numbered link an answer rests on: a fact-file source, or a feed item (then {@code sourceId}
 * is empty and {@code kind} is "feed").
 *
 * @param published a date as written in the fact file ({@code 2025-02-20}) or an item's instant
 */
public record Citation(int n, URI url, String title, String outlet, Optional<String> published,
    String kind, Optional<String> sourceId, Optional<String> story) {

  public Citation {
    if (n < 1) {
      throw new IllegalArgumentException("citations are numbered from 1");
    }
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(outlet, "outlet");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(story, "story");
  }
}

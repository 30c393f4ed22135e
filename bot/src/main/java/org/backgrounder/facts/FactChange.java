package org.backgrounder.facts;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fact added to, changed in or removed from a fact file, and when the bot noticed.
 *
 * @param text the fact as it reads now (as it last read, for a removed one)
 * @param sources what it rests on (rested on), so a digest can link them
 */
public record FactChange(String story, String factId, Kind kind, String text, List<Cited> sources,
    Instant at) {

  /** What happened to the fact. */
  public enum Kind { ADDED, CHANGED, REMOVED }

  /**
   * A source as a digest links it: a web link with its title, outlet, kind and date.
   *
   * @param kind primary, news, analysis or commentary
   * @param published the source's date, as its fact file gave it (empty when it gave none, or
   *     for a change logged before dates were kept)
   */
  public record Cited(URI url, String title, String outlet, String kind,
      Optional<FactDate> published) {
    public Cited {
      Links.requireWebLink(url);
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(outlet, "outlet");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(published, "published");
    }

    /** A source whose date is not known. */
    public Cited(URI url, String title, String outlet, String kind) {
      this(url, title, outlet, kind, Optional.empty());
    }
  }

  public FactChange {
    Objects.requireNonNull(story, "story");
    Objects.requireNonNull(factId, "factId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    sources = List.copyOf(sources);
    Objects.requireNonNull(at, "at");
  }

  /** The sources of {@code fact} in {@code file}, as a change records them. */
  public static List<Cited> cited(FactFile file, Fact fact) {
    return fact.sources().stream().flatMap(id -> file.source(id).stream())
        .map(s -> new Cited(s.url(), s.title(), s.outlet(), s.kind().label(), s.published()))
        .toList();
  }
}

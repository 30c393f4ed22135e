package org.backgrounder.facts;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A document that facts rest on. Its {@code url} is absolute http(s); this is checked here so that
 * no code path can cite a link that is not one. {@code credits} names outlets the source itself
 * credits with reporting, for which no link of their own is on file (empty when it credits none).
 */
public record Source(String id, String title, String outlet, URI url, Optional<FactDate> published,
    Kind kind, Optional<String> language, Optional<String> author, Optional<URI> archived,
    Optional<String> quote, List<String> credits) {

  /** What sort of document a source is. */
  public enum Kind {
    PRIMARY, NEWS, ANALYSIS, COMMENTARY;

    public static Optional<Kind> parse(String text) {
      for (Kind k : values()) {
        if (k.name().equalsIgnoreCase(text)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Source {
    Ids.requireSlug(id, "source id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(outlet, "outlet");
    Links.requireWebLink(url);
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(author, "author");
    archived.ifPresent(Links::requireWebLink);
    Objects.requireNonNull(quote, "quote");
    credits = List.copyOf(credits);
  }

  /** A source that credits no other outlet. */
  public Source(String id, String title, String outlet, URI url, Optional<FactDate> published,
      Kind kind, Optional<String> language, Optional<String> author, Optional<URI> archived,
      Optional<String> quote) {
    this(id, title, outlet, url, published, kind, language, author, archived, quote, List.of());
  }
}

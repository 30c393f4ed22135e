package org.backgrounder.facts;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement the bot may make, in the editor's words, resting on at least one source.
 *
 * @param who entity ids of the actors
 * @param about entity ids of what or whom the fact concerns
 * @param sources source ids; never empty
 */
public record Fact(String id, String text, Optional<FactDate> date, List<String> who,
    List<String> about, List<String> sources, Status status, List<String> tags,
    Optional<String> note, Optional<String> textEs) {

  /** A fact without a Spanish text. */
  public Fact(String id, String text, Optional<FactDate> date, List<String> who,
      List<String> about, List<String> sources, Status status, List<String> tags,
      Optional<String> note) {
    this(id, text, date, who, about, sources, status, tags, note, Optional.empty());
  }

  /** How firmly a fact is established. */
  public enum Status {
    /** Established by primary documents or several independent outlets. */
    CONFIRMED,
    /** Reported, but by one outlet or without confirmation; said as "reported". */
    REPORTED,
    /** Contested by a party or another source; said as "disputed". */
    DISPUTED;

    public static Optional<Status> parse(String text) {
      for (Status s : values()) {
        if (s.name().equalsIgnoreCase(text)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Fact {
    java.util.Objects.requireNonNull(textEs, "textEs");
    Ids.requireSlug(id, "fact id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(date, "date");
    who = List.copyOf(who);
    about = List.copyOf(about);
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("fact " + id + " has no source");
    }
    Objects.requireNonNull(status, "status");
    tags = List.copyOf(tags);
    Objects.requireNonNull(note, "note");
  }
}

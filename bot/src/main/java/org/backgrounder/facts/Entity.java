package org.backgrounder.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A person, organization, government, place or document that facts name, with its other names. */
public record Entity(String id, String name, Kind kind, List<String> aliases,
    Optional<String> description) {

  /** What sort of thing an entity is. */
  public enum Kind {
    PERSON, ORGANIZATION, GOVERNMENT, PLACE, DOCUMENT, OTHER;

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

  public Entity {
    Ids.requireSlug(id, "entity id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(description, "description");
  }

  /** The name followed by every alias. */
  public List<String> names() {
    List<String> all = new ArrayList<>(aliases.size() + 1);
    all.add(name);
    all.addAll(aliases);
    return all;
  }
}

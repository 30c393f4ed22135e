package org.backgrounder.facts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One story's fact file, valid by construction: ids are unique, and every id a fact names (in
 * {@code who}, {@code about}, {@code sources}) exists in the file. The loader reports violations
 * to the editor with positions; this constructor is the last line of defence for code paths that
 * build a file directly.
 */
public final class FactFile {

  private final String file;
  private final Story story;
  private final Map<String, Entity> entities;
  private final Map<String, Source> sources;
  private final Map<String, Fact> facts;

  public FactFile(String file, Story story, List<Entity> entities, List<Source> sources,
      List<Fact> facts) {
    this.file = Objects.requireNonNull(file, "file");
    this.story = Objects.requireNonNull(story, "story");
    this.entities = index(entities, Entity::id, "entity");
    this.sources = index(sources, Source::id, "source");
    this.facts = index(facts, Fact::id, "fact");
    if (this.sources.isEmpty() || this.facts.isEmpty()) {
      throw new IllegalArgumentException(file + ": a fact file needs at least one source and fact");
    }
    for (Fact f : facts) {
      for (String id : f.who()) {
        requireKnown(this.entities, id, f, "who");
      }
      for (String id : f.about()) {
        requireKnown(this.entities, id, f, "about");
      }
      for (String id : f.sources()) {
        requireKnown(this.sources, id, f, "sources");
      }
    }
  }

  private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> id,
      String what) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T item : items) {
      if (map.putIfAbsent(id.apply(item), item) != null) {
        throw new IllegalArgumentException("duplicate " + what + " id " + id.apply(item));
      }
    }
    return map;
  }

  private static void requireKnown(Map<String, ?> map, String id, Fact f, String field) {
    if (!map.containsKey(id)) {
      throw new IllegalArgumentException("fact " + f.id() + " names unknown " + field + " id " + id);
    }
  }

  /** The file as the user named it. */
  public String file() {
    return file;
  }

  public Story story() {
    return story;
  }

  public List<Entity> entities() {
    return List.copyOf(entities.values());
  }

  public List<Source> sources() {
    return List.copyOf(sources.values());
  }

  public List<Fact> facts() {
    return List.copyOf(facts.values());
  }

  public Optional<Entity> entity(String id) {
    return Optional.ofNullable(entities.get(id));
  }

  public Optional<Source> source(String id) {
    return Optional.ofNullable(sources.get(id));
  }

  public Optional<Fact> fact(String id) {
    return Optional.ofNullable(facts.get(id));
  }

  /** The sources a fact cites, in the order it cites them. */
  public List<Source> sourcesOf(Fact fact) {
    return fact.sources().stream().map(sources::get).toList();
  }

  /** The entities a fact names, actors first. */
  public List<Entity> entitiesOf(Fact fact) {
    return java.util.stream.Stream.concat(fact.who().stream(), fact.about().stream())
        .distinct().map(entities::get).toList();
  }

  @Override
  public String toString() {
    return "FactFile[" + file + ", story=" + story.id() + ", " + facts.size() + " facts]";
  }
}

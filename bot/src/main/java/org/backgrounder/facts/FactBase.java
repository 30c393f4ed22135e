package org.backgrounder.facts;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every loaded story, each in its own namespace. A fact is named {@code story-id/fact-id} when more
 * than one story is loaded, or by its bare id when that is unambiguous. Immutable: a reload builds
 * a new one.
 */
public final class FactBase {

  private final Map<String, FactFile> stories;
  private final Set<String> links;

  private FactBase(Map<String, FactFile> stories) {
    this.stories = Collections.unmodifiableMap(stories);
    Set<String> all = new HashSet<>();
    for (FactFile f : stories.values()) {
      for (Source s : f.sources()) {
        all.add(s.url().toString());
        s.archived().ifPresent(a -> all.add(a.toString()));
      }
    }
    this.links = Collections.unmodifiableSet(all);
  }

  /** A fact base of {@code files}; two files may not share a story id. */
  public static FactBase of(List<FactFile> files) {
    Map<String, FactFile> map = new LinkedHashMap<>();
    for (FactFile f : files) {
      FactFile before = map.putIfAbsent(f.story().id(), f);
      if (before != null) {
        throw new IllegalArgumentException("story id " + f.story().id() + " is used by both "
            + before.file() + " and " + f.file());
      }
    }
    return new FactBase(map);
  }

  public static FactBase empty() {
    return new FactBase(new LinkedHashMap<>());
  }

  public List<FactFile> stories() {
    return List.copyOf(stories.values());
  }

  public Optional<FactFile> story(String id) {
    return Optional.ofNullable(stories.get(id));
  }

  /** Whether ids must be qualified with their story to be unambiguous. */
  public boolean multipleStories() {
    return stories.size() > 1;
  }

  /** How answers and commands name a fact: {@code story/fact} when several stories are loaded. */
  public String name(FactFile story, Fact fact) {
    return multipleStories() ? story.story().id() + "/" + fact.id() : fact.id();
  }

  /** Finds a fact by {@code story/fact} or by a bare id; every story's match when ambiguous. */
  public List<Located> findFact(String name) {
    String n = name.strip();
    int slash = n.indexOf('/');
    List<Located> found = new ArrayList<>();
    if (slash > 0) {
      story(n.substring(0, slash)).ifPresent(s -> s.fact(n.substring(slash + 1))
          .ifPresent(f -> found.add(new Located(s, f))));
      return found;
    }
    for (FactFile s : stories.values()) {
      s.fact(n).ifPresent(f -> found.add(new Located(s, f)));
    }
    return found;
  }

  /** Every fact of every story, in file order. */
  public List<Located> allFacts() {
    List<Located> all = new ArrayList<>();
    for (FactFile s : stories.values()) {
      for (Fact f : s.facts()) {
        all.add(new Located(s, f));
      }
    }
    return all;
  }

  /** Whether {@code url} is a source link (or its archived copy) of a loaded fact file. */
  public boolean holdsLink(URI url) {
    return links.contains(url.toString());
  }

  public int factCount() {
    return stories.values().stream().mapToInt(f -> f.facts().size()).sum();
  }

  /** A fact with the story file it belongs to. */
  public record Located(FactFile story, Fact fact) {}
}

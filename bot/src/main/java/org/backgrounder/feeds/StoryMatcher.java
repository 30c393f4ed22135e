package org.backgrounder.feeds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backgrounder.facts.Entity;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFile;
import org.backgrounder.text.Folding;

/**
 * Decides which stories a piece of text is about: it mentions a story's keyword, or the name or an
 * alias of one of its entities, as whole words with case and accents folded. Short acronyms
 * ("ICE", "CU", "TdA") match only as written, so "ice" and "cu" in ordinary text do not count.
 * Immutable and thread-safe; build a new one when the fact files change.
 */
public final class StoryMatcher {

  private final Map<String, List<Phrase>> byFirstWord;

  private StoryMatcher(Map<String, List<Phrase>> byFirstWord) {
    this.byFirstWord = byFirstWord;
  }

  /** What one text matched for one story. */
  public record StoryMatch(String story, List<String> terms, Set<String> entities) {
    public StoryMatch {
      terms = List.copyOf(terms);
      entities = Set.copyOf(entities);
    }
  }

  private record Phrase(String story, String term, String entity, String[] folded,
      String[] exact) {}

  public static StoryMatcher of(FactBase base) {
    Map<String, List<Phrase>> map = new HashMap<>();
    for (FactFile f : base.stories()) {
      String story = f.story().id();
      for (String k : f.story().keywords()) {
        add(map, story, k, null);
      }
      for (Entity e : f.entities()) {
        for (String name : e.names()) {
          add(map, story, name, e.id());
        }
      }
    }
    return new StoryMatcher(map);
  }

  private static void add(Map<String, List<Phrase>> map, String story, String term, String entity) {
    List<String> words = Folding.words(term);
    if (words.isEmpty()) {
      return;
    }
    String[] folded = words.stream().map(Folding::normalizeWord).toArray(String[]::new);
    String[] exact = isAcronym(words) ? words.stream().map(StoryMatcher::strip).toArray(String[]::new)
        : null;
    map.computeIfAbsent(folded[0], k -> new ArrayList<>())
        .add(new Phrase(story, term, entity, folded, exact));
  }

  /**
   * Whether a name is an acronym ("ICE", "CU", "TdA"): one short word with two or more capitals.
   * Acronyms match only as written, so the word "ice" is not ICE.
   */
  public static boolean isAcronym(String name) {
    return isAcronym(Folding.words(name));
  }

  static boolean isAcronym(List<String> words) {
    if (words.size() != 1) {
      return false;
    }
    String w = strip(words.get(0));
    if (w.length() > 5) {
      return false;
    }
    int upper = 0;
    for (int i = 0; i < w.length(); i++) {
      if (Character.isUpperCase(w.charAt(i))) {
        upper++;
      }
    }
    return upper >= 2;
  }

  private static String strip(String w) {
    return w.replace(".", "").replace("'", "").replace("\u2019", "");
  }

  /** The stories {@code texts} mention, with the terms and entities that matched, in story order. */
  public List<StoryMatch> match(String... texts) {
    Map<String, Set<String>> terms = new LinkedHashMap<>();
    Map<String, Set<String>> entities = new HashMap<>();
    for (String text : texts) {
      if (text == null || text.isEmpty()) {
        continue;
      }
      List<String> words = Folding.words(text);
      String[] folded = new String[words.size()];
      for (int i = 0; i < folded.length; i++) {
        folded[i] = Folding.normalizeWord(words.get(i));
      }
      for (int i = 0; i < folded.length; i++) {
        List<Phrase> candidates = byFirstWord.get(folded[i]);
        if (candidates == null) {
          continue;
        }
        for (Phrase p : candidates) {
          if (matchesAt(p, folded, words, i)) {
            terms.computeIfAbsent(p.story(), s -> new LinkedHashSet<>()).add(p.term());
            if (p.entity() != null) {
              entities.computeIfAbsent(p.story(), s -> new LinkedHashSet<>()).add(p.entity());
            }
          }
        }
      }
    }
    List<StoryMatch> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : terms.entrySet()) {
      out.add(new StoryMatch(e.getKey(), new ArrayList<>(e.getValue()),
          entities.getOrDefault(e.getKey(), Set.of())));
    }
    return out;
  }

  private static boolean matchesAt(Phrase p, String[] folded, List<String> words, int at) {
    if (at + p.folded().length > folded.length) {
      return false;
    }
    for (int k = 0; k < p.folded().length; k++) {
      if (!p.folded()[k].equals(folded[at + k])) {
        return false;
      }
    }
    return p.exact() == null || p.exact()[0].equals(strip(words.get(at)));
  }
}

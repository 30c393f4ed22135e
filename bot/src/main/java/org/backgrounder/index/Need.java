package org.backgrounder.index;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One thing a search result must contain for it to be about the question at all. A fact or item
 * that lacks any of a query's needs is not a result, however well it scores on the rest.
 */
public sealed interface Need permits Need.Word, Need.Entity {

  /**
   * A word, in any of its forms, or a word that means the same.
   *
   * @param folded the word as asked, folded; results with this exact form rank higher
   * @param variants the word's own forms (the word and its stems)
   * @param related forms of words that mean the same ("reaction" for "react", "huelga" for
   *     "strike"); they count, but rank below the word's own forms
   * @param fuzzy also accept one typo (for long words)
   * @param weight how much the word counts in ranking, relative to other words (1 by default)
   */
  record Word(String folded, Set<String> variants, Set<String> related, boolean fuzzy,
      float weight) implements Need {
    public Word {
      Objects.requireNonNull(folded, "folded");
      variants = Set.copyOf(variants);
      related = Set.copyOf(related);
      if (variants.isEmpty()) {
        throw new IllegalArgumentException("a word needs at least one form");
      }
      if (weight <= 0) {
        throw new IllegalArgumentException("weight must be positive");
      }
    }

    public Word(String folded, Set<String> variants, Set<String> related, boolean fuzzy) {
      this(folded, variants, related, fuzzy, 1f);
    }

    public Word(String folded, Set<String> variants, boolean fuzzy) {
      this(folded, variants, Set.of(), fuzzy, 1f);
    }
  }

  /**
   * An entity of the fact files, met by results that name it (facts: in who or about; items: by a
   * name or alias) or that contain one of its names as a phrase.
   *
   * @param keys {@code story/entity-id} of every story's entity the words named
   * @param names each name as its folded words, matched as phrases
   * @param asked the words of the question that named it
   * @param actor only results where it is the actor count ("what did X say?": a fact about X is
   *     not X speaking); items cannot tell, so for them it is an ordinary entity
   */
  record Entity(Set<String> keys, List<List<String>> names, String asked, boolean actor)
      implements Need {
    public Entity {
      keys = Set.copyOf(keys);
      names = names.stream().map(List::copyOf).toList();
      Objects.requireNonNull(asked, "asked");
    }

    public Entity(Set<String> keys, List<List<String>> names, String asked) {
      this(keys, names, asked, false);
    }

    public Entity asActor() {
      return new Entity(keys, names, asked, true);
    }
  }
}

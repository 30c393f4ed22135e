package org.backgrounder.answer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.backgrounder.index.Need;

/**
 * A question as understood, before anything is searched: what kind of answer it wants, the
 * entities and dates it names, the words that say what it is about, and the qualifiers that
 * narrow it ("current", "first").
 *
 * @param entities the entities the question named, in order
 * @param described entities the question referred to by a description ("the judge", "la
 *     jueza") rather than a name: they count as words, not as names every answer must contain
 * @param terms the words (and phrases) that say what the question is about
 * @param qualifiers qualifier groups the question used ("current", "former", "first", "latest")
 * @param many whether the question asks for more than one thing ("which groups", "list")
 * @param speaker whether it asks what someone said (its first entity should be the actor)
 * @param alternatives whether it offers its entities as alternatives ("Rubio or Trump?"): a
 *     fact naming any of them may answer
 */
record Question(String text, Set<Intent> intents, List<Need.Entity> entities,
    List<Need.Entity> described, List<Term> terms, List<DateMention> dates, Set<String> qualifiers,
    boolean many, boolean speaker, boolean alternatives, boolean spanish) {

  /**
   * What kind of answer a question wants; a question can want several (who and when). NUMBER:
   * "how many", "how much".
   */
  enum Intent { WHO, WHEN, ABOUT, HAPPENED, OUTLETS, LATEST, SOURCES, NUMBER }

  /**
   * A word or phrase of the question and the other ways a fact may say it.
   *
   * @param asked the words as folded
   * @param own the question's own words, each with its forms
   * @param related synonyms, expansions and spellings, which count slightly less
   * @param known whether the vocabulary knows the word as a meaning of its own: a known meaning
   *     that no fact expresses weighs like a rare word ("deposit", "valley"), while a word
   *     nobody knows weighs little ("wat", "lede", a typo)
   */
  record Term(String asked, Kind kind, Vocabulary.Phrase own, List<Vocabulary.Phrase> related,
      boolean known) {
    Term {
      related = List.copyOf(related);
    }
  }

  /**
   * How a term counts: a plain word adds evidence; a thing, number or quoted phrase is named,
   * so an answer must contain it.
   */
  enum Kind {
    WORD, THING, NUMBER, QUOTED;

    /** Every answering fact must contain it. */
    boolean required() {
      return this == NUMBER || this == QUOTED;
    }

    /** Some fact must contain it, or nothing answers ("the navy" when no fact names a navy). */
    boolean named() {
      return this != WORD;
    }
  }

  Question {
    intents = intents.isEmpty() ? EnumSet.noneOf(Intent.class) : EnumSet.copyOf(intents);
    entities = List.copyOf(entities);
    described = List.copyOf(described);
    terms = List.copyOf(terms);
    dates = List.copyOf(dates);
    qualifiers = Set.copyOf(qualifiers);
  }

  boolean wants(Intent i) {
    return intents.contains(i);
  }

  /** Nothing to search for: no word, name or date. */
  boolean isEmpty() {
    return entities.isEmpty() && described.isEmpty() && terms.isEmpty() && dates.isEmpty();
  }

  /**
   * What feed items must contain to be about the question: its entities and its words (items
   * are many and varied, so every word stays required there).
   */
  List<Need> itemNeeds() {
    List<Need> out = new ArrayList<>(entities);
    for (Term t : terms) {
      Set<String> related = new LinkedHashSet<>();
      for (Vocabulary.Phrase p : t.related()) {
        if (p.words().size() == 1) {
          related.addAll(p.words().get(0));
        }
      }
      if (t.own().words().size() == 1) {
        out.add(new Need.Word(t.asked(), t.own().words().get(0), related, false));
      } else {
        for (Set<String> w : t.own().words()) {
          out.add(new Need.Word(w.iterator().next(), w, false));
        }
      }
    }
    return out;
  }
}

package org.backgrounder.answer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backgrounder.facts.Entity;
import org.backgrounder.facts.Fact;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFile;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.text.Folding;

/**
 * Which feed items report one fact, decided conservatively: an item listed under a fact seems to
 * back it, so an item that merely shares its topic must not be (a 2012 profile of Palantir is not
 * coverage of a 2025 CIA campaign). An item reports a fact when, in its own title and summary,
 * <ol>
 *   <li>it names every entity the fact is by or about (by its name or an alias),
 *   <li>it shares at least {@link #MIN_SHARED} of the fact's informative words, in its English or
 *       Spanish text: not the entities' names, not small words or numbers, and not the story's
 *       own vocabulary (a word more than a fifth of the story's facts use, like "cartel" in a
 *       story about cartels, says only that the item is about the story), and
 *   <li>it was published on or after the first day of the fact's date.
 * </ol>
 * A fact that names no entity, or has no date, has no items: there is nothing to check them by.
 */
final class FactCoverage {

  /**
   * How many informative words an item must share with a fact besides the names: two rare words
   * ("financial", "analysis") can meet by chance in items about the same people; an account of
   * the same event repeats more of them.
   */
  static final int MIN_SHARED = 3;
  /** Words are compared by their first letters, so "cartels" meets "cartel" and "cárteles". */
  private static final int STEM = 6;
  private static final int SHORTEST = 4;
  /** The share of a story's facts beyond which a word is the story's own vocabulary. */
  private static final double STORY_SHARE = 0.2;

  /** Words that say nothing about which event an item reports (English and Spanish). */
  private static final Set<String> SMALL = Set.of("about", "after", "against", "along", "also",
      "among", "another", "around", "because", "been", "before", "being", "between", "both",
      "could", "does", "during", "each", "either", "from", "further", "have", "into", "itself",
      "more", "most", "much", "only", "other", "over", "said", "says", "same", "should", "since",
      "some", "such", "than", "that", "their", "them", "then", "there", "these", "they", "this",
      "those", "through", "told", "under", "until", "upon", "very", "were", "what", "when",
      "where", "which", "while", "whom", "whose", "will", "with", "within", "without", "would",
      "according", "reported", "reports", "report", "reporting", "news", "article", "year",
      "years", "month", "months", "week", "weeks", "january", "february", "march", "april", "june",
      "july", "august", "september", "october", "november", "december",
      "como", "ante", "bajo", "cada", "contra", "desde", "donde", "durante", "ella", "ellas",
      "ellos", "entre", "esta", "estas", "este", "estos", "hacia", "hasta", "informo", "mismo",
      "para", "pero", "porque", "segun", "sido", "sobre", "tambien", "tiene", "tras", "cuando",
      "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
      "octubre", "noviembre", "diciembre");

  private FactCoverage() {}

  /** The items of {@code items} that report the fact, in the order given. */
  static List<FeedItem> reporting(FactBase.Located f, List<FeedItem> items) {
    List<Entity> named = f.story().entitiesOf(f.fact());
    if (named.isEmpty() || f.fact().date().isEmpty()) {
      return List.of();
    }
    LocalDate from = f.fact().date().get().start();
    Set<String> nameWords = new HashSet<>();
    named.forEach(e -> e.names().forEach(n -> nameWords.addAll(Folding.foldedWords(n))));
    Set<String> informative = stems(said(f.fact()), nameWords);
    informative.removeAll(storyWords(f.story()));
    List<FeedItem> out = new ArrayList<>();
    for (FeedItem item : items) {
      if (!LocalDate.ofInstant(item.published(), ZoneOffset.UTC).isBefore(from)
          && namesAll(item, named) && shared(item, informative, nameWords) >= MIN_SHARED) {
        out.add(item);
      }
    }
    return out;
  }

  private static String said(Fact fact) {
    return fact.text() + " " + fact.textEs().orElse("");
  }

  /** The stems more than a fifth of the story's facts use (and more than two of them). */
  private static Set<String> storyWords(FactFile story) {
    Map<String, Integer> facts = new HashMap<>();
    for (Fact fact : story.facts()) {
      stems(said(fact), Set.of()).forEach(w -> facts.merge(w, 1, Integer::sum));
    }
    double common = Math.max(2, story.facts().size() * STORY_SHARE);
    Set<String> out = new HashSet<>();
    facts.forEach((w, n) -> {
      if (n > common) {
        out.add(w);
      }
    });
    return out;
  }

  private static String words(FeedItem item) {
    return " " + String.join(" ", Folding.foldedWords(item.title() + " " + item.summary())) + " ";
  }

  private static boolean namesAll(FeedItem item, List<Entity> entities) {
    String text = words(item);
    for (Entity e : entities) {
      boolean found = false;
      for (String name : e.names()) {
        List<String> w = Folding.foldedWords(name);
        if (!w.isEmpty() && text.contains(" " + String.join(" ", w) + " ")) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static int shared(FeedItem item, Set<String> informative, Set<String> nameWords) {
    Set<String> mine = stems(item.title() + " " + item.summary(), nameWords);
    mine.retainAll(informative);
    return mine.size();
  }

  /** The informative words of {@code text}, cut to their stems; names are counted apart. */
  private static Set<String> stems(String text, Set<String> nameWords) {
    Set<String> out = new HashSet<>();
    for (String w : Folding.foldedWords(text)) {
      if (w.length() >= SHORTEST && !SMALL.contains(w) && !nameWords.contains(w)
          && !w.chars().allMatch(Character::isDigit)) {
        out.add(w.length() > STEM ? w.substring(0, STEM) : w);
      }
    }
    return out;
  }
}

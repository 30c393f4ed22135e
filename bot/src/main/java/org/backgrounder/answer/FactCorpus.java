package org.backgrounder.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.backgrounder.facts.Entity;
import org.backgrounder.facts.Fact;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFile;
import org.backgrounder.feeds.StoryMatcher;
import org.backgrounder.index.TextAnalysis;
import org.backgrounder.text.Folding;

/**
 * The facts of one fact base as the retriever reads them: each fact's word forms (its text, its
 * tags, the names of its actors and subjects), the entities it is about, acts through or merely
 * mentions, and whether it is dated or enumerates. A fact base holds hundreds of facts, not
 * millions, so this lives in memory beside the index and is built once per reload.
 */
final class FactCorpus {

  /** Matches a text that lists things: "eight groups", "A, B and C", "1) ... 2) ...". */
  private static final Pattern ENUMERATES = Pattern.compile(
      "(\\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d+)\\s+\\p{L}+s\\b)"
      + "|([^,]+,[^,]+,[^,]+)|(:\\s*\\S)");

  /** One fact as read. */
  record Doc(FactBase.Located located, Map<String, Integer> counts, int length,
      Set<String> forms, Set<String> surface,
      Set<String> about, Set<String> who, Set<String> named, boolean dated, boolean enumerates,
      boolean numeric) {}

  /**
   * Whether a fact states a figure, which a "how many" needs. The day of a date is not one: "on
   * March 6, 2026" does not say how many marines were sent. Spanish "uno", "una" and "once" are
   * left out: they are articles, or English ("once the strike ended"). Read on folded text.
   */
  private static final Pattern NUMERIC = Pattern.compile(
      "\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens"
      + "|hundred|hundreds|thousand|thousands|million|billion|dos|tres|cuatro|cinco|seis|siete"
      + "|ocho|nueve|diez|doce|docena|cien|cientos|mil|millones|millon)\\b",
      Pattern.CASE_INSENSITIVE);

  private final List<Doc> docs;
  /** Every word the facts use, as written (folded), with its forms: the vocabulary for typos. */
  private final Map<String, Set<String>> surfaceForms;

  /** The words of each entity's description, by {@code story/entity} key. */
  private final Map<String, Set<String>> descriptions;

  private final float averageLength;

  private FactCorpus(List<Doc> docs, Map<String, Set<String>> surfaceForms,
      Map<String, Set<String>> descriptions, float averageLength) {
    this.averageLength = averageLength;
    this.docs = List.copyOf(docs);
    this.surfaceForms = Map.copyOf(surfaceForms);
    this.descriptions = Map.copyOf(descriptions);
  }

  /** The folded words of the descriptions of these entities, small words aside. */
  Set<String> description(Set<String> keys) {
    Set<String> out = new HashSet<>();
    keys.forEach(k -> out.addAll(descriptions.getOrDefault(k, Set.of())));
    return out;
  }

  static FactCorpus of(FactBase base) {
    List<Doc> docs = new ArrayList<>();
    Map<String, Set<String>> surface = new HashMap<>();
    Map<String, Set<String>> descriptions = new HashMap<>();
    for (FactFile story : base.stories()) {
      String sid = story.story().id();
      for (Entity e : story.entities()) {
        e.description().ifPresent(text -> {
          Set<String> words = new HashSet<>();
          for (TextAnalysis.Word w : TextAnalysis.analyze(text)) {
            if (w.folded().length() > 3 && !Vocabulary.standard().isScaffolding(w.folded())) {
              words.add(w.folded());
            }
          }
          descriptions.put(sid + "/" + e.id(), words);
        });
      }
      List<EntityName> names = names(story);
      for (Fact fact : story.facts()) {
        Set<String> forms = new HashSet<>();
        Set<String> words = new HashSet<>();
        Map<String, Integer> counts = new HashMap<>();
        List<TextAnalysis.Word> text = TextAnalysis.analyze(fact.text());
        for (TextAnalysis.Word w : text) {
          forms.addAll(w.variants());
          w.variants().forEach(v -> counts.merge(v, 1, Integer::sum));
          words.add(w.folded());
          surface.computeIfAbsent(w.folded(), k -> new HashSet<>()).addAll(w.variants());
        }
        fact.textEs().ifPresent(es -> TextAnalysis.analyze(es).forEach(w -> {
          forms.addAll(w.variants()); // a bilingual desk's Spanish text: matched, never shown
          words.add(w.folded());
        }));
        for (String tag : fact.tags()) {
          TextAnalysis.analyze(tag.replace('-', ' ')).forEach(w -> forms.addAll(w.variants()));
        }
        Set<String> who = new LinkedHashSet<>();
        Set<String> about = new LinkedHashSet<>();
        fact.who().forEach(id -> who.add(sid + "/" + id));
        fact.about().forEach(id -> about.add(sid + "/" + id));
        Set<String> named = new LinkedHashSet<>(who);
        named.addAll(about);
        for (String key : named) {
          story.entity(key.substring(sid.length() + 1)).ifPresent(e -> {
            for (String n : e.names()) {
              TextAnalysis.analyze(n).forEach(w -> forms.addAll(w.variants()));
            }
          });
        }
        for (EntityName n : names) {
          if (!named.contains(n.key()) && n.in(text, fact.text())) {
            named.add(n.key());
          }
        }
        docs.add(new Doc(new FactBase.Located(story, fact), counts, text.size(), forms, words,
            about, who, named,
            fact.date().isPresent(), ENUMERATES.matcher(fact.text()).find(),
            NUMERIC.matcher(DateMention.withoutDates(Folding.fold(fact.text()))).find()));
      }
    }
    double avg = docs.stream().mapToInt(Doc::length).average().orElse(1);
    return new FactCorpus(docs, surface, descriptions, (float) Math.max(1, avg));
  }

  /** The mean length of a fact's text, in words. */
  float averageLength() {
    return averageLength;
  }

  List<Doc> docs() {
    return docs;
  }

  /** The words the facts use that a mistyped word may have meant, with their forms. */
  Set<String> near(String folded) {
    int max = Typos.allowed(folded.length());
    Set<String> out = new LinkedHashSet<>();
    if (max == 0) {
      return out;
    }
    surfaceForms.forEach((word, forms) -> {
      if (word.length() >= 5 && word.charAt(0) == folded.charAt(0)
          && Typos.within(word, folded, max)) {
        out.addAll(forms);
      }
    });
    return out;
  }

  /** One name of an entity, to find it in a fact's text. */
  private record EntityName(String key, List<String> words, String acronym) {
    boolean in(List<TextAnalysis.Word> text, String raw) {
      if (acronym != null) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(acronym) + "(?![\\p{L}\\p{N}])")
            .matcher(raw.replace(".", "")).find();
      }
      for (int i = 0; i + words.size() <= text.size(); i++) {
        boolean all = true;
        for (int k = 0; k < words.size() && all; k++) {
          TextAnalysis.Word w = text.get(i + k);
          all = w.folded().equals(words.get(k)) || (words.get(k).length() >= 4
              && w.variants().contains(words.get(k)));
        }
        if (all) {
          return true;
        }
      }
      return false;
    }
  }

  private static List<EntityName> names(FactFile story) {
    List<EntityName> out = new ArrayList<>();
    for (Entity e : story.entities()) {
      String key = story.story().id() + "/" + e.id();
      for (String n : e.names()) {
        if (StoryMatcher.isAcronym(n)) {
          out.add(new EntityName(key, List.of(), n.replace(".", "")));
        } else {
          List<String> words = TextAnalysis.analyze(n).stream().map(TextAnalysis.Word::folded)
              .toList();
          if (!words.isEmpty()) {
            out.add(new EntityName(key, words, null));
          }
        }
      }
    }
    return out;
  }
}

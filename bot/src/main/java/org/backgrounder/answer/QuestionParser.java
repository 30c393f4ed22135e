package org.backgrounder.answer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backgrounder.facts.Entity;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFile;
import org.backgrounder.feeds.StoryMatcher;
import org.backgrounder.index.Need;
import org.backgrounder.index.TextAnalysis;
import org.backgrounder.text.Folding;

/**
 * Reads a question against the loaded fact base: finds the entities it names (by any name or
 * alias, in any language, plurals and accents aside), the dates, the kind of answer it wants, and
 * the remaining words that matter. Immutable; one per fact base.
 */
final class QuestionParser {

  /** Aliases by every form of their first word, longest first: a question word finds its few. */
  private final Map<String, List<Alias>> aliasesByFirstWord;
  private final Set<String> keywordVariants;

  private QuestionParser(List<Alias> aliases, Set<String> keywordVariants) {
    Map<String, List<Alias>> byFirst = new java.util.HashMap<>();
    for (Alias a : aliases) {
      Set<String> keys = new HashSet<>(a.words().get(0).variants());
      keys.add(a.words().get(0).folded());
      for (String k : keys) {
        byFirst.computeIfAbsent(k, x -> new ArrayList<>()).add(a);
      }
    }
    this.aliasesByFirstWord = byFirst;
    this.keywordVariants = keywordVariants;
  }

  /** One way of naming entities: the words of a name, and every entity (per story) it names. */
  private record Alias(List<TextAnalysis.Word> words, String asWritten, boolean acronym,
      Set<String> keys, List<List<String>> allNames) {}

  static QuestionParser of(FactBase base) {
    Map<String, Set<String>> keysByName = new LinkedHashMap<>();
    Map<String, List<List<String>>> namesByKey = new LinkedHashMap<>();
    Set<String> keywordVariants = new HashSet<>();
    for (FactFile f : base.stories()) {
      for (String k : f.story().keywords()) {
        List<TextAnalysis.Word> words = TextAnalysis.analyze(k);
        if (words.size() == 1) {
          keywordVariants.addAll(words.get(0).variants());
        }
      }
      for (Entity e : f.entities()) {
        String key = f.story().id() + "/" + e.id();
        List<List<String>> names = new ArrayList<>();
        for (String name : e.names()) {
          keysByName.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(key);
          if (!StoryMatcher.isAcronym(name)) {
            names.add(TextAnalysis.analyze(name).stream().map(TextAnalysis.Word::folded).toList());
          }
        }
        namesByKey.put(key, names);
      }
    }
    List<Alias> aliases = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : keysByName.entrySet()) {
      List<TextAnalysis.Word> words = TextAnalysis.analyze(e.getKey());
      if (words.isEmpty()) {
        continue;
      }
      List<List<String>> names = new ArrayList<>();
      for (String key : e.getValue()) {
        names.addAll(namesByKey.get(key));
      }
      aliases.add(new Alias(words, strip(e.getKey()), StoryMatcher.isAcronym(e.getKey()), e.getValue(), names));
    }
    aliases.sort((a, b) -> Integer.compare(b.words().size(), a.words().size()));
    return new QuestionParser(aliases, keywordVariants);
  }

  Question parse(String text) {
    String folded = Folding.fold(text);
    List<DateMention> dates = DateMention.find(text);
    List<TextAnalysis.Word> words = TextAnalysis.analyze(text);
    boolean[] used = new boolean[words.size()];
    for (int i = 0; i < words.size(); i++) {
      for (DateMention d : dates) {
        if (words.get(i).start() >= d.start() && words.get(i).end() <= d.end()) {
          used[i] = true;
        }
      }
    }
    Set<Question.Intent> intents = intents(folded);
    boolean coverageWordsShape = intents.contains(Question.Intent.OUTLETS)
        || intents.contains(Question.Intent.LATEST) || intents.contains(Question.Intent.SOURCES);

    List<Need> needs = new ArrayList<>();
    List<Need.Entity> entities = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (used[i]) {
        continue;
      }
      Alias a = longestAliasAt(text, words, used, i);
      if (a != null) {
        String asked = text.substring(words.get(i).start(),
            words.get(i + a.words().size() - 1).end());
        Need.Entity need = new Need.Entity(a.keys(), a.allNames(), asked);
        if (entities.stream().noneMatch(x -> x.keys().equals(need.keys()))) {
          entities.add(need);
          needs.add(need);
        }
        for (int k = 0; k < a.words().size(); k++) {
          used[i + k] = true;
        }
      }
    }
    List<Need.Word> soft = new ArrayList<>();
    if (Lexicon.WHY.matcher(folded).find()) {
      soft.add(new Need.Word("why", forms(Lexicon.CAUSE), Set.of(), false, 3f));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < words.size(); i++) {
      TextAnalysis.Word w = words.get(i);
      if (!used[i] && Lexicon.HISTORY_CUES.contains(w.folded()) && seen.add(w.folded())) {
        soft.add(new Need.Word(w.folded(), forms(Lexicon.HISTORY), false));
        continue;
      }
      if (used[i] || Lexicon.SCAFFOLDING.contains(w.folded()) || !seen.add(w.folded())) {
        continue;
      }
      Set<String> variants = new LinkedHashSet<>(w.variants());
      for (String kin : Lexicon.KIN.getOrDefault(w.folded(), Set.of())) {
        variants.addAll(forms(Set.of(kin)));
      }
      Set<String> synonyms = new LinkedHashSet<>(Lexicon.SYNONYMS.getOrDefault(w.folded(), Set.of()));
      for (String v : w.variants()) {
        synonyms.addAll(Lexicon.SYNONYMS.getOrDefault(v, Set.of()));
      }
      Set<String> related = forms(synonyms);
      related.removeAll(variants);
      Need.Word need = new Need.Word(w.folded(), variants, related,
          w.folded().length() >= 7 && synonyms.isEmpty());
      if (Lexicon.COVERAGE.contains(w.folded())) {
        if (!coverageWordsShape) {
          soft.add(need);
        }
      } else if (Lexicon.SOFT.contains(w.folded()) || isKeyword(w)) {
        soft.add(need);
      } else if (w.folded().length() > 1 || Character.isDigit(w.folded().charAt(0))) {
        needs.add(need);
      }
    }
    if (Lexicon.OVER.matcher(folded).find()) {
      soft.add(new Need.Word("over", forms(Set.of("end", "ended", "over", "agreement", "termino")),
          false));
    }
    if (!entities.isEmpty() && words.stream().anyMatch(w -> Lexicon.SAY.contains(w.folded()))) {
      Need.Entity speaker = entities.get(0).asActor();
      needs.set(needs.indexOf(entities.get(0)), speaker);
      entities.set(0, speaker);
      soft.add(new Need.Word("say", forms(Lexicon.SAY), Set.of(), false, 2f));
    }
    boolean many = Lexicon.MANY.matcher(folded).find();
    return new Question(text, intents, needs, soft, entities, dates, many);
  }

  /** Forms of lexicon words, computed once: the lexicon is fixed, and analysis is not free. */
  private static final java.util.concurrent.ConcurrentHashMap<String, Set<String>> FORMS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Every indexed form of each word. */
  private static Set<String> forms(Set<String> words) {
    Set<String> out = new LinkedHashSet<>();
    for (String word : words) {
      out.addAll(FORMS.computeIfAbsent(word, w -> {
        Set<String> forms = new LinkedHashSet<>();
        for (TextAnalysis.Word k : TextAnalysis.analyze(w)) {
          forms.addAll(k.variants());
        }
        return Set.copyOf(forms);
      }));
    }
    return out;
  }

  private boolean isKeyword(TextAnalysis.Word w) {
    for (String v : w.variants()) {
      if (keywordVariants.contains(v)) {
        return true;
      }
    }
    return false;
  }

  private static Set<Question.Intent> intents(String folded) {
    Set<Question.Intent> out = EnumSet.noneOf(Question.Intent.class);
    if (Lexicon.LATEST.matcher(folded).find()) {
      out.add(Question.Intent.LATEST);
    }
    if (Lexicon.OUTLETS.matcher(folded).find()) {
      out.add(Question.Intent.OUTLETS);
    } else if (Lexicon.WHO.matcher(folded).find()) {
      out.add(Question.Intent.WHO);
    }
    if (Lexicon.SOURCES.matcher(folded).find()) {
      out.add(Question.Intent.SOURCES);
    }
    if (Lexicon.WHEN.matcher(folded).find()) {
      out.add(Question.Intent.WHEN);
    }
    String trimmed = folded.replaceAll("^[^\\p{L}\\p{N}]+", "");
    if (Lexicon.ABOUT.matcher(trimmed).find()) {
      out.add(Question.Intent.ABOUT);
    }
    if (Lexicon.HAPPENED.matcher(folded).find()) {
      out.add(Question.Intent.HAPPENED);
    }
    return out;
  }

  private Alias longestAliasAt(String text, List<TextAnalysis.Word> words, boolean[] used, int at) {
    List<Alias> candidates = new ArrayList<>();
    Set<Alias> seen = new HashSet<>();
    TextAnalysis.Word first = words.get(at);
    for (String form : first.variants()) {
      for (Alias a : aliasesByFirstWord.getOrDefault(form, List.of())) {
        if (seen.add(a)) {
          candidates.add(a);
        }
      }
    }
    candidates.sort((a, b) -> Integer.compare(b.words().size(), a.words().size()));
    for (Alias a : candidates) {
      int n = a.words().size();
      if (at + n > words.size()) {
        continue;
      }
      boolean ok = true;
      for (int k = 0; k < n && ok; k++) {
        ok = !used[at + k] && same(a.words().get(k), words.get(at + k));
      }
      if (ok && a.acronym()) {
        String written = strip(text.substring(words.get(at).start(), words.get(at).end()));
        ok = written.equals(a.asWritten());
      }
      if (ok) {
        return a;
      }
    }
    return null;
  }

  private static boolean same(TextAnalysis.Word alias, TextAnalysis.Word asked) {
    if (alias.folded().equals(asked.folded())) {
      return true;
    }
    if (alias.folded().length() < 4 || asked.folded().length() < 4) {
      return false; // "us" and "u" are not "USA"; short words must match exactly
    }
    for (String v : alias.variants()) {
      if (asked.variants().contains(v)) {
        return true;
      }
    }
    return false;
  }

  private static String strip(String s) {
    String t = s.replace(".", "").replace("\u2019", "'");
    if (t.endsWith("'s") || t.endsWith("'S")) {
      t = t.substring(0, t.length() - 2);
    }
    return t.replace("'", "");
  }
}

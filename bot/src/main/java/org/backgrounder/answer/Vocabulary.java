package org.backgrounder.answer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.index.TextAnalysis;
import org.backgrounder.text.Folding;

/**
 * The words a question may use for what a fact says in other words: synonyms across English and
 * Spanish, abbreviations, spellings, the words that only shape a question, the qualifiers that
 * narrow which holder or event is meant, and the common nouns that name a thing a fact must
 * mention. Read from {@code vocabulary.txt} beside this class (a general newsroom vocabulary),
 * and extended per story by the fact files' {@code terms}. Immutable.
 *
 * <p>The file's sections: {@code [synonyms]} and {@code [spellings]} (one meaning per line,
 * comma-separated, phrases allowed), {@code [abbreviations]} ({@code EO = executive order}),
 * {@code [abbreviations-es]} (read only in Spanish questions), {@code [scaffolding]} (words, comma- or space-separated), {@code [qualifiers]} (one group per
 * line, its first word names it), {@code [opposites]} ({@code current | former}: a fact with one
 * does not answer a question with the other) and {@code [things]}.
 */
final class Vocabulary {

  /** One way to say a meaning: its words, each as the set of its indexed forms. */
  record Phrase(List<Set<String>> words, String text) {
    Phrase {
      words = words.stream().map(Set::copyOf).toList();
    }
  }

  private final Map<String, Set<Integer>> groupsByForm;
  private final List<List<Phrase>> groups;
  /** Phrases of two or more words, by every form of their first word. */
  private final Map<String, List<Integer>> phraseGroupsByFirst;
  private final Map<String, String> abbreviations;
  /** Abbreviations that mean something else in a Spanish question ("EU": Estados Unidos). */
  private final Map<String, String> spanishAbbreviations;
  private final Set<String> caseSensitive;
  private final Set<String> scaffolding;
  private final Map<String, String> qualifierByForm;
  private final Map<String, Set<String>> opposites;
  private final Set<String> things;
  /** The stems of every single-word thing. */
  private final Set<String> thingForms;
  /** Every single word of every meaning, as written (folded), for guessing at inflections. */
  private final Map<String, Set<Integer>> groupsByWord;

  private Vocabulary(Builder b) {
    this.groups = List.copyOf(b.groups);
    this.groupsByForm = freeze(b.groupsByForm);
    this.phraseGroupsByFirst = Map.copyOf(b.phraseGroupsByFirst);
    this.abbreviations = Map.copyOf(b.abbreviations);
    this.spanishAbbreviations = Map.copyOf(b.spanishAbbreviations);
    this.caseSensitive = Set.copyOf(b.caseSensitive);
    this.scaffolding = Set.copyOf(b.scaffolding);
    this.qualifierByForm = Map.copyOf(b.qualifierByForm);
    this.opposites = freeze(b.opposites);
    this.things = Set.copyOf(b.things);
    Set<String> forms = new HashSet<>();
    for (String t : b.things) {
      List<TextAnalysis.Word> words = TextAnalysis.analyze(t);
      if (words.size() == 1) {
        forms.addAll(words.get(0).variants());
      }
    }
    this.thingForms = Set.copyOf(forms);
    this.groupsByWord = freeze(b.groupsByWord);
  }

  private static final Vocabulary STANDARD = read("vocabulary.txt");

  /** The general vocabulary shipped in the jar. */
  static Vocabulary standard() {
    return STANDARD;
  }

  /** This vocabulary plus a story's own groups of words that mean the same in it. */
  Vocabulary with(List<List<String>> terms) {
    if (terms.isEmpty()) {
      return this;
    }
    Builder b = new Builder(this);
    for (List<String> group : terms) {
      b.synonyms(group);
    }
    return new Vocabulary(b);
  }

  /** Whether a folded word only shapes a question ("who", "tell", "hace"). */
  boolean isScaffolding(String folded) {
    return scaffolding.contains(folded);
  }

  /** The expansion of an abbreviation as written ("orgs", "EO", "re"), if it is one. */
  Optional<String> expansion(String asWritten, boolean spanish) {
    String key = asWritten.toLowerCase(Locale.ROOT).replace(".", "");
    if (spanish && spanishAbbreviations.containsKey(key)) {
      return Optional.of(spanishAbbreviations.get(key));
    }
    String out = abbreviations.get(key);
    if (out == null || (caseSensitive.contains(key) && !asWritten.replace(".", "")
        .equals(asWritten.replace(".", "").toUpperCase(Locale.ROOT)))) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  /** Other ways to say a word: every phrase of every meaning any of its forms belongs to. */
  List<Phrase> synonyms(Set<String> forms) {
    Set<Integer> ids = new LinkedHashSet<>();
    for (String f : forms) {
      ids.addAll(groupsByForm.getOrDefault(f, Set.of()));
    }
    return phrasesOf(ids);
  }

  /**
   * The meanings of a word the vocabulary does not list, guessed from a listed word it shares a
   * long beginning with: Spanish conjugations ("critican" from "criticar"), English derivations
   * ("spokesperson" from "spokesman"). At least five letters and most of the shorter word must
   * agree, so "fallar" does not meet "fall".
   */
  List<Phrase> guess(String folded) {
    if (folded.length() < 5) {
      return List.of();
    }
    Set<Integer> ids = new LinkedHashSet<>();
    groupsByWord.forEach((word, groups) -> {
      int shorter = Math.min(word.length(), folded.length());
      int common = 0;
      while (common < shorter && word.charAt(common) == folded.charAt(common)) {
        common++;
      }
      if (common >= 5 && common >= 0.75 * shorter) {
        ids.addAll(groups);
      }
    });
    return phrasesOf(ids);
  }

  /** Every phrase of the given meanings. */
  List<Phrase> phrasesOf(Set<Integer> ids) {
    List<Phrase> out = new ArrayList<>();
    for (int id : ids) {
      out.addAll(groups.get(id));
    }
    return out;
  }

  /** Meanings with a phrase of several words beginning with one of these forms. */
  List<Integer> phraseGroupsStartingWith(Set<String> forms) {
    List<Integer> out = new ArrayList<>();
    for (String f : forms) {
      for (int id : phraseGroupsByFirst.getOrDefault(f, List.of())) {
        if (!out.contains(id)) {
          out.add(id);
        }
      }
    }
    return out;
  }

  /** The phrases of one meaning. */
  List<Phrase> group(int id) {
    return groups.get(id);
  }

  /** The qualifier group ("current", "former", "first", "latest") a word belongs to. */
  Optional<String> qualifier(Set<String> forms) {
    for (String f : forms) {
      String q = qualifierByForm.get(f);
      if (q != null) {
        return Optional.of(q);
      }
    }
    return Optional.empty();
  }

  /** The qualifier groups a fact with this qualifier cannot answer ("former" for "current"). */
  Set<String> opposites(String qualifier) {
    return opposites.getOrDefault(qualifier, Set.of());
  }

  /** The forms of every word of a qualifier group, to find it in a fact. */
  Set<String> qualifierForms(String qualifier) {
    Set<String> out = new HashSet<>();
    qualifierByForm.forEach((form, q) -> {
      if (q.equals(qualifier)) {
        out.add(form);
      }
    });
    return out;
  }

  /** Whether a folded word names a kind of thing a fact must mention ("navy", "hospital"). */
  boolean isThing(String folded) {
    return things.contains(folded);
  }

  /** Whether any form of a word names a kind of thing ("hospitales", "supermercados"). */
  boolean isThing(Set<String> forms) {
    for (String f : forms) {
      if (thingForms.contains(f)) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------------------

  static Vocabulary read(String resource) {
    try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the vocabulary " + resource + " is missing from the jar");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .toList(), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Vocabulary parse(List<String> lines, String name) {
    Builder b = new Builder(null);
    String section = null;
    int n = 0;
    for (String raw : lines) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        section = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT);
        continue;
      }
      if (section == null) {
        throw new IllegalArgumentException(name + ":" + n + ": a line before any [section]");
      }
      switch (section) {
        case "synonyms", "spellings" -> b.synonyms(split(line, ","));
        case "abbreviations" -> {
          int eq = line.indexOf('=');
          if (eq <= 0 || eq == line.length() - 1) {
            throw new IllegalArgumentException(name + ":" + n + ": expected ABBREVIATION = words");
          }
          b.abbreviation(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        case "abbreviations-es" -> {
          int eq = line.indexOf('=');
          if (eq <= 0 || eq == line.length() - 1) {
            throw new IllegalArgumentException(name + ":" + n + ": expected ABBREVIATION = words");
          }
          b.spanishAbbreviations.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT)
              .replace(".", ""), line.substring(eq + 1).strip());
        }
        case "scaffolding" -> split(line, "[,\\s]+").forEach(w -> b.scaffolding.add(Folding.fold(w)));
        case "qualifiers" -> b.qualifiers(split(line, ","));
        case "opposites" -> {
          List<String> pair = split(line, "\\|");
          if (pair.size() != 2) {
            throw new IllegalArgumentException(name + ":" + n + ": expected QUALIFIER | QUALIFIER");
          }
          b.opposites.computeIfAbsent(pair.get(0), k -> new HashSet<>()).add(pair.get(1));
          b.opposites.computeIfAbsent(pair.get(1), k -> new HashSet<>()).add(pair.get(0));
        }
        case "things" -> split(line, ",").forEach(w -> b.things.add(Folding.fold(w)));
        default -> throw new IllegalArgumentException(name + ":" + n + ": unknown section [" + section
            + "]");
      }
    }
    return new Vocabulary(b);
  }

  private static List<String> split(String line, String regex) {
    List<String> out = new ArrayList<>();
    for (String part : line.split(regex)) {
      String p = part.strip();
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  /** A phrase as the forms of each of its words, scaffolding left out ("in force" is "force"). */
  private static Phrase phrase(String text, Set<String> scaffolding) {
    List<Set<String>> words = new ArrayList<>();
    List<TextAnalysis.Word> analyzed = TextAnalysis.analyze(text);
    for (TextAnalysis.Word w : analyzed) {
      if (analyzed.size() == 1 || !scaffolding.contains(w.folded())) {
        words.add(w.variants());
      }
    }
    return new Phrase(words, text);
  }

  private static <K, V> Map<K, Set<V>> freeze(Map<K, Set<V>> map) {
    Map<K, Set<V>> out = new HashMap<>();
    map.forEach((k, v) -> out.put(k, Set.copyOf(v)));
    return Map.copyOf(out);
  }

  private static final class Builder {
    final List<List<Phrase>> groups = new ArrayList<>();
    final Map<String, Set<Integer>> groupsByForm = new HashMap<>();
    final Map<String, List<Integer>> phraseGroupsByFirst = new HashMap<>();
    final Map<String, String> abbreviations = new HashMap<>();
    final Map<String, String> spanishAbbreviations = new HashMap<>();
    final Set<String> caseSensitive = new HashSet<>();
    final Set<String> scaffolding = new HashSet<>();
    final Map<String, String> qualifierByForm = new HashMap<>();
    final Map<String, Set<String>> opposites = new HashMap<>();
    final Set<String> things = new HashSet<>();
    final Map<String, Set<Integer>> groupsByWord = new HashMap<>();

    Builder(Vocabulary from) {
      if (from != null) {
        groups.addAll(from.groups);
        from.groupsByForm.forEach((k, v) -> groupsByForm.put(k, new HashSet<>(v)));
        from.phraseGroupsByFirst.forEach((k, v) -> phraseGroupsByFirst.put(k, new ArrayList<>(v)));
        abbreviations.putAll(from.abbreviations);
        spanishAbbreviations.putAll(from.spanishAbbreviations);
        caseSensitive.addAll(from.caseSensitive);
        scaffolding.addAll(from.scaffolding);
        qualifierByForm.putAll(from.qualifierByForm);
        from.opposites.forEach((k, v) -> opposites.put(k, new HashSet<>(v)));
        things.addAll(from.things);
        from.groupsByWord.forEach((k, v) -> groupsByWord.put(k, new HashSet<>(v)));
      }
    }

    void synonyms(List<String> terms) {
      List<Phrase> phrases = new ArrayList<>();
      for (String t : terms) {
        Phrase p = phrase(t, scaffolding);
        if (!p.words().isEmpty()) {
          phrases.add(p);
        }
      }
      if (phrases.size() < 2) {
        return;
      }
      int id = groups.size();
      groups.add(List.copyOf(phrases));
      for (String t : terms) {
        String word = Folding.fold(t.strip());
        if (!word.contains(" ")) {
          groupsByWord.computeIfAbsent(word, k -> new HashSet<>()).add(id);
        }
      }
      for (Phrase p : phrases) {
        if (p.words().size() == 1) {
          for (String f : p.words().get(0)) {
            groupsByForm.computeIfAbsent(f, k -> new HashSet<>()).add(id);
          }
        } else {
          for (String f : p.words().get(0)) {
            List<Integer> ids = phraseGroupsByFirst.computeIfAbsent(f, k -> new ArrayList<>());
            if (!ids.contains(id)) {
              ids.add(id);
            }
          }
        }
      }
    }

    void abbreviation(String key, String expansion) {
      String k = key.toLowerCase(Locale.ROOT).replace(".", "");
      abbreviations.put(k, expansion);
      if (k.length() <= 3 && key.replace(".", "").equals(key.toUpperCase(Locale.ROOT))
          && key.chars().anyMatch(Character::isLetter)) {
        caseSensitive.add(k); // "US", "EO", "IT": only when written as capitals
      } else {
        caseSensitive.remove(k);
      }
    }

    void qualifiers(List<String> terms) {
      String name = Folding.fold(terms.get(0));
      for (String t : terms) {
        List<TextAnalysis.Word> words = TextAnalysis.analyze(t);
        if (words.size() == 1) {
          qualifierByForm.putIfAbsent(words.get(0).folded(), name);
        }
      }
    }
  }
}

package org.backgrounder.answer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.backgrounder.facts.Entity;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFile;
import org.backgrounder.feeds.StoryMatcher;
import org.backgrounder.index.Need;
import org.backgrounder.index.TextAnalysis;
import org.backgrounder.text.Folding;

/**
 * The first stage of answering: reads a question against the loaded fact base, without scoring
 * anything. Finds the entities it names (by any name or alias, in any language, plurals, accents
 * and a typo aside), the dates, quoted phrases and numbers, the kind of answer it wants, the
 * qualifiers, and the remaining words that say what it is about, each with the other ways the
 * vocabulary knows to say it. Immutable; one per fact base.
 */
final class QuestionParser {

  private static final Pattern QUOTED = Pattern.compile("[\"\u201c\u201d\u00ab\u00bb]([^\"\u201c\u201d\u00ab\u00bb]{3,80})[\"\u201c\u201d\u00ab\u00bb]");
  private static final Pattern ALTERNATIVES = Pattern.compile("\\w\\s+(or|o|u)\\s+\\w");
  private static final Pattern SHORTCODE = Pattern.compile(":[a-z0-9_+\\-]{2,30}:");

  /** Aliases by every form of their first word, longest first: a question word finds its few. */
  private final Map<String, List<Alias>> aliasesByFirstWord;
  private final Vocabulary vocabulary;

  private QuestionParser(List<Alias> aliases, Vocabulary vocabulary) {
    Map<String, List<Alias>> byFirst = new HashMap<>();
    for (Alias a : aliases) {
      Set<String> keys = new HashSet<>(a.words().get(0).variants());
      keys.add(a.words().get(0).folded());
      for (String k : keys) {
        byFirst.computeIfAbsent(k, x -> new ArrayList<>()).add(a);
      }
    }
    this.aliasesByFirstWord = byFirst;
    this.vocabulary = vocabulary;
  }

  /**
   * One way of naming entities: the words of a name, and every entity (per story) it names.
   * {@code capitalsOnly}: initials the desk did not write, met only as written ("VE").
   */
  private record Alias(List<TextAnalysis.Word> words, String asWritten, boolean acronym,
      Set<String> keys, List<List<String>> allNames, boolean capitalsOnly) {}

  static QuestionParser of(FactBase base) {
    Set<String> initials = new HashSet<>();
    Map<String, Set<String>> keysByName = new LinkedHashMap<>();
    Map<String, List<List<String>>> namesByKey = new LinkedHashMap<>();
    Vocabulary vocabulary = Vocabulary.standard();
    for (FactFile f : base.stories()) {
      vocabulary = vocabulary.with(f.story().terms());
      for (Entity e : f.entities()) {
        String key = f.story().id() + "/" + e.id();
        List<List<String>> names = new ArrayList<>();
        List<String> all = e.kind() == Entity.Kind.PERSON ? e.names() : withInitials(e.names());
        initials.addAll(all.subList(e.names().size(), all.size()));
        for (String name : all) {
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
      aliases.add(new Alias(words, strip(e.getKey()), StoryMatcher.isAcronym(e.getKey()),
          e.getValue(), names, initials.contains(e.getKey())));
    }
    aliases.sort((a, b) -> Integer.compare(b.words().size(), a.words().size()));
    return new QuestionParser(aliases, vocabulary);
  }

  Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * The names of a place or body and the initials of its name of two or three capitalised words
   * ("Villa Encino": "VE"), which reporters write for what their desk covers daily. An acronym
   * matches only as written in capitals.
   */
  static List<String> withInitials(List<String> names) {
    List<String> out = new ArrayList<>(names);
    for (String name : names) {
      String[] words = name.split(",")[0].trim().split("\\s+");
      if (words.length < 2 || words.length > 3 || !Arrays.stream(words)
          .allMatch(w -> w.length() > 1 && Character.isUpperCase(w.charAt(0))
              && w.chars().skip(1).allMatch(Character::isLowerCase))) {
        continue;
      }
      StringBuilder b = new StringBuilder();
      for (String w : words) {
        b.append(w.charAt(0));
      }
      String initials = b.toString();
      if (out.stream().noneMatch(n -> n.equalsIgnoreCase(initials))) {
        out.add(initials);
      }
    }
    return out;
  }

  Question parse(String asked) {
    String text = clean(asked);
    String folded = Folding.fold(text);
    Set<Question.Intent> intents = intents(folded);
    boolean coverageShape = intents.contains(Question.Intent.OUTLETS)
        || intents.contains(Question.Intent.LATEST) || intents.contains(Question.Intent.SOURCES);
    List<DateMention> mentioned = DateMention.find(text);
    // "Sept or Oct?" offers answers to choose from: neither narrows the facts
    List<DateMention> dates = alternatives(text, mentioned) ? List.of() : mentioned;
    List<Question.Term> terms = new ArrayList<>();
    Set<String> qualifiers = new LinkedHashSet<>();
    List<Need.Entity> entities = new ArrayList<>();
    List<Need.Entity> described = new ArrayList<>();

    Matcher quoted = QUOTED.matcher(text);
    List<int[]> quotes = new ArrayList<>();
    while (quoted.find()) {
      quotes.add(new int[] {quoted.start(1), quoted.end(1)});
      List<TextAnalysis.Word> words = TextAnalysis.analyze(quoted.group(1));
      if (!words.isEmpty()) {
        terms.add(new Question.Term(Folding.fold(quoted.group(1)), Question.Kind.QUOTED,
            new Vocabulary.Phrase(words.stream().map(TextAnalysis.Word::variants).toList(),
                quoted.group(1)), List.of(), true));
      }
    }
    List<Token> tokens = tokens(text, mentioned, quotes);
    findEntities(text, tokens, entities, described);
    expandAbbreviations(tokens, entities, described, spanish(folded));
    findPhrases(tokens, terms);
    boolean speaker = false;
    Set<String> seen = new HashSet<>();
    for (Token t : tokens) {
      if (t.used) {
        continue;
      }
      String w = t.word.folded();
      if (Lexicon.SAY.contains(w) && afterAName(tokens, t)) {
        speaker = true; // "what did Sheinbaum say", not "what did State say about the Soles"
      }
      var qualifier = vocabulary.qualifier(Set.of(w));
      if (qualifier.isPresent() && !(coverageShape && Lexicon.COVERAGE.contains(w))) {
        qualifiers.add(qualifier.get());
        continue;
      }
      if (vocabulary.isScaffolding(w) || !seen.add(w)
          || (coverageShape && Lexicon.COVERAGE.contains(w))) {
        continue;
      }
      String digits = NUMBER_WORDS.get(w);
      boolean number = Character.isDigit(w.charAt(0)) || digits != null;
      if (w.length() < 2 && !number) {
        continue;
      }
      Question.Kind kind = number ? Question.Kind.NUMBER
          : vocabulary.isThing(t.word.variants()) || t.capitalized ? Question.Kind.THING
          : Question.Kind.WORD;
      List<Vocabulary.Phrase> related = vocabulary.synonyms(t.word.variants());
      boolean known = !related.isEmpty() || kind != Question.Kind.WORD;
      if (related.isEmpty()) {
        related = vocabulary.guess(w);
      }
      if (kind == Question.Kind.WORD && t.acronym) {
        kind = Question.Kind.THING; // "EU", "OAS": a body the facts would have to name
      }
      if (kind == Question.Kind.THING && t.capitalized && !vocabulary.isThing(t.word.variants())
          && !related.isEmpty()) {
        kind = Question.Kind.WORD; // "Designated" at a sentence's start, or a word in caps
      }
      if (!related.isEmpty() && sameMeaning(terms, related)) {
        continue; // "familia, esposa, hijos": one meaning asked three ways counts once
      }
      Set<String> forms = t.word.variants();
      if (digits != null) {
        forms = Set.of(w, digits); // "six" is said "six" or "6"
      }
      terms.add(new Question.Term(w, kind, new Vocabulary.Phrase(List.of(forms), t.text), related,
          known));
    }
    for (String q : List.copyOf(qualifiers)) {
      if (vocabulary.opposites(q).stream().anyMatch(qualifiers::contains)) {
        qualifiers.remove(q); // "now, and the previous role": both ends asked, neither narrows
      }
    }
    if (qualifiers.contains("latest") && !coverageShape && terms.isEmpty() && entities.isEmpty()) {
      intents.add(Question.Intent.LATEST);
    }
    if (speaker && entities.isEmpty() && !described.isEmpty()) {
      entities.add(described.remove(0)); // "what did the union say": the speaker must be it
    }
    boolean many = Lexicon.MANY.matcher(folded).find();
    boolean alternatives = entities.size() >= 2 && ALTERNATIVES.matcher(folded).find();
    return new Question(asked, intents, entities, described, terms, dates, qualifiers, many,
        speaker && !entities.isEmpty(), alternatives, spanish(tokens));
  }

  /** Numbers written as words, English and Spanish, with their digits. */
  private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(Map.entry("two", "2"),
      Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"),
      Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
      Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"),
      Map.entry("twelve", "12"), Map.entry("dos", "2"), Map.entry("tres", "3"),
      Map.entry("cuatro", "4"), Map.entry("cinco", "5"), Map.entry("seis", "6"),
      Map.entry("siete", "7"), Map.entry("ocho", "8"), Map.entry("nueve", "9"),
      Map.entry("diez", "10"), Map.entry("once", "11"), Map.entry("doce", "12"));

  private static final Set<String> SPANISH = Set.of("de", "la", "el", "los", "las", "que", "en",
      "por", "para", "con", "del", "se", "su", "es", "son", "fue", "al", "una", "un", "cuantos",
      "cuantas", "cuando", "quien", "quienes", "como", "donde", "ya", "hay", "lo", "qué", "dijo");
  private static final Set<String> ENGLISH = Set.of("the", "of", "in", "on", "to", "for", "and",
      "is", "was", "did", "does", "who", "what", "when", "how", "which", "a", "an", "by", "with");

  /** Whether a question reads as Spanish: more of its small words are Spanish than English. */
  static boolean spanish(String folded) {
    return spanish(Arrays.stream(folded.split("[^\\p{L}]+")));
  }

  /**
   * Whether a question reads as Spanish, the names in it aside: "latest on Cartel de los Soles"
   * and "/latest Tren de Aragua" are English.
   */
  private static boolean spanish(List<Token> tokens) {
    return spanish(tokens.stream().filter(t -> !t.entity).map(t -> t.word.folded()));
  }

  private static boolean spanish(Stream<String> folded) {
    List<String> words = folded.toList();
    long es = words.stream().filter(SPANISH::contains).count();
    long en = words.stream().filter(ENGLISH::contains).count();
    return es >= 1 && es > en;
  }

  /** Whether a word follows a name of the question, small words aside ("did X say", "dijo X"). */
  private boolean afterAName(List<Token> tokens, Token say) {
    int at = tokens.indexOf(say);
    for (int i = at - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (t.entity) {
        return true;
      }
      if (!AUXILIARIES.contains(t.word.folded())) {
        break;
      }
    }
    return at + 1 < tokens.size() && tokens.get(at + 1).entity; // "qué dijo Sheinbaum"
  }

  private static final Set<String> AUXILIARIES = Set.of("did", "does", "do", "has", "have", "had",
      "will", "would", "actually", "ever", "really", "exactly", "el", "la", "los", "las");

  private static boolean sameMeaning(List<Question.Term> terms, List<Vocabulary.Phrase> related) {
    for (Question.Term t : terms) {
      if (t.related().equals(related)) {
        return true;
      }
    }
    return false;
  }

  /** Emoji and Slack's :shortcodes: say nothing a fact could hold. */
  /** An abbreviation made a verb ("got FTO'd", "ID'd"): the abbreviation says it. */
  private static final java.util.regex.Pattern VERBED =
      java.util.regex.Pattern.compile("\\b(\\p{Lu}{2,})['\u2019]d\\b");

  /**
   * Chatter around a question that looks like a number: a clock time ("my 5pm piece", "by 10:30")
   * and the length of what the asker wants ("a 2-line catch-up", "300 words").
   */
  private static final Pattern CHATTER = Pattern.compile("(?i)\\b("
      + "\\d{1,2}(:\\d\\d)?\\s?(am|pm|a\\.m\\.|p\\.m\\.)|\\d{1,2}:\\d\\d"
      + "|\\d+[- ](line|lines|sentence|sentences|graf|grafs|paragraph|paragraphs|word|words"
      + "|minute|min|second|sec|linea|lineas|renglon|renglones|palabras))(?![\\p{L}\\p{N}])");

  static String clean(String text) {
    String t = SHORTCODE.matcher(text).replaceAll(" ");
    t = CHATTER.matcher(t).replaceAll(" ");
    t = VERBED.matcher(t).replaceAll("$1");
    StringBuilder b = new StringBuilder(t.length());
    t.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      boolean symbol = type == Character.OTHER_SYMBOL || type == Character.SURROGATE
          || (cp >= 0x1F1E6 && cp <= 0x1F1FF) || cp == 0xFE0F || cp == 0x200D;
      b.appendCodePoint(symbol ? ' ' : cp);
    });
    return b.toString();
  }

  /** A word of the question, whether it is already accounted for, and how it was written. */
  private static final class Token {
    final TextAnalysis.Word word;
    final String text;
    final boolean capitalized;
    /** Written in capitals, two to five letters: "EU", "OAS". */
    final boolean acronym;
    boolean used;
    /** Part of a name of an entity. */
    boolean entity;

    Token(TextAnalysis.Word word, String text, boolean capitalized, boolean used) {
      this.word = word;
      this.text = text;
      this.capitalized = capitalized;
      this.used = used;
      String letters = text.replace(".", "");
      this.acronym = letters.length() >= 2 && letters.length() <= 5
          && letters.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))
          && letters.chars().anyMatch(Character::isLetter);
    }
  }

  private static final Pattern OR_BETWEEN = Pattern.compile(
      "(?i)[\\s,]*(?:or|o|u|/|vs\\.?|versus)[\\s,]*");

  /** Two dates joined by "or" ("Sept or Oct", "2024 o 2025"): a choice the asker offers. */
  static boolean alternatives(String text, List<DateMention> dates) {
    List<DateMention> byPlace = new ArrayList<>(dates);
    byPlace.sort(java.util.Comparator.comparingInt(DateMention::start));
    for (int i = 1; i < byPlace.size(); i++) {
      int from = byPlace.get(i - 1).end();
      int to = byPlace.get(i).start();
      if (from <= to && OR_BETWEEN.matcher(text.substring(from, to)).matches()) {
        return true;
      }
    }
    return false;
  }

  private static List<Token> tokens(String text, List<DateMention> dates, List<int[]> quotes) {
    List<TextAnalysis.Word> words = TextAnalysis.analyze(text);
    List<Token> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      TextAnalysis.Word w = words.get(i);
      boolean used = false;
      for (DateMention d : dates) {
        used |= w.start() >= d.start() && w.end() <= d.end();
      }
      for (int[] q : quotes) {
        used |= w.start() >= q[0] && w.end() <= q[1];
      }
      String written = text.substring(w.start(), w.end());
      boolean capitalized = i > 0 && Character.isUpperCase(written.charAt(0))
          && !written.equals(written.toUpperCase(java.util.Locale.ROOT))
          && !sentenceStart(text, w.start());
      out.add(new Token(w, written, capitalized, used));
    }
    return out;
  }

  /** Whether a word begins a sentence (so its capital says nothing). */
  private static boolean sentenceStart(String text, int at) {
    int i = at - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i < 0 || ".!?:;-\u2014\u00bf\u00a1\"(".indexOf(text.charAt(i)) >= 0;
  }

  private void findEntities(String text, List<Token> tokens, List<Need.Entity> entities,
      List<Need.Entity> described) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).used) {
        continue;
      }
      Alias a = longestAliasAt(tokens, i);
      if (a == null) {
        continue;
      }
      boolean description = vocabulary.isScaffolding(a.words().get(0).folded());
      if (description && i + 1 < tokens.size()) {
        Alias next = longestAliasAt(tokens, i + 1);
        if (next != null && next.words().size() >= a.words().size()) {
          continue; // "the city charter": the charter, not "the city"
        }
      }
      String asked = text.substring(tokens.get(i).word.start(),
          tokens.get(i + a.words().size() - 1).word.end());
      Need.Entity need = new Need.Entity(a.keys(), a.allNames(), asked);
      List<Need.Entity> into = description ? described : entities;
      if (entities.stream().noneMatch(x -> x.keys().equals(need.keys()))
          && described.stream().noneMatch(x -> x.keys().equals(need.keys()))) {
        into.add(need);
      }
      for (int k = 0; k < a.words().size(); k++) {
        tokens.get(i + k).used = true;
        tokens.get(i + k).entity = true;
      }
    }
  }

  /** Replaces abbreviations ("orgs", "EO") by their words, which may name an entity in turn. */
  private void expandAbbreviations(List<Token> tokens, List<Need.Entity> entities,
      List<Need.Entity> described, boolean spanish) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.used) {
        continue;
      }
      var expansion = vocabulary.expansion(t.text, spanish);
      if (expansion.isEmpty()) {
        continue;
      }
      List<Token> expanded = new ArrayList<>();
      for (TextAnalysis.Word w : TextAnalysis.analyze(expansion.get())) {
        expanded.add(new Token(w, w.folded(), false, false));
      }
      findEntities(expansion.get(), expanded, entities, described);
      tokens.remove(i);
      tokens.addAll(i, expanded);
      i += expanded.size() - 1;
    }
  }

  /** Phrases of the vocabulary ("entró en vigor", "took effect") become one term. */
  private void findPhrases(List<Token> tokens, List<Question.Term> terms) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).used) {
        continue;
      }
      for (int id : vocabulary.phraseGroupsStartingWith(tokens.get(i).word.variants())) {
        int end = matchAnyPhrase(tokens, i, vocabulary.group(id));
        if (end > i) {
          List<Set<String>> words = new ArrayList<>();
          StringBuilder asked = new StringBuilder();
          for (int k = i; k < end; k++) {
            Token t = tokens.get(k);
            t.used = true;
            if (!vocabulary.isScaffolding(t.word.folded())) {
              words.add(t.word.variants());
            }
            asked.append(k > i ? " " : "").append(t.word.folded());
          }
          terms.add(new Question.Term(asked.toString(), Question.Kind.WORD,
              new Vocabulary.Phrase(words, asked.toString()), vocabulary.group(id), true));
          break;
        }
      }
    }
  }

  /** The end of the longest phrase of a meaning written at {@code at}, or {@code at} if none. */
  private int matchAnyPhrase(List<Token> tokens, int at, List<Vocabulary.Phrase> phrases) {
    int best = at;
    for (Vocabulary.Phrase p : phrases) {
      if (p.words().size() < 2) {
        continue;
      }
      int k = at;
      int matched = 0;
      while (k < tokens.size() && matched < p.words().size() && !tokens.get(k).used) {
        Set<String> forms = tokens.get(k).word.variants();
        if (p.words().get(matched).stream().anyMatch(forms::contains)) {
          matched++;
          k++;
        } else if (vocabulary.isScaffolding(tokens.get(k).word.folded()) && matched > 0) {
          k++; // "entró en vigor": the phrase's words, with small words between
        } else {
          break;
        }
      }
      if (matched == p.words().size() && k > best) {
        best = k;
      }
    }
    return best;
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
    if (Lexicon.NUMBER.matcher(folded).find()) {
      out.add(Question.Intent.NUMBER);
    }
    return out;
  }

  private Alias longestAliasAt(List<Token> tokens, int at) {
    List<Alias> candidates = new ArrayList<>();
    Set<Alias> seen = new HashSet<>();
    TextAnalysis.Word first = tokens.get(at).word;
    for (String form : first.variants()) {
      for (Alias a : aliasesByFirstWord.getOrDefault(form, List.of())) {
        if (seen.add(a)) {
          candidates.add(a);
        }
      }
    }
    if (candidates.isEmpty() && first.folded().length() >= 5) {
      aliasesByFirstWord.forEach((form, list) -> {
        if (Typos.within(form, first.folded(), 1)) {
          list.stream().filter(seen::add).forEach(candidates::add);
        }
      });
    }
    candidates.sort((a, b) -> Integer.compare(b.words().size(), a.words().size()));
    for (Alias a : candidates) {
      int n = a.words().size();
      if (at + n > tokens.size()) {
        continue;
      }
      boolean ok = true;
      for (int k = 0; k < n && ok; k++) {
        ok = !tokens.get(at + k).used && same(a.words().get(k), tokens.get(at + k).word);
      }
      if (ok && a.acronym()) {
        String written = strip(tokens.get(at).text);
        ok = a.capitalsOnly() ? written.equals(a.asWritten())
            : acronymAsWritten(written, a.asWritten());
      }
      if (ok) {
        return a;
      }
    }
    return null;
  }

  /**
   * Whether an acronym was meant: as written ("ICE"), or in lower case where that is no word of
   * its own ("cjng", "fto" but not "ice" or "who"): reporters in chat rarely hold the shift key.
   */
  private boolean acronymAsWritten(String written, String acronym) {
    if (written.equals(acronym)) {
      return true;
    }
    String lower = Folding.fold(written);
    if (!lower.equals(written) || !lower.equals(Folding.fold(acronym))) {
      return false;
    }
    return lower.length() >= 4 || (!vocabulary.isScaffolding(lower) && !vocabulary.isThing(lower)
        && vocabulary.synonyms(Set.of(lower)).isEmpty() && !COMMON_SHORT.contains(lower));
  }

  /** Short words that are also acronyms of bodies (ICE, WHO, ACT): only capitals mean the body. */
  private static final Set<String> COMMON_SHORT = Set.of("ice", "who", "act", "aid", "art", "can",
      "may", "sun", "war", "law", "all", "any", "new", "one", "two", "man", "men", "day", "age",
      "arm", "air", "pan", "dia", "mar", "sol", "via", "red", "ley");

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
    return alias.folded().length() >= 6 && Typos.within(alias.folded(), asked.folded(), 1);
  }

  private static String strip(String s) {
    String t = s.replace(".", "").replace("\u2019", "'");
    if (t.endsWith("'s") || t.endsWith("'S")) {
      t = t.substring(0, t.length() - 2);
    }
    return t.replace("'", "");
  }
}

package org.backgrounder.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.index.Need;
import org.backgrounder.index.Queries;

/**
 * The second stage: scores every fact against a parsed question and says, for each, what it
 * matched and what it lacks. Decides nothing; the {@link Gate} does.
 *
 * <p>A word counts by how informative it is among the facts (BM25's inverse document frequency):
 * "cartel", in most facts of the cartel story, says little; "drones" says much. The question's own
 * forms count fully, the vocabulary's synonyms a little less, a typo's nearest fact word less
 * again. A word no fact uses still weighs (as much as a rare word, a little less), so it lowers
 * the share of the question a fact covers without voiding the answer. Entities, things, numbers
 * and quoted phrases are named: a fact lacking one is marked, not merely ranked lower.
 */
final class Retriever {

  static final float SYNONYM = 0.7f;
  static final float TYPO = 0.7f;
  /**
   * How much a word no fact uses weighs, relative to a word that one fact uses: little, because
   * most such words are the asker's own ("actually", "lede", "wat"); a named thing no fact
   * mentions declines on its own. Chosen with {@link Gate#MIN_COVERAGE}, on the same sets.
   */
  static final float UNKNOWN = 0.2f;
  /** A word the vocabulary knows but no fact says: a little more than a word nobody knows. */
  static final float KNOWN_UNSAID = 0.6f;
  /** An entity named by more than this share of the facts is background, not a filter. */
  static final float BACKGROUND_SHARE = 0.35f;

  /**
   * What one fact offers a question.
   *
   * @param coverage the share of the question's weight the fact matched, 0 to 1
   * @param missing named things the fact lacks (entities, things, numbers, quotes)
   * @param conflict a qualifier of the fact contradicts the question's ("former" for "current")
   * @param words how many of the question's words (not its numbers) the fact says
   */
  record Candidate(FactCorpus.Doc doc, float score, float coverage, List<String> missing,
      boolean conflict, int words, List<String> unsaid) {
    boolean eligible() {
      return missing.isEmpty() && !conflict;
    }
  }

  private final FactCorpus corpus;
  private final Vocabulary vocabulary;

  Retriever(FactCorpus corpus, Vocabulary vocabulary) {
    this.corpus = corpus;
    this.vocabulary = vocabulary;
  }

  /** Every fact in the range, best first: eligible ones before those lacking something. */
  List<Candidate> retrieve(Question q, Optional<Queries.DateRange> range) {
    List<FactCorpus.Doc> docs = corpus.docs().stream().filter(d -> inRange(d, range)).toList();
    int n = corpus.docs().size();
    List<Weighted> terms = new ArrayList<>();
    for (Question.Term t : q.terms()) {
      terms.add(weigh(t, n));
    }
    List<Need.Entity> required = new ArrayList<>();
    List<Need.Entity> background = new ArrayList<>(q.described());
    for (Need.Entity e : q.entities()) {
      long df = corpus.docs().stream().filter(d -> names(d, e)).count();
      (n >= 8 && df > BACKGROUND_SHARE * n ? background : required).add(e);
    }
    float total = 0;
    for (Weighted w : terms) {
      total += w.weight;
    }
    for (Need.Entity e : q.entities()) {
      total += entityWeight(e, n);
    }
    for (Need.Entity e : q.described()) {
      total += entityWeight(e, n);
    }
    List<Candidate> out = new ArrayList<>(docs.size());
    for (FactCorpus.Doc d : docs) {
      out.add(candidate(q, d, terms, required, background, total));
    }
    out.sort(Comparator.comparing(Candidate::eligible).reversed()
        .thenComparing(Comparator.comparingDouble(Candidate::score).reversed()));
    return out;
  }

  /**
   * A term with its weight; {@code unsaid} when the vocabulary knows its meaning but no fact
   * expresses it, so that no fact can answer it.
   */
  private record Weighted(Question.Term term, List<Set<String>> typos, float weight,
      boolean unsaid) {}

  private Weighted weigh(Question.Term t, int n) {
    long df = corpus.docs().stream().filter(d -> match(t, List.of(), d) > 0).count();
    List<Set<String>> typos = List.of();
    if (df == 0 && t.kind() == Question.Kind.WORD && t.own().words().size() == 1) {
      Set<String> near = corpus.near(t.asked());
      if (!near.isEmpty()) {
        typos = List.of(near);
        List<Set<String>> alt = typos;
        df = corpus.docs().stream().filter(d -> match(t, alt, d) > 0).count();
      }
    }
    float weight = df == 0 ? (t.known() ? KNOWN_UNSAID : UNKNOWN) * idf(1, n) : idf(df, n);
    boolean unsaid = df == 0 && t.kind().named();
    return new Weighted(t, typos, weight, unsaid);
  }

  /**
   * "Who is X?": how much a fact says what the desk's one-line description of X says (her role,
   * its kind), 0 to 1.
   */
  private float describes(FactCorpus.Doc d, Need.Entity e) {
    Set<String> words = corpus.description(e.keys());
    if (words.isEmpty()) {
      return 0f;
    }
    long found = words.stream().filter(d.forms()::contains).count();
    return (float) found / words.size();
  }

  /** Whether the entity is the outlet of one of the fact's sources ("what did Reuters say"). */
  private static boolean publishes(FactCorpus.Doc d, Need.Entity e) {
    for (org.backgrounder.facts.Source s : d.located().story().sourcesOf(d.located().fact())) {
      String outlet = org.backgrounder.text.Folding.fold(s.outlet());
      for (List<String> name : e.names()) {
        if (!name.isEmpty() && outlet.contains(String.join(" ", name))) {
          return true;
        }
      }
    }
    return false;
  }

  /** An entity weighs like a word: by how few facts name it. */
  private float entityWeight(Need.Entity e, int n) {
    return weights.computeIfAbsent(e.keys(), keys -> idf(corpus.docs().stream()
        .filter(d -> keys.stream().anyMatch(d.named()::contains)).count(), n));
  }

  /** Entity weights by entity keys, which depend only on the corpus: computed once each. */
  private final java.util.Map<Set<String>, Float> weights =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** BM25's inverse document frequency. */
  static float idf(long df, int n) {
    return (float) Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private Candidate candidate(Question q, FactCorpus.Doc d, List<Weighted> terms,
      List<Need.Entity> required, List<Need.Entity> background, float total) {
    float matched = 0;
    float score = 0;
    List<String> missing = new ArrayList<>();
    List<String> unsaid = new ArrayList<>(2);
    int words = 0;
    for (Weighted w : terms) {
      float m = match(w.term, w.typos, d);
      if (m > 0 && w.term.kind() != Question.Kind.NUMBER) {
        words++;
      }
      if (m == 0 && (w.term.kind().required() || w.unsaid)) {
        missing.add(w.term.asked());
      } else if (m == 0) {
        unsaid.add(w.term.asked());
      }
      matched += m * w.weight;
      score += m * w.weight * saturation(w.term, d);
    }
    for (Need.Entity e : background) {
      if (names(d, e)) {
        float idf = entityWeight(e, corpus.docs().size());
        matched += idf;
        score += idf;
      }
    }
    if (q.speaker() && !q.entities().get(0).keys().stream().anyMatch(d.who()::contains)
        && !publishes(d, q.entities().get(0))) {
      missing.add(q.entities().get(0).asked() + " (as the speaker)");
    }
    List<String> absent = new ArrayList<>();
    for (Need.Entity e : required) {
      if (!names(d, e)) {
        absent.add(e.asked());
      } else {
        matched += entityWeight(e, corpus.docs().size());
      }
    }
    if (!q.alternatives() || absent.size() == required.size()) {
      missing.addAll(absent);
    } else {
      for (Need.Entity e : required) {
        if (!names(d, e)) {
          matched += entityWeight(e, corpus.docs().size()); // "Rubio or Trump": either will do
        }
      }
    }
    for (Need.Entity e : q.entities()) {
      boolean about = e.keys().stream().anyMatch(d.about()::contains);
      boolean who = e.keys().stream().anyMatch(d.who()::contains);
      // A fact about the entity, or by it, before one that merely mentions it
      score += about || who ? 1f : names(d, e) ? 0.3f : 0f;
      if (q.speaker() && e == q.entities().get(0) && who) {
        score += 1f;
      }
    }
    boolean conflict = false;
    for (String qual : q.qualifiers()) {
      for (String opposite : vocabulary.opposites(qual)) {
        conflict |= containsAny(d, vocabulary.qualifierForms(opposite));
      }
      if (containsAny(d, vocabulary.qualifierForms(qual))) {
        score += 0.5f;
      }
    }
    if (q.terms().isEmpty() && q.entities().size() == 1 && (q.wants(Question.Intent.ABOUT)
        || q.wants(Question.Intent.WHO))) {
      score += describes(d, q.entities().get(0));
    }
    if (q.wants(Question.Intent.WHO) && !d.who().isEmpty()) {
      score += 0.3f;
    }
    if (q.wants(Question.Intent.WHEN) && d.dated()) {
      score += 0.3f;
    }
    if (q.wants(Question.Intent.NUMBER) && d.numeric()) {
      score += 0.5f;
    }
    if (q.many() && d.enumerates()) {
      score += 0.5f;
    }
    if (d.located().fact().status() == org.backgrounder.facts.Fact.Status.CONFIRMED) {
      score += 0.05f;
    }
    float coverage = total == 0 ? 1f : matched / total;
    return new Candidate(d, score, coverage, missing, conflict, words, unsaid);
  }

  /**
   * BM25's term-frequency part, with the index's parameters: a word said twice counts a little
   * more, and a short fact that says it a little more than a long one. The asked form itself, as
   * written, counts a little more than another form of it ("designated" over "designation").
   */
  private float saturation(Question.Term t, FactCorpus.Doc d) {
    int tf = 0;
    for (Set<String> word : t.own().words()) {
      for (String f : word) {
        tf = Math.max(tf, d.counts().getOrDefault(f, 0));
      }
    }
    tf = Math.max(tf, 1);
    float k1 = 1.2f;
    float b = 0.3f;
    float norm = k1 * (1 - b + b * d.length() / corpus.averageLength());
    float sat = tf * (k1 + 1) / (tf + norm);
    return d.surface().contains(t.asked()) ? sat * 1.1f : sat;
  }

  private static boolean containsAny(FactCorpus.Doc d, Set<String> words) {
    for (String w : words) {
      if (d.surface().contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** How well a fact says a term: its own words 1, a synonym less, a typo's neighbour less. */
  private static float match(Question.Term t, List<Set<String>> typos, FactCorpus.Doc d) {
    if (has(d, t.own())) {
      return 1f;
    }
    for (Vocabulary.Phrase p : t.related()) {
      if (has(d, p)) {
        return SYNONYM;
      }
    }
    for (Set<String> forms : typos) {
      if (forms.stream().anyMatch(d.forms()::contains)) {
        return TYPO;
      }
    }
    return 0f;
  }

  private static boolean has(FactCorpus.Doc d, Vocabulary.Phrase p) {
    if (p.words().isEmpty()) {
      return false;
    }
    for (Set<String> word : p.words()) {
      if (word.stream().noneMatch(d.forms()::contains)) {
        return false;
      }
    }
    return true;
  }

  static boolean names(FactCorpus.Doc d, Need.Entity e) {
    return e.keys().stream().anyMatch(d.named()::contains);
  }

  /**
   * Whether the fact's date says it falls in the range: "in February" is not answered by a fact
   * dated only "2019", nor "on June 12" by one dated "June 2019", for the file does not say when
   * within the year or the month it happened. Overlap alone let "which cartels got the terrorist
   * label in Feb" answer with a 2019 fact (spent sets: 3 fewer wrong answers, as many right).
   */
  private static boolean inRange(FactCorpus.Doc d, Optional<Queries.DateRange> range) {
    if (range.isEmpty()) {
      return true;
    }
    Queries.DateRange r = range.get();
    return d.located().fact().date().map(date -> !date.start().isBefore(r.from())
        && !date.end().isAfter(r.to())).orElse(false);
  }
}

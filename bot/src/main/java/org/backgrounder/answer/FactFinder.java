package org.backgrounder.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.backgrounder.facts.Fact;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFile;
import org.backgrounder.index.Need;
import org.backgrounder.index.Queries;
import org.backgrounder.index.TextAnalysis;

/**
 * The fact side of answering, stage by stage: {@link QuestionParser} (words in), {@link
 * Retriever} (every fact scored, nothing decided), {@link Gate} (answer or decline). Built once
 * per fact base; immutable and thread-safe.
 */
final class FactFinder {

  /**
   * What was found.
   *
   * @param facts the facts that answer, best first; empty when the gate declined
   * @param range the date range they were found in, when the question named a date
   * @param closest the facts nearest the question, offered as places to look when it declined
   * @param firstAsk the first of the question's asks, when the facts answer only that one
   */
  record Found(List<FactBase.Located> facts, Optional<Queries.DateRange> range,
      List<FactBase.Located> closest, Optional<String> firstAsk) {
    Found(List<FactBase.Located> facts, Optional<Queries.DateRange> range,
        List<FactBase.Located> closest) {
      this(facts, range, closest, Optional.empty());
    }
  }

  private final FactBase base;
  private final QuestionParser parser;
  private final Retriever retriever;
  private final Gate gate = new Gate();
  /** Each story's keywords, by story id, as every form of their words, for "latest on". */
  private final Map<String, Set<String>> keywordForms = new HashMap<>();

  FactFinder(FactBase base) {
    this.base = base;
    this.parser = QuestionParser.of(base);
    this.retriever = new Retriever(FactCorpus.of(base), parser.vocabulary());
    for (FactFile f : base.stories()) {
      Set<String> forms = new HashSet<>();
      for (String k : f.story().keywords()) {
        TextAnalysis.analyze(k).forEach(w -> forms.addAll(w.variants()));
      }
      keywordForms.put(f.story().id(), Set.copyOf(forms));
    }
  }

  FactBase base() {
    return base;
  }

  Question parse(String text) {
    return parser.parse(text);
  }

  /** The facts that answer {@code q}, at most {@code limit}. */
  Found find(Question q, int limit) {
    if (q.isEmpty()) {
      return new Found(List.of(), Optional.empty(), List.of());
    }
    List<FactBase.Located> closest = List.of();
    List<Retriever.Candidate> firstRanked = null;
    for (Optional<Queries.DateRange> range : ranges(q)) {
      List<Retriever.Candidate> ranked = retriever.retrieve(q, range);
      if (firstRanked == null) {
        firstRanked = ranked;
      }
      Gate.Decision d = gate.decide(q, ranked, limit);
      if (d.answered()) {
        return new Found(located(d.chosen()), range, List.of());
      }
      if (closest.isEmpty()) {
        closest = located(d.closest());
      }
    }
    if (closest.isEmpty() && !q.dates().isEmpty()) {
      // Offer what the file has near that date, though it does not say the day or month asked
      closest = located(Gate.closest(retriever.retrieve(q, Optional.empty())));
    }
    Optional<Found> lead = leadingAsk(q, firstRanked, limit);
    return lead.orElse(new Found(List.of(), Optional.empty(), closest));
  }

  /**
   * "Latest on the salad kit outbreak", when the topic names a story as a whole: that story's
   * most recent dated facts, newest first, for its newest facts rarely repeat the story's name.
   * Empty when the topic is narrower than a story; the answer then takes the facts that answer
   * it, as any question.
   */
  List<FactBase.Located> latestOfStory(Question q, int limit) {
    Optional<FactFile> story = storyNamed(q);
    if (story.isEmpty()) {
      return List.of();
    }
    // Facts of the same day: the one saying more of the question first ("is the count done?")
    Map<Fact, Float> score = new HashMap<>();
    retriever.retrieve(q, Optional.empty())
        .forEach(c -> score.put(c.doc().located().fact(), c.score()));
    return story.get().facts().stream().filter(f -> f.date().isPresent())
        .sorted(Comparator.comparing((Fact f) -> f.date().orElseThrow().start()).reversed()
            .thenComparing(f -> -score.getOrDefault(f, 0f)))
        .limit(limit).map(f -> new FactBase.Located(story.get(), f)).toList();
  }

  /** Of a topic's words and names, the share that must be the story's own for "latest on". */
  static final double STORY_SHARE = 2.0 / 3;

  /**
   * The story a topic names as a whole ("the salad kit listeria outbreak", "the VE mayor
   * recount"): most of its words are the story's keywords or its entities' names, and at least
   * one is a keyword. An entity alone ("latest on the CJNG") names the entity, not its story.
   */
  private Optional<FactFile> storyNamed(Question q) {
    FactFile best = null;
    double bestShare = 0;
    for (FactFile f : base.stories()) {
      Set<String> own = keywordForms.get(f.story().id());
      String prefix = f.story().id() + "/";
      int topic = 0;
      int story = 0;
      for (Question.Term t : q.terms()) {
        if (t.kind() == Question.Kind.NUMBER) {
          continue;
        }
        topic++;
        if (t.own().words().stream().allMatch(w -> w.stream().anyMatch(own::contains))) {
          story++;
        }
      }
      if (story == 0) {
        continue;
      }
      for (Need.Entity e : q.entities()) {
        topic++;
        if (e.keys().stream().anyMatch(k -> k.startsWith(prefix))) {
          story++;
        }
      }
      double share = topic == 0 ? 0 : (double) story / topic;
      if (share >= STORY_SHARE && share > bestShare) {
        best = f;
        bestShare = share;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * A question of several asks no fact answers as a whole: the facts that answer its first ask,
   * when the first of them is also the fact that ranks first for the whole question. Measured on
   * the spent question sets (dev and fresh 1 to 4; 423 covered, 292 uncovered): 217 right, 53
   * wrong, 26 uncovered answered, against 200, 49 and 25 without; trying every ask instead of the
   * first, or dropping the agreement with the whole, answered more wrongly (225, 56, 29 and 223,
   * 62, 28).
   */
  private Optional<Found> leadingAsk(Question q, List<Retriever.Candidate> ranked, int limit) {
    List<String> asks = Clauses.of(q.text());
    if (asks.size() < 2) {
      return Optional.empty();
    }
    Question first = parse(asks.get(0));
    if (first.isEmpty()
        || first.entities().size() + first.described().size() + first.terms().size() < 2) {
      return Optional.empty();
    }
    Optional<String> whole = ranked.stream().findFirst()
        .filter(Retriever.Candidate::eligible).map(c -> c.doc().located().fact().id());
    Found found = find(first, limit);
    if (!found.facts().isEmpty() && whole.isPresent()
        && found.facts().get(0).fact().id().equals(whole.get())) {
      return Optional.of(new Found(found.facts(), found.range(), List.of(),
          Optional.of(asks.get(0))));
    }
    return Optional.empty();
  }

  /** How a question was read and the facts nearest it, with their evidence: for editors. */
  String explain(String text) {
    Question q = parse(text);
    StringBuilder b = new StringBuilder();
    b.append("intents ").append(q.intents()).append(", qualifiers ").append(q.qualifiers())
        .append(q.many() ? ", asks for several" : "").append('\n');
    q.entities().forEach(e -> b.append("entity  ").append(e.asked()).append(" -> ")
        .append(e.keys()).append('\n'));
    q.dates().forEach(d -> b.append("date    ").append(d).append('\n'));
    for (Question.Term t : q.terms()) {
      b.append("term    ").append(t.asked()).append(" (").append(t.kind().name().toLowerCase(
          java.util.Locale.ROOT)).append(") ").append(t.related().size()).append(" synonyms\n");
    }
    for (Optional<Queries.DateRange> range : ranges(q)) {
      List<Retriever.Candidate> ranked = retriever.retrieve(q, range);
      for (Retriever.Candidate c : ranked.subList(0, Math.min(6, ranked.size()))) {
        b.append(String.format(java.util.Locale.ROOT, "%-28s score %5.2f coverage %3.0f%%%s%s",
            c.doc().located().fact().id(), c.score(), c.coverage() * 100,
            c.missing().isEmpty() ? "" : " lacks " + c.missing(), c.conflict() ? " conflict" : "")
            .stripTrailing()).append(c.unsaid().isEmpty() ? "" : " without " + c.unsaid())
            .append('\n');
      }
    }
    return b.toString();
  }

  /**
   * What of the question one fact does not say: the names it lacks and the words it leaves
   * unplaced (for editors: the words a story's {@code terms} may need). Empty when no fact has
   * that id.
   */
  List<String> unsaid(String text, String factId) {
    Question q = parse(text);
    for (Optional<Queries.DateRange> range : ranges(q)) {
      for (Retriever.Candidate c : retriever.retrieve(q, range)) {
        if (c.doc().located().fact().id().equals(factId)) {
          List<String> out = new ArrayList<>(c.missing());
          c.unsaid().stream().filter(w -> !out.contains(w)).forEach(out::add);
          return out;
        }
      }
    }
    return List.of();
  }

  private static List<FactBase.Located> located(List<Retriever.Candidate> candidates) {
    return candidates.stream().map(c -> c.doc().located()).toList();
  }

  /** The date ranges to try: the question's own, or for "February 20" each year the facts have. */
  private List<Optional<Queries.DateRange>> ranges(Question q) {
    if (q.dates().isEmpty()) {
      return List.of(Optional.empty());
    }
    DateMention d = q.dates().get(0);
    if (d.year() != 0) {
      return List.of(d.range(d.year()));
    }
    TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
    for (FactBase.Located f : base.allFacts()) {
      f.fact().date().ifPresent(date -> years.add(date.year()));
    }
    List<Optional<Queries.DateRange>> out = new ArrayList<>();
    for (int y : years) {
      d.range(y).ifPresent(r -> out.add(Optional.of(r)));
    }
    return out.isEmpty() ? List.of(Optional.empty()) : out;
  }
}

package org.backgrounder.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.backgrounder.facts.FactDate;

/**
 * The third stage, and the one place that decides whether the facts answer a question or the bot
 * declines. A fact answers when it names everything the question names (entities, things,
 * numbers, quoted words), contradicts none of its qualifiers, covers at least
 * {@link #MIN_COVERAGE} of the question's informative words, and, for "how many", states a figure.
 *
 * <p>The threshold was chosen, with {@link Retriever#UNKNOWN}, on the development question sets
 * under {@code bot/src/test/resources/eval/}: the {@code dev.jsonl} of the shipped story and of
 * the two invented stories (101 covered and 69 uncovered questions), written by people who saw
 * only a prose briefing of each story and labelled by a third against the fact files. Over the
 * three sets (right first / wrong first / uncovered answered):
 * <ul>
 *   <li>0.5 with unknown words at 1.0: 59 / 18 / 15 of 69;</li>
 *   <li>0.7 with unknown words at 1.0: 43 / 14 / 8;</li>
 *   <li>0.8 with unknown words at 0.2: 51 / 11 / 6 (chosen);</li>
 *   <li>0.8 with unknown words at 0.3: 47 / 9 / 5; at 0.1: 52 / 12 / 12.</li>
 * </ul>
 * A wrong answer is worse than none, so the choice leans to declining.
 *
 * <p>A second round, on those sets and the first three fresh rounds, spent by then (349
 * covered, 246 uncovered questions): synonyms at 0.7 of a word's own weight instead of 0.85
 * cut wrong answers from 43 to 37 for 2 fewer right; letting long questions need 2 points less coverage per word past
 * the third then gave 160 right, 44 wrong and 24 uncovered answered (154, 43, 23 before; 3
 * points per word gave 168, 46, 24; 5 points 175, 50, 36). Each round's figures were taken on
 * a set that round had not been tuned on ({@code fresh}, {@code fresh2}, {@code fresh3}, then
 * {@code fresh4}); the README reports them.
 */
final class Gate {

  static final float MIN_COVERAGE = 0.8f;
  /** Further facts join the first when they score at least this share of its score. */
  static final float COMPANIONS = 0.6f;
  /**
   * With "first", "latest" or "current", or "how many" without a date, facts this close to the
   * best are ordered by date. Taking the latest count for an undated "how many" gave 228 right
   * and 46 wrong instead of 221 and 53 on the spent sets (dev and fresh 1 to 4); ordering every
   * question's near-ties by date (within 0.9 or 0.95 of the best) gave 224 or 225 and 49.
   */
  static final float TIED = 0.8f;

  /** The facts chosen, best first; empty when the bot declines. */
  record Decision(List<Retriever.Candidate> chosen, List<Retriever.Candidate> closest) {
    boolean answered() {
      return !chosen.isEmpty();
    }
  }

  Decision decide(Question q, List<Retriever.Candidate> ranked, int limit) {
    List<Retriever.Candidate> passing = new ArrayList<>();
    for (Retriever.Candidate c : ranked) {
      if (c.eligible() && c.coverage() >= threshold(q) && evidence(q, c) && figure(q, c)) {
        passing.add(c);
      }
    }
    if (passing.isEmpty()) {
      return new Decision(List.of(), closest(ranked));
    }
    Retriever.Candidate top = passing.get(0);
    List<Retriever.Candidate> near = passing.stream()
        .filter(c -> c.score() >= COMPANIONS * top.score()).toList();
    boolean asksOrder = q.qualifiers().contains("first") || q.qualifiers().contains("latest")
        || q.qualifiers().contains("current");
    // "How many" with no date asks for the figure as it stands: the latest of those tied
    boolean numberNow = q.wants(Question.Intent.NUMBER) && q.dates().isEmpty();
    if (asksOrder || numberNow) {
      boolean first = q.qualifiers().contains("first"); // "current" is the latest state
      Comparator<Retriever.Candidate> byDate = Comparator.comparing(
          (Retriever.Candidate c) -> c.doc().located().fact().date().map(FactDate::start)
              .orElse(null), Comparator.nullsLast(first ? Comparator.<java.time.LocalDate>naturalOrder()
              : Comparator.<java.time.LocalDate>reverseOrder()));
      // Among the facts that say as much of the question as the best one, the earliest or latest
      double best = near.stream().mapToDouble(Retriever.Candidate::coverage).max().orElse(0);
      List<Retriever.Candidate> dated = new ArrayList<>(near.stream()
          .filter(c -> c.coverage() >= best - 0.05f
              && c.score() >= TIED * top.score()).toList());
      dated.sort(byDate);
      List<Retriever.Candidate> rest = new ArrayList<>(near);
      rest.removeAll(dated);
      dated.addAll(rest);
      near = dated;
    }
    return new Decision(near.subList(0, Math.min(limit, near.size())), List.of());
  }

  /** How much less coverage each name or word past the third asks for, down to {@link #FLOOR}. */
  static final float SLOPE = 0.02f;
  static final float FLOOR = 0.6f;

  /**
   * The coverage a question needs: a long question ("who is the lawyer behind the class action
   * and who's the lead plaintiff") may leave more of its words unplaced than a short one.
   */
  static float threshold(Question q) {
    int n = q.terms().size() + q.entities().size() + q.described().size();
    return Math.max(FLOOR, MIN_COVERAGE - SLOPE * Math.max(0, n - 3));
  }

  /**
   * A fact must share something with the question beyond a number: a named entity, a word, or
   * the date asked about ("zzzz 11" is not a question about the eleven of some fact). A question
   * that names nothing of the story and has two words or more must share two of them: "que tal el
   * partido del domingo" is not about the one fact that says "partido". Over the sets spent by
   * round 13 (dev and fresh 1 to 15: 1,491 covered, 844 uncovered questions) this declined 3 more
   * uncovered questions and cost no right answer.
   */
  private static boolean evidence(Question q, Retriever.Candidate c) {
    if (!q.entities().isEmpty()) {
      return true; // eligible: it names them all
    }
    if (q.described().isEmpty() && q.dates().isEmpty() && c.words() < 2
        && q.terms().stream().filter(t -> t.kind() != Question.Kind.NUMBER).count() >= 2) {
      return false;
    }
    return c.words() > 0 || !q.dates().isEmpty() || (!q.described().isEmpty() && c.coverage() > 0);
  }

  /**
   * "How many" is answered only by a fact that states a figure (the day of a date is not one):
   * "how many marines were sent" is not answered by "the navy sent marines on March 6". On the
   * same sets, 6 fewer wrong answers and 2 fewer uncovered questions answered, as many right: two
   * "how many ballots" questions now lead with the fact giving the count, and two right answers
   * are lost ("the bridge toll" reads as a count; one came from a second ask's fact).
   */
  private static boolean figure(Question q, Retriever.Candidate c) {
    return !q.wants(Question.Intent.NUMBER) || c.doc().numeric();
  }

  /** The three facts that say most of the question, offered when the bot declines. */
  static List<Retriever.Candidate> closest(List<Retriever.Candidate> ranked) {
    List<Retriever.Candidate> byScore = new ArrayList<>(ranked);
    byScore.sort(Comparator.comparingDouble(Retriever.Candidate::score).reversed());
    return byScore.stream().filter(c -> c.coverage() > 0).limit(3).toList();
  }
}

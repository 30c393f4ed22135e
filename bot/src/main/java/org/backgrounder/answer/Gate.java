package org.backgrounder.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.backgrounder.facts.FactDate;

/**
 * The third stage, and the one place that decides whether the facts answer a question or the bot
 * declines. A fact answers when it names everything the question names (entities, things,
 * numbers, quoted words), contradicts none of its qualifiers, and covers at least
 * {@link #MIN_COVERAGE} of the question's informative words.
 *
 * <p>The threshold was chosen on the development question sets under
 * {@code bot/src/test/resources/eval/} (the {@code dev.jsonl} of the shipped story and of the two
 * invented stories, written by people who saw only a prose briefing of each story, labelled by a
 * third against the fact files). Swept from 0.4 to 0.8: at 0.5 the engine put the right fact
 * first for 56-62% of covered questions but answered 15-29% of uncovered ones; at 0.7, 38-44%
 * and 4-18%; at 0.8, 27-38% and 4-10%. A wrong answer is worse than none, so 0.7: on the shipped
 * story it answers no more uncovered questions than the engine it replaced (1 of 26) while
 * putting the right fact first for 13 of 34 covered ones instead of 8. The {@code fresh.jsonl}
 * sets were never used to choose it.
 */
final class Gate {

  static final float MIN_COVERAGE = 0.7f;
  /** Further facts join the first when they score at least this share of its score. */
  static final float COMPANIONS = 0.6f;

  /** The facts chosen, best first; empty when the bot declines. */
  record Decision(List<Retriever.Candidate> chosen, List<Retriever.Candidate> closest) {
    boolean answered() {
      return !chosen.isEmpty();
    }
  }

  Decision decide(Question q, List<Retriever.Candidate> ranked, int limit) {
    List<Retriever.Candidate> passing = new ArrayList<>();
    for (Retriever.Candidate c : ranked) {
      if (c.eligible() && c.coverage() >= MIN_COVERAGE && evidence(q, c)) {
        passing.add(c);
      }
    }
    if (passing.isEmpty()) {
      return new Decision(List.of(), closest(ranked));
    }
    Retriever.Candidate top = passing.get(0);
    List<Retriever.Candidate> near = passing.stream()
        .filter(c -> c.score() >= COMPANIONS * top.score()).toList();
    if (q.qualifiers().contains("first") || q.qualifiers().contains("latest")
        || q.qualifiers().contains("current")) {
      boolean first = q.qualifiers().contains("first"); // "current" is the latest state
      Comparator<Retriever.Candidate> byDate = Comparator.comparing(
          (Retriever.Candidate c) -> c.doc().located().fact().date().map(FactDate::start)
              .orElse(null), Comparator.nullsLast(first ? Comparator.<java.time.LocalDate>naturalOrder()
              : Comparator.<java.time.LocalDate>reverseOrder()));
      List<Retriever.Candidate> dated = new ArrayList<>(near);
      dated.sort(byDate);
      near = dated;
    }
    return new Decision(near.subList(0, Math.min(limit, near.size())), List.of());
  }

  /** A fact must share something with the question: a named entity or a matched word. */
  private static boolean evidence(Question q, Retriever.Candidate c) {
    if (!q.entities().isEmpty()) {
      return true; // eligible: it names them all
    }
    return c.coverage() > 0 || !q.dates().isEmpty();
  }

  private static List<Retriever.Candidate> closest(List<Retriever.Candidate> ranked) {
    List<Retriever.Candidate> byScore = new ArrayList<>(ranked);
    byScore.sort(Comparator.comparingDouble(Retriever.Candidate::score).reversed());
    return byScore.stream().filter(c -> c.coverage() > 0).limit(3).toList();
  }
}

package org.backgrounder.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backgrounder.facts.Fact;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  private static Answer.FactRef ref(String id) {
    return new Answer.FactRef("story", id, id, "Text of " + id + ".", Optional.empty(),
        Fact.Status.CONFIRMED, Optional.empty());
  }

  /** A decline offering the given facts as the closest on file. */
  private static Answer declined(String q, String... closest) {
    Answer.Builder b = Answer.builder(q, url -> false).notice("No sourced answer.");
    for (String id : closest) {
      b.suggest(ref(id));
    }
    return b.build();
  }

  @Test
  void run_declinedCoveredQuestion_countsWhereTheRightFactWasOffered() {
    List<Evaluation.Case> cases = Evaluation.read(List.of(
        "{\"q\": \"offered second\", \"facts\": [\"b\"]}",
        "{\"q\": \"not offered\", \"facts\": [\"z\"], \"lang\": \"es\"}",
        "{\"q\": \"uncovered\", \"decline\": true}"));
    Map<String, Answer> answers = Map.of(
        "offered second", declined("offered second", "a", "b", "c"),
        "not offered", declined("not offered", "a"),
        "uncovered", declined("uncovered", "b"));

    Evaluation.Report r = Evaluation.run(cases, answers::get, url -> true);

    assertThat(r.results()).extracting(Evaluation.Result::offered).containsExactly(2, 0, 0);
    assertThat(r.results()).extracting(Evaluation.Result::offeredFact)
        .containsExactly("b", null, null);
    assertThat(r.results()).extracting(Evaluation.Result::outcome).containsExactly(
        Evaluation.Outcome.MISSED, Evaluation.Outcome.MISSED, Evaluation.Outcome.DECLINED);
    assertThat(r.all().missed()).isEqualTo(2);
    assertThat(r.all().offered()).isEqualTo(1);
    assertThat(r.byLanguage().get("en").offered()).isEqualTo(1);
    assertThat(r.byLanguage().get("es").offered()).isZero();
  }
}

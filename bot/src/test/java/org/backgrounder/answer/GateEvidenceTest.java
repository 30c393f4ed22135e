package org.backgrounder.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How much a question that names nothing of the story must share with a fact to be answered. */
class GateEvidenceTest {

  private static AnswerEngine engine;

  @BeforeAll
  static void load() throws IOException {
    // In the invented recount, "partido" (a party, or a game) reaches one fact through the
    // vocabulary; "domingo" reaches none
    engine = QuestionSetTest.Fixture.load("city-recount").engine();
  }

  @Test
  void twoWords_oneSharedByAFact_declines() {
    Answer a = engine.ask("que tal el partido del domingo");

    assertThat(a.answered()).isFalse();
    assertThat(a.text()).startsWith(Phrases.SPANISH.noAnswer());
  }

  @Test
  void twoWords_bothSharedByAFact_answers() {
    Answer a = engine.ask("water rates debate");

    assertThat(a.answered()).isTrue();
    assertThat(a.facts().get(0).id()).isEqualTo("october-debate");
  }
}

package org.backgrounder.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which of several facts saying nearly the same comes first: by date, when the question asks. */
class GateOrderTest {

  private static AnswerEngine engine;

  @BeforeAll
  static void load() throws IOException {
    // The invented food recall has two case counts, one from October and a later one.
    engine = QuestionSetTest.Fixture.load("food-recall").engine();
  }

  @Test
  void howMany_withoutADate_leadsWithTheLatestCount() {
    assertThat(engine.ask("how many people got sick").facts().get(0).id())
        .isEqualTo("count-november");
    assertThat(engine.ask("cuántos enfermos hay").facts().get(0).id())
        .isEqualTo("count-november");
  }

  @Test
  void numberOf_asksForAFigure_likeHowMany() {
    assertThat(engine.ask("exact number of deaths so far").facts().get(0).id())
        .isEqualTo("count-november");
    assertThat(engine.ask("numero de enfermos").facts().get(0).id())
        .isEqualTo("count-november");
  }

  @Test
  void howMany_withADate_keepsThatDatesCount() {
    assertThat(engine.ask("how many illnesses in october").facts().get(0).id())
        .isEqualTo("count-october");
  }
}

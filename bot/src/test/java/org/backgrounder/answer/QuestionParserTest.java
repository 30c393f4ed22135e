package org.backgrounder.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How a question is read: the words that say what it is about, and those that only shape it. */
class QuestionParserTest {

  private static QuestionParser parser;

  @BeforeAll
  static void load() throws IOException {
    parser = QuestionParser.of(QuestionSetTest.Fixture.load("shipped").facts());
  }

  @Test
  void anAbbreviationMadeAVerb_isReadAsTheAbbreviation() {
    Question q = parser.parse("which ecuadorian groups got FTO'd");

    assertThat(q.entities()).extracting(e -> e.asked()).contains("FTO");
    assertThat(q.terms()).extracting(Question.Term::asked).doesNotContain("ftod");
  }

  @Test
  void contractionsAndLightVerbs_onlyShapeTheQuestion() {
    Question q = parser.parse("when'd the notice run, and who made the designations");

    assertThat(q.terms()).extracting(Question.Term::asked)
        .doesNotContain("whend", "made").contains("designations");
  }
}

package org.backgrounder.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  @Test
  void datesOfferedAsAChoice_doNotNarrowTheFacts() {
    Question choice = parser.parse("when was it published in the federal register, feb or april?");
    Question narrowed = parser.parse("what was published in the federal register in feb 2025?");

    assertThat(choice.dates()).isEmpty();
    assertThat(choice.terms()).extracting(Question.Term::asked).doesNotContain("feb", "april");
    assertThat(narrowed.dates()).hasSize(1);
  }

  @Test
  void hedgesAndInclusionWords_onlyShapeTheQuestion() {
    Question q = parser.parse("was MS-13 supposedly included alongside the mexican cartels?");

    assertThat(q.terms()).extracting(Question.Term::asked)
        .doesNotContain("supposedly", "included", "alongside").contains("cartels");
  }

  @Test
  void looseWordsAndNewsroomShorthand_onlyShapeTheQuestion() {
    Question q = parser.parse("need bkgd for a sidebar: roughly how many months btwn the EO and"
        + " the designations");

    assertThat(q.terms()).extracting(Question.Term::asked)
        .doesNotContain("bkgd", "sidebar", "roughly", "months", "btwn").contains("designations");
  }

  @Test
  void furloughsAndLayoffs_areOneMeaning() {
    Question q = parser.parse("were the workers furloughed");

    assertThat(q.terms()).filteredOn(t -> t.asked().equals("furloughed")).singleElement()
        .satisfies(t -> assertThat(t.related()).extracting(Vocabulary.Phrase::text)
            .contains("layoff", "laid off"));
  }

  @Test
  void clockTimesAndLengths_areChatterNotNumbers() {
    Question q = parser.parse("quick one for my 5pm piece, need a 2-line answer: which EO was it?");

    assertThat(q.terms()).extracting(Question.Term::asked)
        .doesNotContain("5pm", "5", "pm", "2", "line");
    assertThat(parser.parse("how many of the 8 groups are mexican").terms())
        .extracting(Question.Term::asked).contains("8");
  }

  @Test
  void initialsOfABodysName_nameIt_butNotAPersonsOrInLowerCase() {
    assertThat(parser.parse("when was the SC designated").entities())
        .flatExtracting(e -> e.keys()).contains("cartels-fto/sinaloa-cartel");
    assertThat(parser.parse("when did MR sign it").entities())
        .flatExtracting(e -> e.keys()).doesNotContain("cartels-fto/rubio");
    assertThat(parser.parse("when was the sc designated").entities())
        .flatExtracting(e -> e.keys()).doesNotContain("cartels-fto/sinaloa-cartel");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/latest Tren de Aragua", "latest on Cartel de los Soles",
      "when was the Cártel de Sinaloa designated"})
  void language_namesWithSpanishWordsDoNotMakeAQuestionSpanish(String question) {
    assertThat(parser.parse(question).spanish()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"¿cuándo designaron al Cártel de Sinaloa?", "que dijo Sheinbaum",
      "lo último sobre el CJNG"})
  void language_spanishQuestionsAboutNamesAreSpanish(String question) {
    assertThat(parser.parse(question).spanish()).isTrue();
  }
}

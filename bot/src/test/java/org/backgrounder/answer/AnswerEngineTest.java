package org.backgrounder.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.backgrounder.chat.PlainText;
import org.backgrounder.command.AnswerReplies;
import org.backgrounder.facts.Fact;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command-facing answers: sources, timeline, fact, outlets, latest, freshness. */
class AnswerEngineTest {

  private static QuestionSetTest.Fixture strike;
  private static AnswerEngine engine;

  @BeforeAll
  static void load() throws IOException {
    strike = QuestionSetTest.Fixture.load("port-strike");
    engine = strike.engine();
  }

  @Test
  void sources_ofATopic_listsEachSourceOnceNewestFirst() {
    Answer a = engine.sources("kestrel");

    assertThat(a.answered()).isTrue();
    List<String> dates = a.citations().stream().map(c -> c.published().orElse("")).toList();
    assertThat(dates).isSortedAccordingTo((x, y) -> y.compareTo(x));
    assertThat(a.citations()).extracting(Citation::url).doesNotHaveDuplicates();
    assertThat(a.sentences()).allSatisfy(s -> assertThat(s.citations()).hasSize(1));
    assertThat(a.text()).contains("Gulf Freight Review: Veracruz awards crane automation contract"
        + " to Kestrel Robotics (January 15, 2026, news) [");
  }

  @Test
  void sources_ofAFactName_listsThatFactsSources() {
    Answer a = engine.sources("strike-ends");

    assertThat(a.citations()).extracting(c -> c.sourceId().orElse("")).containsExactly("lvv-acuerdo-0315");
  }

  @Test
  void timeline_isInDateOrder() {
    Answer a = engine.timeline("");

    assertThat(a.facts()).extracting(f -> f.date().orElseThrow())
        .isSortedAccordingTo(Comparable::compareTo);
    assertThat(a.facts().get(0).id()).isEqualTo("strike-2019");
    assertThat(a.text()).startsWith("An earlier two-day walkout at the port, in June 2019,")
        .contains("March 2, 2026: About 3,200 workers")
        .doesNotContain("March 3, 2026: On March 3, 2026");
  }

  @Test
  void timeline_ofATopic_keepsOnlyItsFacts() {
    Answer a = engine.timeline("tribunal");

    assertThat(a.facts()).extracting(Answer.FactRef::id)
        .containsExactly("strike-illegal-claim", "tribunal-ruling");
  }

  @Test
  void fact_showsStatusNoteAndNames() {
    Answer a = engine.fact("strike-illegal-claim");

    assertThat(a.answered()).isTrue();
    Answer.Sentence s = a.sentences().get(0);
    assertThat(s.status()).contains(Fact.Status.DISPUTED);
    assertThat(s.note()).hasValueSatisfying(n -> assertThat(n).contains("February 20"));
    assertThat(a.text()).contains("(disputed)").contains("Names: Sindicato Nacional de"
        + " Trabajadores Portuarios, Tribunal Federal de Conciliación y Arbitraje.")
        .doesNotContain("Names: ASIPONA");
  }

  @Test
  void fact_unknownName_saysHowFactsAreNamed() {
    Answer a = engine.fact("no-such-fact");

    assertThat(a.answered()).isFalse();
    assertThat(a.text()).contains("I have no fact called \"no-such-fact\"");
  }

  @Test
  void outlets_listEachOutletWithItsFirstReport() {
    Answer a = engine.outlets("strike end");

    assertThat(a.answered()).isTrue();
    List<String> listings = a.sentences().stream().filter(s -> s.role() == Answer.Role.LISTING)
        .map(Answer.Sentence::text).toList();
    assertThat(listings).allSatisfy(l -> assertThat(l).startsWith("Reported by: "))
        .anySatisfy(l -> assertThat(l).contains("La Voz de Veracruz (March 15, 2026)"));
  }

  @Test
  void latest_givesNewestItemsWithLinks() {
    Answer a = engine.latest("kestrel");

    assertThat(a.answered()).isTrue();
    assertThat(a.items()).isNotEmpty();
    assertThat(a.items().get(0).item().title()).isEqualTo("Kestrel Robotics says Veracruz cranes"
        + " will not cut jobs");
    assertThat(a.citations()).allSatisfy(c -> assertThat(c.kind()).isEqualTo("feed"));
  }

  @Test
  void latest_aboutSomethingNoFeedCovers_saysSo() {
    Answer a = engine.latest("Manzanillo");

    assertThat(a.answered()).isFalse();
    assertThat(a.text()).startsWith("I have no recent coverage");
  }

  @Test
  void latest_byInitials_namesTheEntityInFull() {
    Answer a = engine.latest("TFCA");

    assertThat(a.text()).startsWith("I have no recent coverage about Tribunal Federal de"
        + " Conciliación y Arbitraje").doesNotContain("about TFCA");
  }

  @Test
  void latest_onAnEntityWithoutCoverage_leadsWithTheNewestFactAboutIt() {
    Answer a = engine.latest("port authority");

    LocalDate newest = strike.facts().allFacts().stream()
        .filter(f -> f.fact().about().contains("asipona") && f.fact().date().isPresent())
        .map(f -> f.fact().date().orElseThrow().start()).max(Comparator.naturalOrder())
        .orElseThrow();
    assertThat(a.text()).startsWith("I have no recent coverage about ASIPONA Veracruz");
    // The newest fact about it, or one newer that names it: never an older one first
    assertThat(a.facts().get(0).date().orElseThrow().start()).isAfterOrEqualTo(newest);
    assertThat(a.facts()).extracting(f -> f.date().orElseThrow().start())
        .isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void latest_onAnEntityOfTheShippedStory_leadsWithItsNewestFact() throws IOException {
    // "latest on CJNG" once led with the newest of the four best-scoring facts, a year old
    QuestionSetTest.Fixture shipped = QuestionSetTest.Fixture.load("shipped");
    AnswerEngine cartels = shipped.engine();

    Answer a = cartels.latest("CJNG");

    LocalDate newest = shipped.facts().allFacts().stream()
        .filter(f -> f.fact().about().contains("cjng") && f.fact().date().isPresent())
        .map(f -> f.fact().date().orElseThrow().start()).max(Comparator.naturalOrder())
        .orElseThrow();
    assertThat(a.facts()).isNotEmpty();
    assertThat(a.facts().get(0).date().orElseThrow().start()).isAfterOrEqualTo(newest);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lo último sobre el TFCA", "¿qué hay de nuevo sobre el TFCA?"})
  void latest_askedInSpanish_saysItInSpanish(String question) {
    Answer a = engine.ask(question);

    assertThat(a.text()).startsWith("No tengo cobertura reciente sobre Tribunal Federal de"
        + " Conciliación y Arbitraje en los medios que sigo");
  }

  @Test
  void ask_storyReviewedLongAgo_saysHowFreshTheFactsAre() {
    AnswerEngine later = new AnswerEngine(strike.index(),
        Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC),
        new AnswerEngine.Options(Duration.ofDays(90), Duration.ofDays(365)));

    Answer a = later.ask("When did the strike end?");

    assertThat(a.text()).contains("The desk last reviewed the facts of \"Dockworkers strike at the"
        + " Port of Veracruz\" on March 20, 2026");
  }

  @Test
  void ask_declined_offersSuggestionsButRestsOnNothing() {
    Answer a = engine.ask("Did the strike spread to the port of Manzanillo?");

    assertThat(a.answered()).isFalse();
    assertThat(a.facts()).isEmpty();
    assertThat(a.text()).startsWith(AnswerEngine.NO_ANSWER);
  }

  @Test
  void ask_howMany_needsAFactThatStatesAFigure() {
    // navy-deployed says when the marines were sent ("March 6, 2026"), not how many
    Answer marines = engine.ask("how many marines were sent to guard the terminal");
    Answer ships = engine.ask("how many ships were diverted");

    assertThat(marines.answered()).isFalse();
    assertThat(ships.facts().get(0).id()).isEqualTo("ships-diverted");
  }

  @Test
  void ask_dayTheFactsDoNotGive_declinesAndOffersTheMonthsFact() {
    // strike-2019 is dated June 2019: the file does not say the walkout was on June 12
    Answer a = engine.ask("the walkout on June 12, 2019");

    assertThat(a.answered()).isFalse();
    assertThat(a.suggestions()).extracting(Answer.FactRef::id).startsWith("strike-2019");
  }

  @ParameterizedTest
  @ValueSource(strings = {"the walkout in June 2019", "the walkout in 2019"})
  void ask_periodHoldingTheFactsDate_answers(String question) {
    Answer a = engine.ask(question);

    assertThat(a.facts()).extracting(Answer.FactRef::id).startsWith("strike-2019");
  }

  @Test
  void ask_inSpanish_saysWhatSurroundsTheFactInSpanish_theFactInItsOwnWords() {
    Answer a = engine.ask("strike illegal port authority, ¿qué dijo?");
    String shown = shown(a);

    assertThat(a.spanish()).isTrue();
    assertThat(a.facts()).extracting(Answer.FactRef::id).startsWith("strike-illegal-claim");
    assertThat(shown).contains("the port authority called the strike illegal")
        .contains("(en disputa)").contains("Nota: The union says")
        .contains("La mesa revisó por última vez los hechos de \"Dockworkers strike at the Port"
            + " of Veracruz\" el 20 de marzo de 2026")
        .contains("Fuentes:").contains("3 de marzo de 2026 (fuente primaria)")
        .doesNotContain("Sources:").doesNotContain("(disputed)");
  }

  @Test
  void ask_inEnglish_saysItAllInEnglish() {
    Answer a = engine.ask("what did the port authority say about the strike being illegal");
    String shown = shown(a);

    assertThat(a.spanish()).isFalse();
    assertThat(shown).contains("(disputed)").contains("Note: The union says")
        .contains("The desk last reviewed the facts of").contains("on March 20, 2026")
        .contains("Sources:").contains("March 3, 2026 (primary)");
  }

  /** The answer as the terminal shows it: the reply's blocks, then its links. */
  private static String shown(Answer a) {
    return PlainText.render(AnswerReplies.reply(a, false, Optional.empty()));
  }

  @Test
  void ask_declinedInSpanish_datesTheFactsItOffersInSpanish() {
    Answer a = engine.ask("¿la huelga llegó al puerto de Manzanillo?");

    assertThat(a.answered()).isFalse();
    assertThat(a.text()).startsWith("Ningún hecho del archivo responde a eso.")
        .contains("Diario del Puerto, 16 de marzo de 2026")
        .containsPattern("\\d+ de marzo de 2026: ").doesNotContain("Puerto, March");
  }

  @Test
  void ask_emptyOrAbsurd_isDeclinedPolitely() {
    assertThat(engine.ask("").answered()).isFalse();
    assertThat(engine.ask("   ").text()).startsWith("Ask me about");
    assertThat(engine.ask("?!?").text()).startsWith(AnswerEngine.NO_ANSWER);
    assertThat(engine.ask("x".repeat(5000)).answered()).isFalse();
  }

  @Test
  void ask_twoAsks_answersTheFirstAndSaysTheRestHasNoFact() {
    Answer a = engine.ask("how many workers joined the walkout, and what did the mayor of houston"
        + " say about it");

    assertThat(a.answered()).isTrue();
    assertThat(a.facts()).extracting(Answer.FactRef::id).startsWith("workers-count");
    assertThat(a.text()).contains("This answers \"how many workers joined the walkout\"; no fact"
        + " on file answers the rest");
  }

  @Test
  void ask_twoAsks_neitherOnFile_declines() {
    Answer a = engine.ask("what did the mayor of houston say, and how many cruise ships docked");

    assertThat(a.answered()).isFalse();
    assertThat(a.facts()).isEmpty();
  }
}

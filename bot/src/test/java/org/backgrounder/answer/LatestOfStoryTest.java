package org.backgrounder.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.backgrounder.facts.FactBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Latest on X": a topic that names a whole story gets that story's newest facts. */
class LatestOfStoryTest {

  private static FactFinder finder;
  private static FactBase facts;

  @BeforeAll
  static void load() throws IOException {
    facts = QuestionSetTest.Fixture.load("port-strike").facts();
    finder = new FactFinder(facts);
  }

  @Test
  void aTopicInTheStorysOwnWords_getsItsNewestDatedFactsFirst() {
    List<FactBase.Located> latest = finder.latestOfStory(
        finder.parse("latest on the veracruz dockworkers strike? need a 2-line catch-up"), 4);

    LocalDate newest = facts.allFacts().stream().filter(f -> f.fact().date().isPresent())
        .map(f -> f.fact().date().orElseThrow().start()).max(Comparator.naturalOrder())
        .orElseThrow();
    assertThat(latest).hasSize(4);
    assertThat(latest.get(0).fact().date().orElseThrow().start()).isEqualTo(newest);
    assertThat(latest).extracting(f -> f.fact().date().orElseThrow().start())
        .isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void anEntityOfTheStoryAlone_isLeftToTheFactsAboutIt() {
    assertThat(finder.latestOfStory(finder.parse("latest on the TFCA"), 4)).isEmpty();
    assertThat(finder.latestOfStory(finder.parse("lo último sobre Kestrel"), 4)).isEmpty();
  }

  @Test
  void aTopicNarrowerThanTheStory_isLeftToTheFactsThatAnswerIt() {
    assertThat(finder.latestOfStory(finder.parse("latest on the tribunal ruling on wages"), 4))
        .isEmpty();
  }
}

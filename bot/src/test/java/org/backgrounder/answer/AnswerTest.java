package org.backgrounder.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.backgrounder.TestPaths;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFileLoader;
import org.backgrounder.feeds.FeedItem;
import org.junit.jupiter.api.Test;

/** An answer cannot be built dishonestly. */
class AnswerTest {

  private static final FactBase BASE = FactFileLoader.standard()
      .load(TestPaths.resource("facts/valid/minimal.yaml"), p -> "m.yaml").factBase();

  private static FeedItem item(String link) {
    return new FeedItem("link:" + link, "f", "Outlet", "A title", "", Optional.of(URI.create(link)),
        Instant.parse("2026-01-01T00:00:00Z"), false, Optional.empty(), Instant.EPOCH);
  }

  @Test
  void cite_linkNoFileOrFeedHolds_isRefused() {
    Answer.Builder b = Answer.builder("q", BASE::holdsLink);

    assertThatThrownBy(() -> b.cite(item("https://made-up.example/story")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refusing to cite https://made-up.example/story");
  }

  @Test
  void cite_linkOfALoadedSource_isNumberedOnceEvenWhenCitedTwice() {
    var story = BASE.stories().get(0);
    Answer.Builder b = Answer.builder("q", BASE::holdsLink);

    int first = b.cite(story, story.sources().get(0));
    int again = b.cite(story, story.sources().get(0));

    assertThat(first).isEqualTo(1);
    assertThat(again).isEqualTo(1);
  }

  @Test
  void build_answeredWithoutCitation_isRefused() {
    Answer.Builder b = Answer.builder("q", url -> true).notice("Something.").answered(true);

    assertThatThrownBy(b::build).hasMessageContaining("needs at least one citation");
  }

  @Test
  void build_declinedThatRestsOnFacts_isRefused() {
    var located = BASE.allFacts().get(0);
    Answer.Builder b = Answer.builder("q", BASE::holdsLink)
        .fact(AnswerEngine.ref(BASE, located), located.story(), located.fact(), "text")
        .answered(false);

    assertThatThrownBy(b::build).hasMessageContaining("offer them as suggestions");
  }

  @Test
  void fact_citesEverySourceOfTheFact() {
    var located = BASE.allFacts().get(0);
    Answer a = Answer.builder("q", BASE::holdsLink)
        .fact(AnswerEngine.ref(BASE, located), located.story(), located.fact(), "The text.")
        .answered(true).build();

    assertThat(a.sentences().get(0).citations()).containsExactly(1);
    assertThat(a.citations()).extracting(c -> c.url().toString())
        .containsExactly("https://example.org/a");
    assertThat(a.text()).isEqualTo("The text. [1]");
  }

  @Test
  void sentence_citingANumberThatDoesNotExist_isRefused() {
    Answer.Builder b = Answer.builder("q", BASE::holdsLink);

    assertThatThrownBy(() -> b.sentence(Answer.Role.LISTING, "x", List.of(3)))
        .hasMessageContaining("[3]");
  }
}

package org.backgrounder.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.backgrounder.TestPaths;
import org.backgrounder.facts.FactFileLoader;
import org.junit.jupiter.api.Test;

class StoryMatcherTest {

  private static final StoryMatcher MATCHER = StoryMatcher.of(FactFileLoader.standard()
      .load(TestPaths.shippedConfig().resolve("facts"), Path::toString).factBase());

  @Test
  void keywordsAndAliases_matchAsWholeWords_caseAndAccentsFolded() {
    List<StoryMatcher.StoryMatch> m = MATCHER.match("El CARTEL DE SINALOA y la CIA", "");

    assertThat(m).singleElement().satisfies(s -> {
      assertThat(s.story()).isEqualTo("cartels-fto");
      assertThat(s.terms()).contains("Cártel de Sinaloa", "CIA");
      assertThat(s.entities()).contains("sinaloa-cartel", "cia");
    });
  }

  @Test
  void partsOfWords_andLowerCaseAcronyms_doNotMatch() {
    assertThat(MATCHER.match("Palantiri scholars discuss cartelization", "")).isEmpty();
    assertThat(MATCHER.match("ice on the road; cu later", "")).isEmpty();
    assertThat(MATCHER.match("ICE agents", "")).singleElement()
        .satisfies(s -> assertThat(s.entities()).containsExactly("ice"));
  }
}

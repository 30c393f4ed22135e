package org.backgrounder.facts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The model refuses what the loader reports, so no code path can build an invalid file. */
class FactFileTest {

  private static final Story STORY = new Story("s", "S", Optional.empty(), List.of(), Optional.empty());
  private static final Source SOURCE = new Source("src", "T", "O", URI.create("https://example.org/"),
      Optional.empty(), Source.Kind.NEWS, Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty());

  private static Fact fact(String id, List<String> about, List<String> sources) {
    return new Fact(id, "text", Optional.empty(), List.of(), about, sources, Fact.Status.CONFIRMED,
        List.of(), Optional.empty());
  }

  @Test
  void fact_withoutSources_cannotBeBuilt() {
    assertThatThrownBy(() -> fact("f", List.of(), List.of()))
        .hasMessageContaining("has no source");
  }

  @Test
  void source_withNonWebUrl_cannotBeBuilt() {
    assertThatThrownBy(() -> new Source("s", "T", "O", URI.create("ftp://example.org/"),
        Optional.empty(), Source.Kind.NEWS, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty())).hasMessageContaining("not an absolute http(s) link");
  }

  @Test
  void factFile_withDanglingReference_cannotBeBuilt() {
    assertThatThrownBy(() -> new FactFile("f.yaml", STORY, List.of(), List.of(SOURCE),
        List.of(fact("f", List.of("ghost"), List.of("src")))))
        .hasMessageContaining("unknown about id ghost");
  }

  @Test
  void factFile_withDuplicateIds_cannotBeBuilt() {
    assertThatThrownBy(() -> new FactFile("f.yaml", STORY, List.of(), List.of(SOURCE),
        List.of(fact("f", List.of(), List.of("src")), fact("f", List.of(), List.of("src")))))
        .hasMessageContaining("duplicate fact id f");
  }

  @Test
  void slug_withUpperCase_cannotBeBuilt() {
    assertThatThrownBy(() -> fact("Fact", List.of(), List.of("src")))
        .hasMessageContaining("must be a slug");
  }
}

package org.backgrounder.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.backgrounder.TestPaths;
import org.backgrounder.yaml.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FactFileLoaderTest {

  private final FactFileLoader loader = FactFileLoader.standard();

  static Stream<Path> brokenFixtures() throws IOException {
    return yamlFiles(TestPaths.resource("facts/broken"));
  }

  static Stream<Path> validFixtures() throws IOException {
    return yamlFiles(TestPaths.resource("facts/valid"));
  }

  private static Stream<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  /** The "line:column message" lines a fixture declares, in a trailing comment or a sidecar. */
  private static List<String> expectations(Path fixture) {
    try {
      Path sidecar = fixture.resolveSibling(fixture.getFileName() + ".expect");
      List<String> lines = new ArrayList<>();
      if (Files.exists(sidecar)) {
        for (String l : Files.readAllLines(sidecar)) {
          if (!l.startsWith("#") && !l.isBlank()) {
            lines.add(l);
          }
        }
        return lines;
      }
      String text = new String(Files.readAllBytes(fixture), StandardCharsets.ISO_8859_1);
      for (String l : text.split("\n")) {
        if (l.startsWith("# expect: ")) {
          lines.add(l.substring("# expect: ".length()).strip());
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFixtures")
  void load_brokenFixture_reportsEveryExpectedProblemAtItsPosition(Path fixture) {
    List<String> expected = expectations(fixture);
    assertThat(expected).as("fixture declares its problems").isNotEmpty();

    FactFileLoader.Result result = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> loader.loadFile(fixture, "f.yaml"));

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.files()).isEmpty();
    assertThat(result.problems())
        .map(p -> p.line() + ":" + p.column() + " " + p.message())
        .containsExactlyElementsOf(expected);
    assertThat(result.problems()).allSatisfy(p ->
        assertThat(p.toString()).startsWith("f.yaml:" + p.line() + ":" + p.column() + ": "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validFixtures")
  void load_validFixture_isAcceptedWithoutProblems(Path fixture) {
    FactFileLoader.Result result = loader.loadFile(fixture, fixture.getFileName().toString());

    assertThat(result.problems()).isEmpty();
    assertThat(result.files()).hasSize(1);
    assertThat(result.files().get(0).facts()).isNotEmpty();
  }

  @Test
  void load_shippedStory_isValidWithoutWarnings() {
    FactFileLoader.Result result = loader.load(TestPaths.shippedConfig().resolve("facts"),
        Path::toString);

    assertThat(result.problems()).isEmpty();
    FactFile story = result.factBase().story("cartels-fto").orElseThrow();
    assertThat(story.facts()).hasSizeGreaterThanOrEqualTo(15);
    assertThat(story.entities()).flatExtracting(Entity::names)
        .contains("Cártel de Sinaloa", "CJNG", "Departamento de Estado");
  }

  @Test
  void load_everyKey_readsEveryValueAsWritten() {
    FactFile f = loader.loadFile(TestPaths.resource("facts/valid/every-key.yaml"), "e.yaml")
        .files().get(0);

    assertThat(f.story().title()).isEqualTo("A story: with a colon in quotes");
    assertThat(f.story().summary()).contains("Folded text that runs over two lines.");
    assertThat(f.story().keywords()).containsExactly("cartel", "FTO", "Palantir", "2025");
    assertThat(f.story().reviewed()).contains(new FactDate(2025, 3, 0));
    assertThat(f.entity("sinaloa").orElseThrow().aliases()).containsExactly("Sinaloa Cartel");
    assertThat(f.entity("2025")).isPresent();
    Source fr = f.source("fr-2025-02-20").orElseThrow();
    assertThat(fr.quote()).contains("It's the passage that supports the facts.");
    assertThat(fr.archived()).isPresent();
    assertThat(f.source("year-source").orElseThrow().language()).contains("no");
    assertThat(f.source("month-source").orElseThrow().published()).contains(new FactDate(2025, 2, 0));
    Fact fact = f.fact("fto-designation").orElseThrow();
    assertThat(fact.status()).isEqualTo(Fact.Status.CONFIRMED);
    assertThat(fact.note()).contains("An editor's caveat, shown with the fact.");
    assertThat(fact.about()).containsExactly("sinaloa", "2025");
    assertThat(f.fact("reported-one").orElseThrow().status()).isEqualTo(Fact.Status.REPORTED);
    assertThat(f.fact("disputed-one").orElseThrow().status()).isEqualTo(Fact.Status.DISPUTED);
    assertThat(f.fact("disputed-one").orElseThrow().date()).contains(new FactDate(2025, 0, 0));
  }

  @Test
  void load_credits_namesTheOutletsASourceCreditsInOrder() {
    FactFile f = loader.loadFile(TestPaths.resource("facts/valid/credits.yaml"), "c.yaml")
        .files().get(0);

    assertThat(f.source("osintsights").orElseThrow().credits())
        .containsExactly("Intelligence Online");
    assertThat(f.source("block-style").orElseThrow().credits())
        .containsExactly("The Wall Street Journal", "Reforma");
    assertThat(f.source("credits-none").orElseThrow().credits()).isEmpty();
  }

  @Test
  void load_creditsWrittenAsOneValue_isAnErrorAtTheKey(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, """
        version: 1
        story: {id: c, title: C}
        sources:
          - id: s
            title: T
            outlet: O
            url: https://example.org/
            kind: news
            credits: Intelligence Online
        facts:
          - {id: f, text: A fact., sources: [s]}
        """);

    FactFileLoader.Result result = loader.loadFile(file, "c.yaml");

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.problems()).anySatisfy(p -> {
      assertThat(p.line()).isEqualTo(9);
      assertThat(p.message()).contains("credits");
    });
  }

  @Test
  void load_factWithoutStatus_isConfirmed() {
    FactFile f = loader.loadFile(TestPaths.resource("facts/valid/minimal.yaml"), "m.yaml")
        .files().get(0);

    assertThat(f.facts().get(0).status()).isEqualTo(Fact.Status.CONFIRMED);
  }

  @Test
  void load_factWithABlankStatus_isKeptAndConfirmed(@TempDir Path dir) throws IOException {
    String text = Files.readString(TestPaths.resource("facts/valid/minimal.yaml"))
        .replace("    sources: [src]", "    sources: [src]\n    status: \"\"");
    Files.writeString(dir.resolve("blank.yaml"), text);

    FactFileLoader.Result r = loader.loadFile(dir.resolve("blank.yaml"), "blank.yaml");

    assertThat(r.hasErrors()).isFalse();
    assertThat(r.files().get(0).facts()).singleElement()
        .extracting(Fact::status).isEqualTo(Fact.Status.CONFIRMED);
  }

  @Test
  void load_anchorsAndAliases_shareTheirValues() {
    FactFile f = loader.loadFile(TestPaths.resource("facts/valid/anchors.yaml"), "a.yaml")
        .files().get(0);

    assertThat(f.fact("two").orElseThrow().sources()).containsExactly("s1", "s2");
    assertThat(f.fact("two").orElseThrow().tags()).containsExactly("designation", "cartel");
  }

  @Test
  void load_byteOrderMarkAndCrlf_areRead() {
    FactFile f = loader.loadFile(TestPaths.resource("facts/valid/bom-crlf.yaml"), "w.yaml")
        .files().get(0);

    assertThat(f.story().id()).isEqualTo("windows");
    assertThat(f.facts().get(0).text()).isEqualTo("Cártel de Sinaloa, with an accent.");
  }

  @Test
  void load_twoStoriesSharingFactIds_keepTheirOwnNamespaces() {
    FactFileLoader.Result result = loader.load(TestPaths.resource("facts/multi"), Path::toString);

    assertThat(result.problems()).isEmpty();
    FactBase base = result.factBase();
    assertThat(base.multipleStories()).isTrue();
    assertThat(base.findFact("shared-id")).hasSize(2);
    List<FactBase.Located> beta = base.findFact("beta/shared-id");
    assertThat(beta).hasSize(1);
    assertThat(beta.get(0).fact().text()).startsWith("Beta's");
    assertThat(base.name(beta.get(0).story(), beta.get(0).fact())).isEqualTo("beta/shared-id");
    assertThat(base.findFact("only-beta")).hasSize(1);
  }

  @Test
  void load_twoFilesWithOneStoryId_reportsTheSecond(@TempDir Path dir) throws IOException {
    String text = Files.readString(TestPaths.resource("facts/valid/minimal.yaml"));
    Files.writeString(dir.resolve("a.yaml"), text);
    Files.writeString(dir.resolve("b.yaml"), text);

    FactFileLoader.Result result = loader.load(dir, p -> p.getFileName().toString());

    assertThat(result.problems()).map(Problem::toString)
        .containsExactly("b.yaml:1:1: story id 'minimal' is already used by a.yaml; each story"
            + " needs its own id");
  }

  @Test
  void load_unusedSourceAndEntity_areWarningsNotErrors() {
    String text = """
        version: 1
        story: {id: w, title: Warnings}
        entities:
          - {id: lonely, name: Nobody, kind: person}
        sources:
          - {id: used, title: T, outlet: O, url: "https://example.org/1", kind: news}
          - {id: unused, title: T, outlet: O, url: "https://example.org/2", kind: news}
        facts:
          - {id: f, text: A fact., sources: [used]}
        """;

    FactFileLoader.Result result = loader.parse(text, "w.yaml");

    assertThat(result.hasErrors()).isFalse();
    assertThat(result.files()).hasSize(1);
    assertThat(result.problems()).map(Problem::toString).containsExactly(
        "w.yaml:4:10: warning: entity 'lonely' is not named by any fact (in who or about)",
        "w.yaml:7:10: warning: source 'unused' is not cited by any fact");
  }

  @Test
  void load_folderWithYmlAndNoYaml_saysWhatItIgnored(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("story.yml"), "version: 1\n");

    FactFileLoader.Result result = loader.load(dir, p -> p.getFileName().toString());

    assertThat(result.problems()).map(Problem::toString).containsExactly(
        dir.getFileName() + ":1:1: no fact files (*.yaml) in this folder",
        "story.yml:1:1: warning: ignored: fact files must end in .yaml");
  }

  @Test
  void load_missingPath_isAnErrorNotAnException(@TempDir Path dir) {
    FactFileLoader.Result result = loader.load(dir.resolve("nope"), p -> "nope");

    assertThat(result.problems()).map(Problem::toString)
        .containsExactly("nope:1:1: no such file or folder");
  }

  @Test
  void load_fiftyMegabyteFile_isRefusedBeforeReading(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.yaml");
    try (var out = Files.newOutputStream(big)) {
      byte[] line = "- padding padding padding padding padding padding padding padding\n".getBytes();
      for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }

    FactFileLoader.Result result = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> loader.loadFile(big, "big.yaml"));

    assertThat(result.problems()).map(Problem::toString).containsExactly(
        "big.yaml:1:1: the file is 50.0 MB; files here may be at most 8.0 MB (is it the right file?)");
  }

  @Test
  void load_binaryFile_isNotATextFile(@TempDir Path dir) throws IOException {
    // A PNG header: its 0x0A bytes count as line breaks, so the first NUL is at line 3.
    Path bin = dir.resolve("picture.yaml");
    Files.write(bin, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13});

    FactFileLoader.Result result = loader.loadFile(bin, "picture.yaml");

    assertThat(result.problems()).map(Problem::toString).containsExactly(
        "picture.yaml:3:1: this is not a text file (it contains binary data); a YAML file is plain"
            + " UTF-8 text");
  }

  @Test
  void load_deeplyNestedLists_isRefusedCleanly() {
    String deep = "version: 1\nstory: " + "[".repeat(5000) + "]".repeat(5000) + "\n";

    FactFileLoader.Result result = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> loader.parse(deep, "deep.yaml"));

    assertThat(result.problems()).hasSize(1);
    assertThat(result.problems().get(0).toString()).startsWith("deep.yaml:2:")
        .contains("nested too deeply");
  }

  @Test
  void load_emptyFile_saysItIsEmpty() {
    assertThat(loader.parse("", "e.yaml").problems()).map(Problem::toString)
        .containsExactly("e.yaml:1:1: the file is empty");
    assertThat(loader.parse("# only a comment\n", "e.yaml").problems()).map(Problem::toString)
        .containsExactly("e.yaml:1:1: the file is empty");
  }

  @Test
  void load_topLevelList_saysWhatAFactFileIs() {
    assertThat(loader.parse("- a\n- b\n", "l.yaml").problems()).map(Problem::toString)
        .containsExactly("l.yaml:1:1: the fact file must be a mapping of key: value lines; found a list");
  }

  @Test
  void load_typoInReferencedId_suggestsTheDefinedOne() {
    String text = """
        version: 1
        story: {id: t, title: Typos}
        sources:
          - {id: federal-register, title: T, outlet: O, url: "https://example.org/", kind: primary}
        facts:
          - {id: f, text: A fact., sources: [federal-regster]}
        """;

    assertThat(loader.parse(text, "t.yaml").problems()).map(Problem::toString).containsExactly(
        "t.yaml:4:10: warning: source 'federal-register' is not cited by any fact",
        "t.yaml:6:38: 'sources' names source 'federal-regster', which is not defined in this file;"
            + " did you mean 'federal-register'?");
  }
}

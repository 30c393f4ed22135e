package org.backgrounder.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.backgrounder.TestPaths;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFileLoader;
import org.backgrounder.facts.Source;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.index.SearchIndex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each question set (test resources, questions/*.yaml) through the real engine over the real
 * fact files and feed snapshot: every answer cited, no link that the fact files and feeds do not
 * hold, every out-of-scope question declined, and the right top fact for at least the floor of
 * each set.
 */
class QuestionSetTest {

  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  /**
   * The sets and their floors. These are the project's first question sets, written alongside
   * the first engine and tuned on by it (which scored 100% here and 60% on questions nobody tuned
   * for); the engine that replaced it was built against fresh sets instead (EvalSetsTest), and
   * these now guard against regressions at the share it reached: 83% and 69%.
   */
  static Stream<Arguments> sets() {
    return Stream.of(Arguments.of("cartels-fto.yaml", 0.80), Arguments.of("port-strike.yaml", 0.65));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sets")
  void questionSet_meetsTheBar(String name, double floor) throws IOException {
    JsonNode set = new ObjectMapper(new YAMLFactory())
        .readTree(TestPaths.resource("questions/" + name).toFile());
    Fixture fx = Fixture.load(set.path("config").asText());
    AnswerEngine engine = fx.engine();

    int answerable = 0;
    int hits = 0;
    int outOfScope = 0;
    List<String> failures = new ArrayList<>();
    for (JsonNode q : set.path("questions")) {
      String question = q.path("q").asText();
      Answer a = engine.ask(question);
      checkHonest(fx, a, failures);
      if (q.path("declined").asBoolean(false)) {
        outOfScope++;
        if (a.answered()) {
          failures.add("ANSWERED out-of-scope: " + question + "\n    -> " + a.text());
        }
        continue;
      }
      answerable++;
      List<String> top = new ArrayList<>();
      q.path("top").forEach(t -> top.add(t.asText()));
      boolean itemsOnly = q.path("items").asBoolean(false);
      boolean hit;
      if (itemsOnly) {
        hit = a.answered() && !a.items().isEmpty();
      } else {
        hit = a.answered() && !a.facts().isEmpty() && top.contains(a.facts().get(0).id());
      }
      if (hit) {
        hits++;
      } else {
        failures.add("MISSED: " + question + " (want " + (itemsOnly ? "feed items" : top) + ")\n    -> "
            + (a.facts().isEmpty() ? "" : a.facts().get(0).id() + ": ") + a.text());
      }
    }
    double rate = answerable == 0 ? 1 : hits / (double) answerable;
    System.out.printf("%s: top fact right for %d of %d answerable (%.0f%%), %d out-of-scope%n",
        name, hits, answerable, rate * 100, outOfScope);
    failures.forEach(f -> System.out.println("  " + f));

    assertThat(answerable).isGreaterThanOrEqualTo(40);
    assertThat(outOfScope).isGreaterThanOrEqualTo(5);
    assertThat(failures).filteredOn(f -> !f.startsWith("MISSED")).isEmpty();
    assertThat(rate).as("share of answerable questions whose top fact is right")
        .isGreaterThanOrEqualTo(floor);
  }

  /** Every answered question cited; every link one the fact files or feed items hold. */
  private static void checkHonest(Fixture fx, Answer a, List<String> failures) {
    if (a.answered() && a.citations().isEmpty()) {
      failures.add("UNCITED: " + a.question());
    }
    for (Answer.Sentence s : a.sentences()) {
      if ((s.role() == Answer.Role.FACT || s.role() == Answer.Role.ITEM) && s.citations().isEmpty()) {
        failures.add("UNCITED SENTENCE: " + a.question() + " -> " + s.text());
      }
    }
    for (Citation c : a.citations()) {
      if (!fx.links.contains(c.url().toString())) {
        failures.add("MADE-UP LINK: " + a.question() + " -> " + c.url());
      }
    }
  }

  /** A config's fact files and feed snapshot, indexed in memory. */
  record Fixture(FactBase facts, SearchIndex index, Set<String> links) {
    static Fixture load(String config) throws IOException {
      Path dir = config.equals("shipped") ? TestPaths.shippedConfig()
          : TestPaths.resource("stories/" + config);
      FactBase facts = FactFileLoader.standard().load(dir.resolve("facts"), Path::toString).factBase();
      List<FeedItem> items = FeedSnapshots.items(dir);
      SearchIndex index = SearchIndex.inMemory();
      index.rebuild(facts, items);
      Set<String> links = new HashSet<>();
      facts.stories().forEach(s -> s.sources().forEach((Source src) -> {
        links.add(src.url().toString());
        src.archived().map(URI::toString).ifPresent(links::add);
      }));
      items.forEach(i -> i.link().ifPresent(l -> links.add(l.toString())));
      return new Fixture(facts, index, links);
    }

    /** An engine over these facts and items, at {@link #NOW}, with the default options. */
    AnswerEngine engine() {
      return new AnswerEngine(index, Clock.fixed(NOW, ZoneOffset.UTC), AnswerEngine.Options.DEFAULT);
    }
  }
}

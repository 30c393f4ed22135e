package org.backgrounder.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.backgrounder.TestPaths;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactChange;
import org.backgrounder.facts.FactDate;
import org.backgrounder.facts.FactFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlFactHistoryTest {

  /** The first fact of the test story, as written, so an edit can delete it. */
  private static final String STRIKE_BEGINS = String.join("\n",
      "  - id: strike-begins",
      "    text: >-",
      "      Dockworkers at the Port of Veracruz stopped work on March 2, 2026, in a strike called by",
      "      the Sindicato Nacional de Trabajadores Portuarios.",
      "    date: 2026-03-02",
      "    who: [union]",
      "    about: [port-of-veracruz]",
      "    sources: [sntp-comunicado-0301, ddp-huelga-0302]",
      "    tags: [walkout, huelga, paro, began, started]",
      "");

  @TempDir
  Path dir;

  private FactBase load(String yaml) throws IOException {
    Files.writeString(dir.resolve("story.yaml"), yaml);
    FactFileLoader.Result r = FactFileLoader.standard().load(dir, Path::toString);
    assertThat(r.hasErrors()).as(r.problems().toString()).isFalse();
    return r.factBase();
  }

  @Test
  void record_editsBetweenLoads_areLoggedAsChangedRemovedAddedWithTheirSources() throws IOException {
    String original = Files.readString(
        TestPaths.resource("stories/port-strike/facts/port-strike.yaml"));
    String edited = original.replace("About 3,200 workers joined", "About 3,400 workers joined")
        .replace(STRIKE_BEGINS, "");
    assertThat(edited).doesNotContain("strike-begins").contains("About 3,400");
    try (Database db = Database.inMemory()) {
      SqlFactHistory history = new SqlFactHistory(db);
      assertThat(history.record(load(original), Instant.parse("2026-11-01T00:00:00Z")))
          .as("a first start is not news").isEmpty();

      Instant t2 = Instant.parse("2026-11-02T00:00:00Z");
      List<FactChange> changes = history.record(load(edited), t2);

      assertThat(changes).extracting(FactChange::factId, FactChange::kind)
          .containsExactlyInAnyOrder(tuple("workers-count", FactChange.Kind.CHANGED),
              tuple("strike-begins", FactChange.Kind.REMOVED));
      assertThat(changes).allSatisfy(c -> assertThat(c.sources()).isNotEmpty()
          .allSatisfy(s -> assertThat(s.url().getScheme()).startsWith("http")));
      assertThat(changes).filteredOn(c -> c.kind() == FactChange.Kind.CHANGED).singleElement()
          .extracting(FactChange::text).asString().contains("About 3,400 workers");
      assertThat(history.between(t2, t2.plusSeconds(1), Set.of())).hasSize(2);
      assertThat(history.between(t2, t2.plusSeconds(1), Set.of("another-story"))).isEmpty();
      assertThat(history.record(load(edited), t2.plusSeconds(1))).as("no edit, no change").isEmpty();

      assertThat(history.record(load(original), t2.plusSeconds(5)))
          .extracting(FactChange::factId, FactChange::kind)
          .containsExactlyInAnyOrder(tuple("workers-count", FactChange.Kind.CHANGED),
              tuple("strike-begins", FactChange.Kind.ADDED));
    }
  }

  @Test
  void between_changeReadBack_keepsItsSourcesDates() throws IOException {
    String original = Files.readString(
        TestPaths.resource("stories/port-strike/facts/port-strike.yaml"));
    try (Database db = Database.inMemory()) {
      SqlFactHistory history = new SqlFactHistory(db);
      history.record(load(original), Instant.parse("2026-11-01T00:00:00Z"));
      Instant t2 = Instant.parse("2026-11-02T00:00:00Z");
      history.record(load(original.replace("About 3,200 workers joined",
          "About 3,400 workers joined")), t2);

      assertThat(history.between(t2, t2.plusSeconds(1), Set.of())).singleElement()
          .satisfies(c -> assertThat(c.sources()).extracting(FactChange.Cited::published)
              .containsExactly(FactDate.parse("2026-03-01")));
    }
  }
}

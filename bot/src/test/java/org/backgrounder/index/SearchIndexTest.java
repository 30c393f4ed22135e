package org.backgrounder.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.TestPaths;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFileLoader;
import org.backgrounder.feeds.FeedItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {

  private static FactBase shipped() {
    return FactFileLoader.standard().load(TestPaths.shippedConfig().resolve("facts"), Path::toString)
        .factBase();
  }

  private static Need.Word word(String w) {
    TextAnalysis.Word a = TextAnalysis.analyze(w).get(0);
    return new Need.Word(a.folded(), a.variants(), false);
  }

  private static FeedItem item(String key, String title, String when) {
    return new FeedItem(key, "feed", "El Universal", title, "", Optional.of(URI.create(
        "https://example.com/" + key)), Instant.parse(when), false, Optional.of("es"), Instant.parse(when));
  }

  private static Queries.FactQuery facts(Need... needs) {
    return new Queries.FactQuery(List.of(needs), List.of(), Optional.empty(), Set.of(), false, false,
        false, 10);
  }

  @Test
  void analyze_foldsAccentsAndAddsEnglishAndSpanishStems() {
    assertThat(TextAnalysis.analyze("Cárteles").get(0).variants()).contains("carteles", "cartel");
    assertThat(TextAnalysis.analyze("cartels").get(0).variants()).contains("cartels", "cartel");
    assertThat(TextAnalysis.analyze("U.S.").get(0).folded()).isEqualTo("us");
    assertThat(TextAnalysis.analyze("began").get(0).variants()).contains("begin");
  }

  @Test
  void analyze_spanishVerbForms_shareAStem() {
    // "¿qué tiendas vendían…?" against a fact that says "vendió"
    assertThat(TextAnalysis.analyze("vendían").get(0).variants())
        .containsAnyElementsOf(TextAnalysis.analyze("vendió").get(0).variants());
    assertThat(TextAnalysis.analyze("pidieron").get(0).variants())
        .doesNotContainAnyElementsOf(TextAnalysis.analyze("vendió").get(0).variants());
  }

  @Test
  void facts_accentedSpanishWord_findsEnglishText() throws IOException {
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.rebuild(shipped(), List.of());

      List<Queries.FactHit> hits = index.facts(facts(word("cárteles"), word("designó")));

      assertThat(hits).extracting(Queries.FactHit::factId).contains("eo-signed");
    }
  }

  @Test
  void facts_everyNeedIsRequired() throws IOException {
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.rebuild(shipped(), List.of());

      assertThat(index.facts(facts(word("palantir")))).isNotEmpty();
      assertThat(index.facts(facts(word("palantir"), word("navy")))).isEmpty();
    }
  }

  @Test
  void facts_entityNeed_matchesFactsNamingItByAnyAlias() throws IOException {
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.rebuild(shipped(), List.of());
      Need.Entity cjng = new Need.Entity(Set.of("cartels-fto/cjng"), List.of(), "CJNG");

      assertThat(index.facts(facts(cjng))).extracting(Queries.FactHit::factId)
          .contains("fto-designation", "six-mexican-groups");
    }
  }

  @Test
  void facts_dateRange_keepsOnlyOverlappingFacts() throws IOException {
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.rebuild(shipped(), List.of());
      var range = new Queries.DateRange(java.time.LocalDate.of(2019, 1, 1),
          java.time.LocalDate.of(2019, 12, 31));

      List<Queries.FactHit> hits = index.facts(new Queries.FactQuery(List.of(), List.of(),
          Optional.of(range), Set.of(), false, false, false, 10));

      assertThat(hits).extracting(Queries.FactHit::factId).containsExactly("trump-2019-idea");
    }
  }

  @Test
  void items_newestFirst_andTaggedWithTheStoriesTheyMention() throws IOException {
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.rebuild(shipped(), List.of(
          item("a", "Palantir y la CIA contra el Cártel de Sinaloa", "2026-01-01T00:00:00Z"),
          item("b", "Palantir gana contrato con la CIA", "2026-02-01T00:00:00Z"),
          item("c", "Lluvias en Veracruz", "2026-03-01T00:00:00Z")));

      List<Queries.ItemHit> hits = index.items(new Queries.ItemQuery(List.of(word("palantir")),
          Optional.empty(), Optional.empty(), Set.of(), Queries.Order.NEWEST, 10));

      assertThat(hits).extracting(h -> h.item().key()).containsExactly("b", "a");
      assertThat(hits.get(1).stories()).containsExactly("cartels-fto");
      assertThat(hits.get(1).matchedTerms()).contains("cartels-fto:Palantir",
          "cartels-fto:Cártel de Sinaloa");
      assertThat(index.holdsItemLink(URI.create("https://example.com/c"))).isTrue();
      assertThat(index.holdsItemLink(URI.create("https://example.com/zzz"))).isFalse();
    }
  }

  @Test
  void upsertItems_sameKey_replacesInsteadOfAdding() throws IOException {
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.rebuild(shipped(), List.of(item("a", "Old title", "2026-01-01T00:00:00Z")));

      index.upsertItems(List.of(item("a", "New title", "2026-01-01T00:00:00Z")));
      index.commit();

      assertThat(index.itemCount()).isEqualTo(1);
      assertThat(index.items(new Queries.ItemQuery(List.of(word("new")), Optional.empty(),
          Optional.empty(), Set.of(), Queries.Order.NEWEST, 5))).hasSize(1);
    }
  }

  @Test
  void sync_reopenedWithTheSameFacts_doesNothing(@TempDir Path dir) throws IOException {
    FactBase base = shipped();
    List<String> loads = new ArrayList<>();
    try (SearchIndex index = SearchIndex.open(dir)) {
      assertThat(index.sync(base, () -> { loads.add("items"); return List.of(); })).isEqualTo("rebuilt");
    }
    try (SearchIndex index = SearchIndex.open(dir)) {
      assertThat(index.sync(base, () -> { loads.add("items"); return List.of(); })).isEqualTo("unchanged");
      assertThat(index.facts(facts(word("palantir")))).isNotEmpty();
    }
    assertThat(loads).containsExactly("items");
  }

  @Test
  void sync_changedFactText_updatesFactsWithoutReloadingItems(@TempDir Path dir) throws IOException {
    Path facts = dir.resolve("facts");
    Files.createDirectories(facts);
    Path file = facts.resolve("s.yaml");
    String text = Files.readString(TestPaths.resource("facts/valid/minimal.yaml"));
    Files.writeString(file, text);
    List<String> loads = new ArrayList<>();
    try (SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
      index.sync(load(facts), () -> { loads.add("items"); return List.of(); });
      Files.writeString(file, text.replace("One fact, one source.", "A rewritten zebra fact."));

      assertThat(index.sync(load(facts), List::of)).isEqualTo("facts updated");
      assertThat(index.facts(facts(word("zebra")))).hasSize(1);
    }
    assertThat(loads).hasSize(1);
  }

  private static FactBase load(Path dir) {
    return FactFileLoader.standard().load(dir, Path::toString).factBase();
  }

  @Test
  void items_feedRestrictedToOtherStories_isNotTaggedWithThisOne() throws IOException {
    try (SearchIndex index = SearchIndex.inMemory()) {
      FeedItem news = new FeedItem("k1", "sports-desk", "El Universal", "Palantir y la CIA", "",
          Optional.of(URI.create("https://example.com/k1")), Instant.parse("2026-11-20T10:00:00Z"),
          false, Optional.of("es"), Instant.parse("2026-11-20T10:00:00Z"));
      FeedItem open = new FeedItem("k2", "any-desk", "El Universal", "Palantir y la CIA", "",
          Optional.of(URI.create("https://example.com/k2")), Instant.parse("2026-11-20T10:00:00Z"),
          false, Optional.of("es"), Instant.parse("2026-11-20T10:00:00Z"));
      index.restrictFeeds(java.util.Map.of("sports-desk", Set.of("some-other-story")));
      index.rebuild(shipped(), List.of(news, open));

      List<Queries.ItemHit> hits = index.items(new Queries.ItemQuery(List.of(word("palantir")),
          Optional.empty(), Optional.empty(), Set.of("cartels-fto"), Queries.Order.NEWEST, 10));

      assertThat(hits).extracting(h -> h.item().key()).containsExactly("k2");
    }
  }

  /** A store whose only change is {@code added}, as a poll leaves it. */
  private static org.backgrounder.feeds.FeedStore storeAdding(List<FeedItem> added) {
    return new org.backgrounder.feeds.FeedStore() {
      public org.backgrounder.feeds.FeedState state(String feedId) {
        throw new UnsupportedOperationException();
      }

      public List<org.backgrounder.feeds.FeedState> states() {
        return List.of();
      }

      public void saveState(org.backgrounder.feeds.FeedState state) {
        throw new UnsupportedOperationException();
      }

      public Stored record(org.backgrounder.feeds.FeedState state, List<FeedItem> items,
          List<List<org.backgrounder.feeds.StoryMatcher.StoryMatch>> relevance, boolean backlog,
          java.time.Clock commit) {
        throw new UnsupportedOperationException();
      }

      public Iterable<FeedItem> items() {
        return added;
      }

      public long lastSeq() {
        return 1;
      }

      public Changes changesAfter(long seq) {
        return seq >= 1 ? new Changes(List.of(), List.of(), 1) : new Changes(added, List.of(), 1);
      }

      public List<Relevant> relevant(Set<String> stories, Instant from, Instant to) {
        return List.of();
      }
    };
  }

  @Test
  void catchUp_afterARebuild_indexesEachItemOnce() throws IOException {
    List<FeedItem> many = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      many.add(item("k" + i, "Palantir y la CIA " + i, "2025-06-0" + (1 + i % 9) + "T10:00:00Z"));
    }
    // A new data folder: the rebuild reads no items, the first catch-up adds them all.
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.sync(shipped(), List::of, 0);
      assertThat(index.catchUp(storeAdding(many))).isEqualTo(1_200);
      assertThat(index.itemCount()).isEqualTo(1_200);
    }
    // A rebuild that read items the store had not yet numbered when it began: the catch-up
    // that brings them again replaces them.
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.sync(shipped(), () -> many, 0);
      assertThat(index.itemCount()).isEqualTo(1_200);
      assertThat(index.catchUp(storeAdding(many))).isEqualTo(1_200);
      assertThat(index.itemCount()).isEqualTo(1_200);
    }
  }
}

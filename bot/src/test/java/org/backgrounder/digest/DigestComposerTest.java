package org.backgrounder.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backgrounder.chat.PlainText;
import org.backgrounder.chat.Reply;
import org.backgrounder.facts.FactChange;
import org.backgrounder.facts.FactDate;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.FeedStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DigestComposerTest {

  private static final Instant NOW = Instant.parse("2026-11-26T14:30:00Z");
  private static final DigestComposer.Window DAY = new DigestComposer.Window(
      NOW.minus(Duration.ofDays(1)), NOW, ZoneId.of("America/Mexico_City"));
  private final DigestFixture f = new DigestFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private static FeedStore.Relevant item(String outlet, String title, String link, int hoursAgo) {
    Instant at = NOW.minus(Duration.ofHours(hoursAgo));
    return new FeedStore.Relevant(new FeedItem("link:" + link, outlet.toLowerCase(), outlet, title,
        "", link == null ? Optional.empty() : Optional.of(URI.create(link)), at, false,
        Optional.empty(), at), DigestFixture.STORY, List.of("cartel"), at);
  }

  private static String text(DigestComposer.Digest d) {
    return PlainText.render(d.reply());
  }

  @Test
  void compose_sameNewsFromSeveralOutlets_isOneEntryLedByTheFirstToPublish() {
    DigestComposer.Digest d = DigestComposer.compose(f.facts, List.of(), DAY, List.of(
        item("AP", "US designates Mexican cartels as foreign terrorist organizations", "https://apnews.com/1", 5),
        item("Reuters", "U.S. designates Mexican cartels as terrorist organizations", "https://reuters.com/1", 7),
        item("El Universal", "EU designa a cárteles mexicanos como organizaciones terroristas", "https://eluniversal.com.mx/1", 6),
        item("Reuters", "Mexican cartels designated as foreign terrorist organizations, update", "https://reuters.com/2", 4)),
        List.of());

    List<Reply.Entry> entries = d.reply().blocks().stream().filter(Reply.Entry.class::isInstance)
        .map(Reply.Entry.class::cast).toList();
    String first = PlainText.spans(entries.get(0));
    assertThat(first).startsWith("U.S. designates Mexican cartels as terrorist organizations")
        .contains("Reuters [1], and also AP [2]");
    assertThat(first).doesNotContain("Reuters [1], and also Reuters");
    assertThat(d.items()).isEqualTo(4);
    // Spanish headline shares too few words with the English ones to be grouped with them.
    assertThat(entries).hasSize(2);
    assertThat(d.reply().links()).extracting(l -> l.url().toString())
        .contains("https://reuters.com/1", "https://apnews.com/1", "https://eluniversal.com.mx/1");
  }

  @Test
  void compose_groupsOfThree_readAsAnAlsoList() {
    DigestComposer.Digest d = DigestComposer.compose(f.facts, List.of(), DAY, List.of(
        item("Reuters", "Palantir wins CIA contract to map cartel finances", "https://reuters.com/p", 9),
        item("AP", "CIA contract for Palantir to map cartel finances", "https://apnews.com/p", 8),
        item("El Universal", "Palantir CIA contract cartel finances mapped", "https://eluniversal.com.mx/p", 7)),
        List.of());
    assertThat(text(d)).contains("Reuters [1], and also AP [2] and El Universal [3]");
  }

  @Test
  void compose_entriesComeNewestFirst_andAreCappedWithAndNMore() {
    List<FeedStore.Relevant> many = new ArrayList<>();
    String[] topics = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
        "india", "juliett", "kilo"};
    for (int i = 0; i < topics.length; i++) {
      many.add(item("Outlet " + i, "Story " + topics[i] + " " + topics[i] + "x",
          "https://example.org/" + i, 20 - i));
    }
    DigestComposer.Digest d = DigestComposer.compose(f.facts, List.of(), DAY, many, List.of());
    String t = text(d);
    assertThat(t.indexOf("Story kilo")).isLessThan(t.indexOf("Story juliett"));
    assertThat(t).contains("and 3 more: /latest").doesNotContain("Story alpha");
    assertThat(d.reply().links()).hasSize(DigestComposer.MAX_COVERAGE);
  }

  @Test
  void compose_itemsWithoutALink_areLeftOut() {
    DigestComposer.Digest d = DigestComposer.compose(f.facts, List.of(), DAY, List.of(
        item("Wire", "Linkless cartel item", null, 2)), List.of());
    assertThat(text(d)).doesNotContain("Linkless");
    assertThat(d.empty()).isTrue();
  }

  @Test
  void compose_factChanges_listEachWithItsSourcesAndTheTimelinePointer() {
    FactChange.Cited fr = new FactChange.Cited(URI.create("https://www.federalregister.gov/x"),
        "Designation notice", "Federal Register", "primary");
    DigestComposer.Digest d = DigestComposer.compose(f.facts, List.of(), DAY, List.of(), List.of(
        new FactChange(DigestFixture.STORY, "new-fact", FactChange.Kind.ADDED, "A new fact.",
            List.of(fr), NOW.minus(Duration.ofHours(3))),
        new FactChange(DigestFixture.STORY, "old-fact", FactChange.Kind.REMOVED, "An old fact.",
            List.of(), NOW.minus(Duration.ofHours(2)))));
    String t = text(d);
    assertThat(t).contains("Fact file changes:").contains("(added) A new fact. [1]")
        .contains("(removed) An old fact.").contains("https://www.federalregister.gov/x")
        .contains("The whole story, in order: /timeline");
    assertThat(d.factChanges()).isEqualTo(2);
  }

  @Test
  void compose_factChangeCitations_keepTheirSourcesDatesAsAnswersShowThem() {
    FactChange.Cited dated = new FactChange.Cited(URI.create("https://www.federalregister.gov/x"),
        "Designation notice", "Federal Register", "primary", FactDate.parse("2025-02-20"));
    // Logged before changes kept dates: the date of the source with that link on file.
    FactChange.Cited older = new FactChange.Cited(URI.create("https://osintsights.com/2025/06/17/"
        + "mexico-united-states-cia-palantir-how-the-us-is-using-technology-to-track-mexican-"
        + "cartels/"), "Foreign Shadows", "OSINTSights", "analysis");
    FactChange.Cited undated = new FactChange.Cited(URI.create("https://example.org/undated"),
        "A page without a date", "Example", "news");
    DigestComposer.Digest d = DigestComposer.compose(f.facts, List.of(), DAY, List.of(
        item("Reuters", "Cartel leaders sanctioned", "https://reuters.com/s", 3)), List.of(
        new FactChange(DigestFixture.STORY, "new-fact", FactChange.Kind.ADDED, "A new fact.",
            List.of(dated, older, undated), NOW.minus(Duration.ofHours(3)))));

    assertThat(text(d)).contains("Designation notice. Federal Register, February 20, 2025"
        + " (primary)").contains("Foreign Shadows. OSINTSights, June 17, 2025 (analysis)")
        .contains("A page without a date. Example (news)")
        .contains("Cartel leaders sanctioned. Reuters, November 26, 2026 (news)")
        .doesNotContain("2025-02-20").doesNotContain("(feed)");
  }

  @Test
  void net_addedThenRemovedInOneWindow_isNotReported() {
    Instant t = NOW.minus(Duration.ofHours(5));
    List<FactChange> net = DigestComposer.net(List.of(
        new FactChange("s", "a", FactChange.Kind.ADDED, "v1", List.of(), t),
        new FactChange("s", "a", FactChange.Kind.CHANGED, "v2", List.of(), t.plusSeconds(60)),
        new FactChange("s", "b", FactChange.Kind.ADDED, "b", List.of(), t),
        new FactChange("s", "b", FactChange.Kind.REMOVED, "b", List.of(), t.plusSeconds(60))));
    assertThat(net).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(FactChange.Kind.ADDED);
      assertThat(c.text()).isEqualTo("v2");
    });
  }

  @Test
  void compose_nothingNew_saysSoAndIsEmpty() {
    DigestComposer.Digest d = DigestComposer.compose(f.facts, List.of(), DAY, List.of(), List.of());
    assertThat(d.empty()).isTrue();
    assertThat(text(d)).contains("What's new since Wed Nov 25, 08:30").contains("Nothing new.");
  }

  @Test
  void compose_contentThatLooksLikeMarkup_staysPlainTextInTheReply() {
    DigestComposer.Digest d = DigestComposer.compose(f.facts, List.of(), DAY, List.of(
        item("<!channel> Outlet", "Cartel <@U123> news & <https://evil.example|click>",
            "https://example.org/m", 1)), List.of());
    // Renderers escape Text spans; the composer must not have produced links or code from content.
    assertThat(d.reply().blocks()).flatExtracting(Reply.Block::spans)
        .filteredOn(s -> s instanceof Reply.Code).extracting(s -> ((Reply.Code) s).text())
        .containsOnly("/timeline");
    assertThat(d.reply().links()).extracting(l -> l.url().toString())
        .containsExactly("https://example.org/m");
  }
}

package org.backgrounder.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.TestPaths;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactChange;
import org.backgrounder.facts.FactFileLoader;
import org.backgrounder.facts.FactHistory;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.FeedState;
import org.backgrounder.feeds.StoryMatcher.StoryMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract, continued: the fact history and the desk's reads. */
abstract class HistoryAndReviewContract extends StoreContract {

  @TempDir
  Path factsDir;

  /** The shipped test story, and the same with one fact's wording edited. */
  FactBase story(boolean edited) throws IOException {
    String yaml = Files.readString(TestPaths.resource("stories/port-strike/facts/port-strike.yaml"));
    Files.writeString(factsDir.resolve("story.yaml"), edited
        ? yaml.replace("About 3,200 workers joined", "About 3,400 workers joined") : yaml);
    FactFileLoader.Result r = FactFileLoader.standard().load(factsDir, Path::toString);
    assertThat(r.hasErrors()).as(r.problems().toString()).isFalse();
    return r.factBase();
  }

  @Test
  void history_record_logsAnEditOnce_andNotTheFirstLoad() throws IOException {
    FactHistory history = stores.history();
    assertThat(history.record(story(false), T0)).as("a first start is not news").isEmpty();
    assertThat(history.record(story(true), T0.plusSeconds(10)))
        .extracting(FactChange::factId, FactChange::kind)
        .containsExactly(tuple("workers-count",
            FactChange.Kind.CHANGED));
    assertThat(history.record(story(true), T0.plusSeconds(20))).isEmpty();
    assertThat(history.between(T0, T0.plusSeconds(60), Set.of())).singleElement()
        .satisfies(c -> assertThat(c.sources()).isNotEmpty());
    assertThat(history.between(T0, T0.plusSeconds(60), Set.of("another-story"))).isEmpty();
  }

  static AuditLog.Entry asked(int minutesAgo, String user, String question, String verdict,
      List<String> facts) {
    return new AuditLog.Entry(T0.minus(Duration.ofMinutes(minutesAgo)), "question", user,
        question, facts, List.of(), Optional.of(verdict));
  }

  @Test
  void auditReview_gaps_groupAlikeQuestions_latestWording_handledLast() {
    AuditLog log = stores.audit();
    log.add(asked(30, "slack:U1", "¿Quién pagó a Palantir?", "declined", List.of("old")));
    log.add(asked(20, "matrix:@a:x.org", "quien pago a palantir", "declined",
        List.of("palantir-contract")));
    log.add(asked(10, "slack:U2", "who designated the cartels?", "answered", List.of("fto")));
    log.add(asked(5, "slack:U3", "what did the navy say?", "declined", List.of()));
    AuditReview review = stores.auditReview();

    Page<AuditReview.Gap> gaps = review.gaps(0, 10);
    assertThat(gaps.more()).isFalse();
    assertThat(gaps.rows()).extracting(AuditReview.Gap::question, AuditReview.Gap::times)
        .containsExactly(tuple("what did the navy say?", 1), tuple("quien pago a palantir", 2));
    AuditReview.Gap palantir = gaps.rows().get(1);
    assertThat(palantir.platforms()).containsExactlyInAnyOrder("slack", "matrix");
    assertThat(palantir.lastAsker()).isEqualTo("matrix:@a:x.org");
    assertThat(palantir.suggested()).containsExactly("palantir-contract");
    assertThat(palantir.lastAsked()).isEqualTo(T0.minus(Duration.ofMinutes(20)));

    assertThat(review.markHandled("no such question", T0)).isFalse();
    assertThat(review.markHandled("what did the navy say", T0)).isTrue();
    assertThat(review.gaps(0, 1).rows()).extracting(AuditReview.Gap::key)
        .containsExactly("quien pago a palantir");
    assertThat(review.gaps(0, 1).more()).isTrue();
    assertThat(review.gaps(1, 5).rows()).singleElement()
        .satisfies(g -> assertThat(g.isHandled()).isTrue());
  }

  @Test
  void auditReview_tallyAndCited_countVerdictsAndCitations() {
    AuditLog log = stores.audit();
    log.add(asked(10, "slack:U2", "who designated?", "answered", List.of("fto", "fto")));
    log.add(asked(9, "slack:U2", "navy?", "declined", List.of("fto")));
    log.add(new AuditLog.Entry(T0.minusSeconds(60), "feedback", "slack:U2", "", List.of("fto"),
        List.of(), Optional.of("not-helpful")));
    AuditReview review = stores.auditReview();

    assertThat(review.tally(T0.minusSeconds(3600), T0))
        .isEqualTo(new AuditReview.Tally(1, 1, 0, 1));
    assertThat(review.cited(List.of("fto", "unknown")))
        .containsExactly(java.util.Map.entry("fto", new AuditReview.Cited(1, 0, 1)));
    assertThat(review.notHelpful(0, 10).rows()).singleElement()
        .satisfies(e -> assertThat(e.user()).isEqualTo("slack:U2"));
  }

  @Test
  void feedReview_itemsPerDay_andRelevantSince_newestFirstAPageAtATime() {
    List<FeedItem> items = new ArrayList<>();
    List<List<StoryMatch>> relevance = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      items.add(new FeedItem("k" + i, "wire", "Wire", "Title " + i, "", Optional.empty(),
          T0.plus(Duration.ofHours(12L * i)), false, Optional.empty(), T0));
      relevance.add(i % 2 == 0 ? about("cartels") : List.of());
    }
    stores.feeds().record(FeedState.fresh("wire"), items, relevance, false,
        Clock.fixed(T0, ZoneOffset.UTC));
    FeedReview review = stores.feedReview();

    assertThat(review.itemsPerDay(T0, 2).get("wire")).containsExactly(2, 2);
    assertThat(review.itemsPerDay(T0.plus(Duration.ofDays(5)), 3)).isEmpty();
    Page<FeedItem> recent = review.relevantSince("cartels", T0.plus(Duration.ofHours(12)), 0, 1);
    assertThat(recent.rows()).extracting(FeedItem::key).containsExactly("k4");
    assertThat(recent.more()).isTrue();
    assertThat(review.relevantSince("cartels", T0.plus(Duration.ofHours(12)), 1, 5).rows())
        .extracting(FeedItem::key).containsExactly("k2");
    assertThat(review.relevantSince("other", T0.minusSeconds(1), 0, 5).rows()).isEmpty();
  }
}

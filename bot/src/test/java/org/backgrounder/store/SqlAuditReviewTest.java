package org.backgrounder.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlAuditReviewTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private static AuditLog.Entry asked(int minutesAgo, String user, String question,
      String verdict, List<String> facts) {
    return new AuditLog.Entry(NOW.minus(Duration.ofMinutes(minutesAgo)), "question", user,
        question, facts, List.of(), Optional.of(verdict));
  }

  @Test
  void gaps_groupQuestionsThatFoldAlike_latestWordingAndSuggestionsFirst() {
    try (Database db = Database.inMemory()) {
      SqlAuditLog log = new SqlAuditLog(db);
      log.add(asked(30, "slack:U1", "¿Quién pagó a Palantir?", "declined", List.of("old")));
      log.add(asked(20, "matrix:@a:x.org", "quien pago a palantir", "declined",
          List.of("palantir-contract")));
      log.add(asked(10, "slack:U2", "who designated the cartels?", "answered", List.of("fto")));
      log.add(asked(5, "slack:U3", "what did the navy say?", "declined", List.of()));

      Page<AuditReview.Gap> gaps = new SqlAuditReview(db).gaps(0, 10);

      assertThat(gaps.more()).isFalse();
      assertThat(gaps.rows()).extracting(AuditReview.Gap::question, AuditReview.Gap::times)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("what did the navy say?", 1),
              org.assertj.core.groups.Tuple.tuple("quien pago a palantir", 2));
      AuditReview.Gap palantir = gaps.rows().get(1);
      assertThat(palantir.key()).isEqualTo("quien pago a palantir");
      assertThat(palantir.platforms()).containsExactlyInAnyOrder("slack", "matrix");
      assertThat(palantir.lastAsker()).isEqualTo("matrix:@a:x.org");
      assertThat(palantir.suggested()).containsExactly("palantir-contract");
      assertThat(palantir.lastAsked()).isEqualTo(NOW.minus(Duration.ofMinutes(20)));
    }
  }

  @Test
  void markHandled_movesAGroupLast_untilItIsAskedAgain_andSurvivesReopening(@TempDir Path data)
      throws Exception {
    try (Database db = Database.open(data)) {
      SqlAuditLog log = new SqlAuditLog(db);
      log.add(asked(30, "slack:U1", "palantir navy?", "declined", List.of()));
      log.add(asked(20, "slack:U1", "sheinbaum response?", "declined", List.of()));
      SqlAuditReview review = new SqlAuditReview(db);

      assertThat(review.markHandled("no such question", NOW)).isFalse();
      assertThat(review.markHandled("sheinbaum response", NOW)).isTrue();
    }
    try (Database db = Database.open(data)) {
      SqlAuditReview review = new SqlAuditReview(db);
      assertThat(review.gaps(0, 10).rows()).extracting(AuditReview.Gap::key,
          AuditReview.Gap::isHandled).containsExactly(
              org.assertj.core.groups.Tuple.tuple("palantir navy", false),
              org.assertj.core.groups.Tuple.tuple("sheinbaum response", true));

      new SqlAuditLog(db).add(new AuditLog.Entry(NOW.plusSeconds(60), "question", "slack:U9",
          "Sheinbaum response", List.of(), List.of(), Optional.of("declined")));
      AuditReview.Gap again = review.gaps(0, 10).rows().get(0);
      assertThat(again.key()).isEqualTo("sheinbaum response");
      assertThat(again.isHandled()).isFalse();
      assertThat(again.handled()).contains(NOW);
    }
  }

  @Test
  void pages_areBounded_andSayWhetherMoreFollow() {
    try (Database db = Database.inMemory()) {
      SqlAuditLog log = new SqlAuditLog(db);
      for (int i = 0; i < 5; i++) {
        log.add(new AuditLog.Entry(NOW.plusSeconds(i), "feedback", "slack:U" + i, "q" + i,
            List.of(), List.of(), Optional.of(i % 2 == 0 ? "not-helpful" : "helpful")));
      }
      SqlAuditReview review = new SqlAuditReview(db);

      Page<AuditLog.Entry> first = review.notHelpful(0, 2);
      assertThat(first.rows()).extracting(AuditLog.Entry::question).containsExactly("q4", "q2");
      assertThat(first.more()).isTrue();
      assertThat(review.notHelpful(2, 2).rows()).extracting(AuditLog.Entry::question)
          .containsExactly("q0");
      assertThat(review.notHelpful(2, 2).more()).isFalse();
      assertThatThrownBy(() -> review.notHelpful(0, Page.MAX + 1))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void tallyAndCited_countQuestionsVerdictsAndFactsCited_prunedEntriesGoWithTheirFacts() {
    try (Database db = Database.inMemory()) {
      SqlAuditLog log = new SqlAuditLog(db);
      log.add(asked(5, "slack:U1", "who?", "answered", List.of("a", "b")));
      log.add(asked(4, "slack:U1", "when?", "answered", List.of("a")));
      log.add(asked(3, "slack:U1", "why?", "declined", List.of("a")));
      log.add(new AuditLog.Entry(NOW, "feedback", "slack:U1", "who?", List.of("a", "b"),
          List.of(), Optional.of("not-helpful")));
      log.add(new AuditLog.Entry(NOW.minus(Duration.ofDays(100)), "question", "slack:U1", "old",
          List.of("b"), List.of(), Optional.of("answered")));
      SqlAuditReview review = new SqlAuditReview(db);

      assertThat(review.tally(NOW.minus(Duration.ofDays(1)), NOW.plusSeconds(1)))
          .isEqualTo(new AuditReview.Tally(2, 1, 0, 1));
      assertThat(review.cited(List.of("a", "b", "c"))).containsEntry("a",
          new AuditReview.Cited(2, 0, 1)).containsEntry("b", new AuditReview.Cited(2, 0, 1))
          .doesNotContainKey("c");

      log.prune(NOW.minus(Duration.ofDays(90)));
      assertThat(review.cited(List.of("b"))).containsEntry("b", new AuditReview.Cited(1, 0, 1));
    }
  }
}

package org.backgrounder.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.FeedState;
import org.backgrounder.feeds.StoryMatcher;
import org.junit.jupiter.api.Test;

class SqlFeedReviewTest {

  private static final Instant DAY0 = Instant.parse("2026-11-01T00:00:00Z");

  private static FeedItem item(String key, Instant published) {
    return new FeedItem(key, "wire", "Wire", "Title " + key, "", Optional.of(
        URI.create("https://wire.example/" + key)), published, false, Optional.empty(), published);
  }

  @Test
  void itemsPerDay_andRelevantSince_readWhatWasStored() {
    try (Database db = Database.inMemory()) {
      List<FeedItem> items = new ArrayList<>();
      List<List<StoryMatcher.StoryMatch>> relevance = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        items.add(item("k" + i, DAY0.plus(Duration.ofHours(12L * i))));
        relevance.add(i % 2 == 0 ? List.of(new StoryMatcher.StoryMatch("cartels", List.of("x"),
            Set.of())) : List.of());
      }
      new SqlFeedStore(db).record(FeedState.fresh("wire"), items, relevance, false,
          Clock.fixed(DAY0, ZoneOffset.UTC));
      SqlFeedReview review = new SqlFeedReview(db);

      assertThat(review.itemsPerDay(DAY0, 2).get("wire")).containsExactly(2, 2);
      assertThat(review.itemsPerDay(DAY0.plus(Duration.ofDays(5)), 3)).isEmpty();
      Page<FeedItem> recent = review.relevantSince("cartels", DAY0.plus(Duration.ofHours(12)), 0,
          1);
      assertThat(recent.rows()).extracting(FeedItem::key).containsExactly("k4");
      assertThat(recent.more()).isTrue();
      assertThat(review.relevantSince("cartels", DAY0.plus(Duration.ofHours(12)), 1, 5).rows())
          .extracting(FeedItem::key).containsExactly("k2");
      assertThat(review.relevantSince("other", DAY0.minusSeconds(1), 0, 5).rows()).isEmpty();
    }
  }
}

package org.backgrounder.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.backgrounder.feeds.FeedConfig;
import org.backgrounder.feeds.FeedException;
import org.backgrounder.feeds.FeedState;
import org.backgrounder.store.Database;
import org.backgrounder.store.SqlFeedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedCommandsTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static FeedConfig feed(String id) {
    return new FeedConfig(id, URI.create("https://" + id + ".example/feed?api_key=s3cret"),
        "Outlet " + id, Optional.empty(), List.of(), Duration.ofMinutes(15), true);
  }

  private static FeedState failed(String id, FeedException.Kind kind, String reason) {
    Instant at = NOW.minusSeconds(600);
    return new FeedState(id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(at),
        Optional.empty(), Optional.of(at), Optional.of(reason), Optional.of(kind), 3,
        Optional.of(NOW.plusSeconds(600)), Optional.empty(), 0, Optional.of(at));
  }

  @Test
  void feeds_failures_areShownInPlainWords_andDetailsOnlyToAdminsWithoutQueries(@TempDir Path data)
      throws Exception {
    try (Database db = Database.open(data)) {
      SqlFeedStore store = new SqlFeedStore(db);
      store.saveState(failed("a", FeedException.Kind.UNAVAILABLE, "connection failed:"
          + " ConnectException Failed to connect to /10.20.30.40:8080"));
      store.saveState(failed("b", FeedException.Kind.REDIRECTS, "redirect loop at"
          + " http://169.254.169.254/latest/meta-data?token=s3cret"));
      store.saveState(failed("c", FeedException.Kind.TOO_LARGE, "too large: the compressed body"
          + " passed 10485760 bytes; the limit is 10485760 bytes (feeds.max_bytes)"));
      store.saveState(failed("d", FeedException.Kind.CLIENT_ERROR, "HTTP 403 Forbidden"));
      store.saveState(failed("e", FeedException.Kind.NOT_A_FEED, "not a feed: it is an HTML page"));
      List<FeedConfig> feeds = List.of(feed("a"), feed("b"), feed("c"), feed("d"), feed("e"));

      String everyone = FeedCommands.health(feeds, store, CLOCK).plainText();
      String admin = FeedCommands.details("b", feeds, store, CLOCK).plainText();

      assertThat(everyone).contains("could not connect", "too many redirects", "too large",
          "the server refused", "not a feed", "/feed")
          .doesNotContain("10.20.30.40", "169.254", "Exception", "s3cret", "token", "HTTP 403");
      assertThat(admin).contains("redirect loop at http://169.254.169.254/latest/meta-data")
          .contains("https://b.example/feed").doesNotContain("s3cret").doesNotContain("token=");
    }
  }
}

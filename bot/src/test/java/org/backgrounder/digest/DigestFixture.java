package org.backgrounder.digest;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.TestPaths;
import org.backgrounder.chat.ChatException;
import org.backgrounder.chat.PlainText;
import org.backgrounder.chat.Reply;
import org.backgrounder.config.Settings;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFileLoader;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.FeedState;
import org.backgrounder.feeds.StoryMatcher;
import org.backgrounder.store.Database;
import org.backgrounder.store.SqlDigestLedger;
import org.backgrounder.store.SqlFactHistory;
import org.backgrounder.store.SqlFeedStore;

/**
 * Real stores in an in-memory database, the shipped fact file, and a poster that records what it
 * is asked to post (and can be told to fail).
 */
final class DigestFixture implements AutoCloseable {

  static final String STORY = "cartels-fto";

  final Database db = Database.inMemory();
  final SqlFeedStore feeds = new SqlFeedStore(db);
  final SqlFactHistory history = new SqlFactHistory(db);
  final SqlDigestLedger ledger = new SqlDigestLedger(db);
  final FactBase facts;
  final Digests digests;
  final List<Post> posts = new ArrayList<>();
  /** Posts fail with this message while it is set. */
  volatile String failWith;

  /** One post as the poster received it. */
  record Post(Settings.Platform platform, String channel, Reply reply, String key) {
    String text() {
      return PlainText.render(reply);
    }
  }

  DigestFixture() {
    FactFileLoader.Result r = FactFileLoader.standard().load(
        TestPaths.shippedConfig().resolve("facts"), p -> p.getFileName().toString());
    if (r.hasErrors()) {
      throw new IllegalStateException(r.problems().toString());
    }
    facts = r.factBase();
    digests = new Digests(feeds, history, () -> facts, List::of);
  }

  DigestScheduler.Poster poster() {
    return (platform, channel, reply, key) -> {
      if (failWith != null) {
        throw new ChatException(failWith);
      }
      posts.add(new Post(platform, channel, reply, key));
    };
  }

  /** An item of {@code outlet} that became relevant to the story at {@code seen}. */
  void item(String feedId, String outlet, String title, String link, Instant published,
      Instant seen) {
    FeedItem item = new FeedItem("link:" + link, feedId, outlet, title, "", Optional.of(
        URI.create(link)), published, false, Optional.of("en"), seen);
    FeedState state = feeds.state(feedId);
    feeds.record(state, List.of(item), List.of(List.of(new StoryMatcher.StoryMatch(STORY,
        List.of("cartel"), Set.of()))), false, java.time.Clock.fixed(seen, java.time.ZoneOffset.UTC));
  }

  @Override
  public void close() {
    db.close();
  }
}

package org.backgrounder.answer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.feeds.FeedConfig;
import org.backgrounder.feeds.FeedException;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.FeedItems;
import org.backgrounder.feeds.FeedParser;
import org.backgrounder.feeds.FeedsFile;

/** The items of a config folder's file: feeds, read with the real parser (no network). */
final class FeedSnapshots {

  private FeedSnapshots() {}

  static List<FeedItem> items(Path configDir) throws IOException {
    FeedsFile.Result feeds = FeedsFile.load(configDir, Set.of());
    if (feeds.hasErrors()) {
      throw new IllegalStateException("bad feeds.yaml in " + configDir + ": " + feeds.problems());
    }
    List<FeedItem> items = new ArrayList<>();
    for (FeedConfig f : feeds.feeds()) {
      if (!f.isFile()) {
        continue;
      }
      byte[] body = Files.readAllBytes(Path.of(f.url()));
      try {
        items.addAll(FeedItems.of(f, FeedParser.parse(body, Optional.empty(), f.url()),
            QuestionSetTest.NOW));
      } catch (FeedException e) {
        throw new IllegalStateException("snapshot " + f.url() + " does not parse: " + e.getMessage(), e);
      }
    }
    return items;
  }

}

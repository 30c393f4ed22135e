package org.backgrounder.feeds;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One feed the desk follows, from {@code feeds.yaml}.
 *
 * @param url http(s), or {@code file:} for an archived snapshot (resolved against the config folder)
 * @param stories the stories it may feed (empty: all)
 * @param interval how often it is polled (default 15 minutes)
 */
public record FeedConfig(String id, URI url, String outlet, Optional<String> language,
    List<String> stories, Duration interval, boolean enabled) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);

  public FeedConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(outlet, "outlet");
    Objects.requireNonNull(language, "language");
    stories = List.copyOf(stories);
    Objects.requireNonNull(interval, "interval");
  }

  public boolean isFile() {
    return "file".equalsIgnoreCase(url.getScheme());
  }

  /** Whether items of this feed may count for {@code story}. */
  public boolean feeds(String story) {
    return stories.isEmpty() || stories.contains(story);
  }
}

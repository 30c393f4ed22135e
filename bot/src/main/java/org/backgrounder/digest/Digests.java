package org.backgrounder.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactHistory;
import org.backgrounder.feeds.FeedConfig;
import org.backgrounder.feeds.FeedStore;

/**
 * What digests are made of: the items that became relevant, the fact changes, and the feeds in
 * trouble, read from the stores and handed to the {@link DigestComposer}.
 */
public final class Digests {

  /** How long a feed fails before the admin channel hears of it. */
  public static final Duration TROUBLE_AFTER = Duration.ofDays(1);

  private final FeedStore feeds;
  private final FactHistory history;
  private final Supplier<FactBase> facts;
  private final Supplier<List<FeedConfig>> configured;

  public Digests(FeedStore feeds, FactHistory history, Supplier<FactBase> facts,
      Supplier<List<FeedConfig>> configured) {
    this.feeds = feeds;
    this.history = history;
    this.facts = facts;
    this.configured = configured;
  }

  /** The digest of {@code stories} (empty: all) over {@code window}. */
  public DigestComposer.Digest compose(List<String> stories, DigestComposer.Window window) {
    FactBase base = facts.get();
    Set<String> ids = new HashSet<>(stories);
    if (ids.isEmpty()) {
      base.stories().forEach(f -> ids.add(f.story().id()));
    }
    return DigestComposer.compose(base, stories, window,
        feeds.relevant(ids, window.from(), window.to()),
        history.between(window.from(), window.to(), Set.copyOf(ids)));
  }

  /** The ids of the stories in the fact files. */
  public List<String> storyIds() {
    return facts.get().stories().stream().map(f -> f.story().id()).toList();
  }

  /** Feeds failing for more than {@link #TROUBLE_AFTER} at {@code now}, or switched off. */
  public List<DigestComposer.FeedTrouble> trouble(Instant now) {
    return DigestComposer.failingBefore(configured.get(), feeds.states(), now.minus(TROUBLE_AFTER));
  }
}

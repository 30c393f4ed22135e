package org.backgrounder.feeds;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.backgrounder.facts.FactBase;

/**
 * The stories a poll run found in the items it stored, by item key, so that whoever indexes them
 * next need not match the same text again. A match is only given back for the same title and
 * summary, matched against the same fact base. Thread-safe: feeds are polled side by side.
 */
public final class PollMatches {

  private record Matched(FactBase base, String title, String summary,
      List<StoryMatcher.StoryMatch> matches) {}

  private final Map<String, Matched> byKey = new ConcurrentHashMap<>();

  /** Remembers what {@code base}'s matcher found in {@code item}'s title and summary. */
  void put(FactBase base, FeedItem item, List<StoryMatcher.StoryMatch> matches) {
    byKey.put(item.key(), new Matched(base, item.title(), item.summary(), List.copyOf(matches)));
  }

  /**
   * What {@code StoryMatcher.of(base).match(item.title(), item.summary())} gives, when this run
   * matched that very text against {@code base}; empty otherwise.
   */
  public Optional<List<StoryMatcher.StoryMatch>> of(FeedItem item, FactBase base) {
    Matched m = byKey.get(item.key());
    return m != null && m.base() == base && m.title().equals(item.title())
        && m.summary().equals(item.summary()) ? Optional.of(m.matches()) : Optional.empty();
  }

  /** How many items it holds matches for. */
  public int size() {
    return byKey.size();
  }
}

package org.backgrounder.feeds;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Where feed state and items are kept (SQLite or PostgreSQL in {@code store}; fakes in tests). */
public interface FeedStore {

  /** The state of a feed; a fresh one when it was never polled. */
  FeedState state(String feedId);

  /** Every stored feed state. */
  List<FeedState> states();

  void saveState(FeedState state);

  /**
   * Stores the items of one poll and the feed's new state, in one transaction: either all of it
   * is kept or none, so a killed process neither loses nor replays a poll.
   *
   * @param relevance per item, the stories it is relevant to (same order as {@code items})
   * @param backlog true for a new feed's first poll: its items are not news
   * @param commit read inside the transaction, as it commits, for when the items became
   *     relevant: a time taken earlier (when the poll started) could fall in a digest window
   *     that was read before this commit, and the item would be in no digest at all
   */
  Stored record(FeedState state, List<FeedItem> items, List<List<StoryMatcher.StoryMatch>> relevance,
      boolean backlog, Clock commit);

  /** What a poll changed. */
  record Stored(List<FeedItem> added, List<FeedItem> updated, int unchanged) {
    public Stored {
      added = List.copyOf(added);
      updated = List.copyOf(updated);
    }
  }

  /** Every item, for rebuilding the index. */
  Iterable<FeedItem> items();

  /** The number of the latest change to the items (0 when there are none). */
  long lastSeq();

  /** Items added or changed after change number {@code seq}, and the newest change number. */
  Changes changesAfter(long seq);

  /**
   * What changed: items first stored after the given change number, items stored before it and
   * changed since, and the change number they bring a reader to.
   */
  record Changes(List<FeedItem> added, List<FeedItem> changed, long seq) {
    public Changes {
      added = List.copyOf(added);
      changed = List.copyOf(changed);
    }

    /** Every item, added then changed. */
    public List<FeedItem> items() {
      List<FeedItem> all = new java.util.ArrayList<>(added);
      all.addAll(changed);
      return all;
    }
  }

  /**
   * Items that became relevant to any of {@code stories} in {@code [from, to)}, skipping backlog.
   * Read in commit order: no transaction is under way while it reads, so an item it does not see
   * is stamped at or after the moment it reads, and falls in the next window.
   */
  List<Relevant> relevant(Set<String> stories, Instant from, Instant to);

  /** An item relevant to a story since a moment, and why. */
  record Relevant(FeedItem item, String story, List<String> terms, Instant since) {}
}

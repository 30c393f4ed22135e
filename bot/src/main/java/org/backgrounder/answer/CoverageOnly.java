package org.backgrounder.answer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.index.Need;
import org.backgrounder.index.Queries;
import org.backgrounder.index.SearchIndex;

/**
 * Recent feed items that match a question strongly when no fact answers it: every name the
 * question uses and at least one of its words (at least half of its words, and two, when it names
 * nothing), most words first. "Is the U.S. planning sanctions on the Sinaloa Cartel?" is met by
 * "U.S. weighs new sanctions on Sinaloa Cartel leaders". They are offered as coverage, never as
 * an answer.
 */
final class CoverageOnly {

  /** How many items each word's search looks at. */
  private static final int PER_WORD = 20;

  private CoverageOnly() {}

  static List<FeedItem> strong(SearchIndex index, List<Need> needs, Instant since, int limit) {
    List<Need> names = needs.stream().filter(n -> n instanceof Need.Entity).toList();
    List<Need> words = needs.stream().filter(n -> n instanceof Need.Word).toList();
    List<FeedItem> all = linked(index, needs, since, limit);
    if (!all.isEmpty() || words.isEmpty()) {
      return all;
    }
    int enough = names.isEmpty() ? Math.max(2, (words.size() + 1) / 2) : 1;
    Map<String, FeedItem> found = new LinkedHashMap<>();
    Map<String, Integer> matched = new HashMap<>();
    for (Need word : words) {
      List<Need> query = new ArrayList<>(names);
      query.add(word);
      for (FeedItem item : linked(index, query, since, PER_WORD)) {
        found.putIfAbsent(item.key(), item);
        matched.merge(item.key(), 1, Integer::sum);
      }
    }
    return found.values().stream().filter(i -> matched.get(i.key()) >= enough)
        .sorted(Comparator.comparing((FeedItem i) -> -matched.get(i.key()))
            .thenComparing(FeedItem::published, Comparator.reverseOrder()))
        .limit(limit).toList();
  }

  private static List<FeedItem> linked(SearchIndex index, List<Need> needs, Instant since,
      int limit) {
    return index.items(new Queries.ItemQuery(needs, Optional.of(since), Optional.empty(), Set.of(),
        Queries.Order.NEWEST, limit)).stream().map(Queries.ItemHit::item)
        .filter(i -> i.link().isPresent()).toList();
  }
}

package org.backgrounder.facts;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What changed in the fact files over time, for digests ("facts added, changed, removed"). */
public interface FactHistory {

  /**
   * Compares {@code base} with the facts last recorded and logs the differences at {@code at}.
   * The first call only records: a bot's first start is not news.
   *
   * @return the changes it logged
   */
  List<FactChange> record(FactBase base, Instant at);

  /** Changes logged in {@code [from, to)} for {@code stories} (empty: all), oldest first. */
  List<FactChange> between(Instant from, Instant to, Set<String> stories);
}

package org.backgrounder.answer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactDate;
import org.backgrounder.facts.Source;
import org.backgrounder.feeds.FeedItem;

/**
 * "Reported by" lines. Under a fact they name only that fact's own sources (and the outlets those
 * sources credit, which have no link on file), then the feed items that report that very fact;
 * the rest of the coverage found for the topic is a separate line that says it is topic-wide, so
 * a fact never seems to rest on it.
 */
final class Outlets {

  private Outlets() {}

  private record First(String outlet, LocalDate date, String spoken, int citation) {
    static First earlier(First a, First b) {
      if (a.date() == null) {
        return b;
      }
      if (b.date() == null) {
        return a;
      }
      return b.date().isBefore(a.date()) ? b : a;
    }
  }

  /** "Reported by: OSINTSights (June 17, 2025); Intelligence Online (credited by ...)." */
  static void ofFact(Answer.Builder b, FactBase.Located f) {
    Map<String, First> firsts = new LinkedHashMap<>();
    List<String> credited = new ArrayList<>();
    for (Source s : f.story().sourcesOf(f.fact())) {
      int n = b.cite(f.story(), s);
      firsts.merge(s.outlet(), new First(s.outlet(), s.published().map(FactDate::start)
          .orElse(null), s.published().map(FactDate::spoken).orElse(null), n), First::earlier);
      for (String outlet : s.credits()) {
        String line = outlet + " (credited by " + s.outlet() + "; no link on file)";
        if (!firsts.containsKey(outlet) && !credited.contains(line)) {
          credited.add(line);
        }
      }
    }
    List<String> parts = new ArrayList<>();
    List<Integer> cites = new ArrayList<>();
    for (First first : sorted(firsts)) {
      parts.add(first.outlet() + (first.spoken() == null ? "" : " (" + first.spoken() + ")"));
      cites.add(first.citation());
    }
    parts.addAll(credited);
    b.sentence(Answer.Role.LISTING, "Reported by: " + String.join("; ", parts) + ".", cites);
  }

  /**
   * "In the news: Reuters (June 20, 2025); AP (June 21, 2025).": the outlets of the feed items
   * that report the fact above (see {@link FactCoverage}), each with its first such item; nothing
   * when none does.
   */
  static void ofFactItems(Answer.Builder b, List<FeedItem> items) {
    List<First> firsts = sorted(firstItems(b, items));
    if (!firsts.isEmpty()) {
      b.sentence(Answer.Role.LISTING, "In the news: " + outlets(firsts, "") + ".",
          citations(firsts));
    }
  }

  /**
   * The outlets whose feed items match the topic, each with its first item's date, labelled as
   * the whole topic's; nothing when no item matches.
   */
  static void ofTopic(Answer.Builder b, String topic, List<FeedItem> items) {
    List<First> firsts = sorted(firstItems(b, items));
    if (!firsts.isEmpty()) {
      b.sentence(Answer.Role.NOTICE, "In the news about \u201c" + topic + "\u201d as a whole, not"
          + " any one fact: " + outlets(firsts, "first on ") + ".", citations(firsts));
    }
  }

  /** "Reuters (June 20, 2025); AP (June 21, 2025)", each date after {@code before}. */
  private static String outlets(List<First> firsts, String before) {
    List<String> parts = new ArrayList<>();
    for (First first : firsts) {
      parts.add(first.outlet() + " (" + before + first.spoken() + ")");
    }
    return String.join("; ", parts);
  }

  private static List<Integer> citations(List<First> firsts) {
    return firsts.stream().map(First::citation).toList();
  }

  /** Each outlet's first linked item of {@code items} (given oldest first), cited. */
  private static Map<String, First> firstItems(Answer.Builder b, List<FeedItem> items) {
    Map<String, First> firsts = new LinkedHashMap<>();
    for (FeedItem item : items) {
      if (item.link().isEmpty() || firsts.containsKey(item.outlet())) {
        continue;
      }
      int n = b.cite(item);
      LocalDate date = LocalDate.ofInstant(item.published(), ZoneOffset.UTC);
      firsts.put(item.outlet(), new First(item.outlet(), date, FactDate.of(date).spoken(), n));
    }
    return firsts;
  }

  private static List<First> sorted(Map<String, First> firsts) {
    List<First> list = new ArrayList<>(firsts.values());
    list.sort(Comparator.comparing(First::date, Comparator.nullsLast(Comparator.naturalOrder())));
    return list;
  }
}

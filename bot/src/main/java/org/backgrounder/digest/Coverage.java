package org.backgrounder.digest;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.text.Folding;

/**
 * Items that tell the same story, grouped: several outlets running the same news read as one
 * entry ("Reuters, and also AP and El Universal") instead of three. Two items are the same story
 * when they share a link, or when most of the significant words of the shorter title are in the
 * other (at least three of them): wire copy rewritten by each outlet usually keeps its nouns.
 */
final class Coverage {

  /** Words too common to say two headlines are about the same thing (English and Spanish). */
  private static final Set<String> COMMON = Set.of("the", "and", "for", "with", "from", "that",
      "this", "are", "was", "were", "has", "have", "had", "its", "his", "her", "their", "after",
      "over", "into", "about", "than", "but", "not", "new", "says", "said", "will", "would", "could",
      "los", "las", "del", "con", "por", "para", "una", "uno", "que", "como", "mas", "sus", "sobre",
      "tras", "entre", "ante", "dice", "segun", "este", "esta", "son", "fue");

  private static final double SAME_STORY = 0.6;
  private static final int MIN_SHARED = 3;

  /**
   * One story as the outlets carried it.
   *
   * @param items one item per outlet, the first to publish first
   */
  record Group(List<FeedItem> items) {
    Group {
      items = List.copyOf(items);
    }

    FeedItem lead() {
      return items.get(0);
    }

    FeedItem newest() {
      return items.stream().max(Comparator.comparing(FeedItem::published)).orElseThrow();
    }
  }

  private Coverage() {}

  /** Groups {@code items} (each with a link); groups come newest first. */
  static List<Group> group(List<FeedItem> items) {
    List<FeedItem> newestFirst = new ArrayList<>(items);
    newestFirst.sort(Comparator.comparing(FeedItem::published).reversed()
        .thenComparing(FeedItem::key));
    List<List<FeedItem>> groups = new ArrayList<>();
    List<List<Set<String>>> words = new ArrayList<>();
    for (FeedItem item : newestFirst) {
      Set<String> mine = significant(item.displayTitle());
      int found = -1;
      for (int g = 0; g < groups.size() && found < 0; g++) {
        for (int i = 0; i < groups.get(g).size() && found < 0; i++) {
          if (sameStory(item, mine, groups.get(g).get(i), words.get(g).get(i))) {
            found = g;
          }
        }
      }
      if (found < 0) {
        groups.add(new ArrayList<>());
        words.add(new ArrayList<>());
        found = groups.size() - 1;
      }
      groups.get(found).add(item);
      words.get(found).add(mine);
    }
    List<Group> out = new ArrayList<>();
    for (List<FeedItem> g : groups) {
      out.add(new Group(onePerOutlet(g)));
    }
    return out;
  }

  /** The first item of each outlet, oldest first: an outlet's update is not a second outlet. */
  private static List<FeedItem> onePerOutlet(List<FeedItem> group) {
    List<FeedItem> oldestFirst = new ArrayList<>(group);
    oldestFirst.sort(Comparator.comparing(FeedItem::published).thenComparing(FeedItem::key));
    Map<String, FeedItem> byOutlet = new LinkedHashMap<>();
    for (FeedItem i : oldestFirst) {
      byOutlet.putIfAbsent(Folding.fold(i.outlet()), i);
    }
    return List.copyOf(byOutlet.values());
  }

  private static boolean sameStory(FeedItem a, Set<String> wordsA, FeedItem b, Set<String> wordsB) {
    URI la = a.link().orElse(null);
    if (la != null && la.equals(b.link().orElse(null))) {
      return true;
    }
    Set<String> shared = new HashSet<>(wordsA);
    shared.retainAll(wordsB);
    int smaller = Math.min(wordsA.size(), wordsB.size());
    return shared.size() >= MIN_SHARED && shared.size() >= SAME_STORY * smaller;
  }

  static Set<String> significant(String title) {
    Set<String> out = new HashSet<>();
    for (String w : Folding.foldedWords(title)) {
      if (w.length() >= 3 && !COMMON.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }
}

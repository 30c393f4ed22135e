package org.backgrounder.answer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.backgrounder.facts.Fact;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactDate;
import org.backgrounder.facts.FactFile;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.index.SearchIndex;

/**
 * What every kind of answer says the same way: a declined question with its recent coverage and
 * closest facts, how fresh the facts are, a feed item's line, facts in date order.
 */
final class Composing {

  /** How many feed items an answer points to. */
  static final int ITEM_POINTERS = 2;

  final SearchIndex index;
  private final Clock clock;
  private final AnswerEngine.Options options;

  Composing(SearchIndex index, Clock clock, AnswerEngine.Options options) {
    this.index = index;
    this.clock = clock;
    this.options = options;
  }

  /** How far back recent coverage reaches. */
  Instant since() {
    return clock.instant().minus(options.recentItems());
  }

  /**
   * Says why there is no answer; when recent coverage matches the question strongly, says that
   * no fact answers it and lists the coverage apart from the facts (still a decline, so it stays
   * on the desk's list of gaps). Then the closest facts.
   */
  Answer decline(Asked c, String why) {
    List<FeedItem> items = c.question.itemNeeds().isEmpty() ? List.of()
        : CoverageOnly.strong(index, c.question.itemNeeds(), since(), ITEM_POINTERS + 1);
    c.b.notice(items.isEmpty() ? why : c.says.coverageOnly());
    for (FeedItem item : items) {
      c.b.sentence(Answer.Role.ITEM, itemLine(item, c.says), List.of(c.b.cite(item)));
    }
    suggest(c);
    return c.b.answered(false).build();
  }

  /** Offers the closest facts, by name, as places to look; never as the answer. */
  void suggest(Asked c) {
    if (c.closest.isEmpty()) {
      return;
    }
    c.b.notice(c.says.closest());
    for (FactBase.Located f : c.closest) {
      c.b.suggest(AnswerEngine.ref(c.base, f));
      c.b.sentence(Answer.Role.LISTING, Briefs.pointer(c.base, f, c.says), List.of());
    }
  }

  /** A note for each story of {@code facts} that the desk last reviewed too long ago. */
  void freshness(Asked c, List<FactBase.Located> facts) {
    Set<FactFile> stories = new LinkedHashSet<>();
    facts.forEach(f -> stories.add(f.story()));
    LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
    for (FactFile s : stories) {
      s.story().reviewed().ifPresent(r -> {
        if (r.end().plusDays(options.staleAfter().toDays()).isBefore(today)) {
          c.b.notice(String.format(c.says.stale(), s.story().title(), c.says.when(r)));
        }
      });
    }
  }

  /** "“Title”, Outlet, June 17, 2025"; an item of today gives its time instead of the day. */
  String itemLine(FeedItem item, Phrases says) {
    LocalDate day = LocalDate.ofInstant(item.published(), ZoneOffset.UTC);
    String date = day.equals(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
        ? String.format(says.todayAt(), DateTimeFormatter.ofPattern("HH:mm").format(
            item.published().atZone(ZoneOffset.UTC)))
        : says.date(FactDate.of(day));
    return "\u201c" + item.displayTitle() + "\u201d, " + item.outlet() + ", " + date
        + (item.publishedEstimated() ? says.firstSeen() : "");
  }

  /** Facts in date order, undated last; facts of the same day in file order. */
  static List<FactBase.Located> sortByDate(List<FactBase.Located> facts) {
    List<FactBase.Located> sorted = new ArrayList<>(facts);
    sorted.sort(Comparator.comparing((FactBase.Located f) -> f.fact().date().orElse(null),
        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Briefs::fileOrder));
    return sorted;
  }

  /** The fact with its date in front, unless its own words already say the date. */
  static String dated(Fact fact) {
    String spoken = fact.date().orElseThrow().spoken();
    return fact.text().contains(spoken) ? fact.text() : spoken + ": " + fact.text();
  }
}

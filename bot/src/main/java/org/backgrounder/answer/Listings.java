package org.backgrounder.answer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactDate;
import org.backgrounder.facts.FactFile;
import org.backgrounder.facts.Source;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.index.Queries;

/**
 * The answers that list rather than tell: the latest coverage of a topic, the outlets that
 * reported it, and its sources.
 */
final class Listings {

  /** How many of the facts that answer a "latest on" topic are searched for the newest. */
  static final int LATEST_OF = 50;

  private final Composing k;

  Listings(Composing k) {
    this.k = k;
  }

  /** The most recent feed items that say the topic; failing that, the latest facts about it. */
  Answer latest(Asked c) {
    Question q = c.question;
    Set<String> stories = q.itemNeeds().isEmpty() ? storyIds(c.base) : Set.of();
    List<Queries.ItemHit> items = k.index.items(new Queries.ItemQuery(q.itemNeeds(),
        Optional.of(k.since()), Optional.empty(), stories, Queries.Order.NEWEST, 50));
    items = items.stream().filter(h -> h.item().link().isPresent())
        .filter(h -> Mentions.all(h.item(), q)).limit(5).toList();
    if (items.isEmpty()) {
      // The entity by its name on file: "about Villa Encino" for "latest on VE"
      String about = !q.entities().isEmpty() ? String.format(c.says.aboutTopic(),
          Briefs.named(q, c.base).stream().findFirst().map(AnswerEngine.Named::name)
              .orElse(q.entities().get(0).asked()))
          : q.terms().isEmpty() ? "" : String.format(c.says.mentioning(), q.terms().get(0).asked());
      List<FactBase.Located> facts = new ArrayList<>(c.finder.latestOfStory(q,
          AnswerEngine.MANY_FACTS));
      if (facts.isEmpty() && !(q.entities().isEmpty() && q.terms().isEmpty())) {
        // The newest of all the facts that answer, not the newest of the best four
        facts.addAll(Composing.sortByDate(c.findFacts(LATEST_OF)));
        facts.removeIf(f -> f.fact().date().isEmpty());
        Collections.reverse(facts);
        facts = new ArrayList<>(facts.subList(0, Math.min(AnswerEngine.MANY_FACTS, facts.size())));
      }
      if (!facts.isEmpty()) {
        c.b.notice(String.format(c.says.noRecentLatestFacts(), about));
        for (FactBase.Located f : facts) {
          c.b.fact(AnswerEngine.ref(c.base, f), f.story(), f.fact(),
              c.says.date(f.fact().date().orElseThrow()) + ": " + f.fact().text());
        }
        k.freshness(c, facts);
        return c.b.answered(true).build();
      }
      Answer.Builder b = c.b.notice(String.format(c.says.noRecent(), about));
      k.suggest(c);
      return b.answered(false).build();
    }
    for (Queries.ItemHit h : items) {
      c.b.sentence(Answer.Role.ITEM, k.itemLine(h.item(), c.says), List.of(c.b.cite(h.item())));
    }
    return c.b.answered(true).build();
  }

  /**
   * The facts about the topic, each with its own sources' outlets and the feed items that report
   * it; then the outlets of the rest of the topic's coverage, said to be the topic's.
   */
  Answer outlets(Asked c) {
    Question q = c.question;
    if (q.itemNeeds().isEmpty()) {
      return c.decline("Name a topic: /outlets palantir");
    }
    List<FactBase.Located> facts = c.findFacts(AnswerEngine.MANY_FACTS);
    List<FeedItem> items = k.index.items(new Queries.ItemQuery(q.itemNeeds(), Optional.empty(),
        Optional.empty(), Set.of(), Queries.Order.OLDEST, 200)).stream()
        .map(Queries.ItemHit::item).filter(i -> Mentions.all(i, q)).toList();
    Set<String> underFacts = new HashSet<>();
    for (FactBase.Located f : facts) {
      c.b.fact(AnswerEngine.ref(c.base, f), f.story(), f.fact(), f.fact().text());
      Outlets.ofFact(c.b, f);
      List<FeedItem> reporting = FactCoverage.reporting(f, items);
      Outlets.ofFactItems(c.b, reporting);
      reporting.forEach(i -> underFacts.add(i.key()));
    }
    Outlets.ofTopic(c.b, q.text(), items.stream().filter(i -> !underFacts.contains(i.key()))
        .toList());
    if (facts.isEmpty() && items.stream().noneMatch(i -> i.link().isPresent())) {
      return k.decline(c, "I know of no outlet that reported that.");
    }
    k.freshness(c, facts);
    return c.b.answered(true).build();
  }

  /** The sources of the facts about the topic; when no fact is, the coverage that says it. */
  Answer sources(Asked c) {
    List<FactBase.Located> facts = c.findFacts(20);
    if (facts.isEmpty()) {
      List<Queries.ItemHit> items = c.question.itemNeeds().isEmpty() ? List.of()
          : k.index.items(new Queries.ItemQuery(c.question.itemNeeds(), Optional.empty(),
              Optional.empty(), Set.of(), Queries.Order.NEWEST, 5));
      if (items.stream().noneMatch(h -> h.item().link().isPresent())) {
        return k.decline(c, "I have no sources about that.");
      }
      for (Queries.ItemHit h : items) {
        if (h.item().link().isPresent()) {
          c.b.sentence(Answer.Role.SOURCE, k.itemLine(h.item(), c.says) + " (news)",
              List.of(c.b.cite(h.item())));
        }
      }
      return c.b.answered(true).build();
    }
    return listSources(c, facts);
  }

  /** Each source of {@code facts} once, newest first, with its outlet, title, date and kind. */
  Answer listSources(Asked c, List<FactBase.Located> facts) {
    record Found(FactFile story, Source source) {}
    Map<String, Found> sources = new LinkedHashMap<>();
    for (FactBase.Located f : facts) {
      for (Source s : f.story().sourcesOf(f.fact())) {
        sources.putIfAbsent(s.url().toString(), new Found(f.story(), s));
      }
    }
    List<Found> sorted = new ArrayList<>(sources.values());
    sorted.sort(Comparator.comparing((Found f) -> f.source().published().orElse(null),
        Comparator.nullsLast(Comparator.reverseOrder())));
    for (Found f : sorted) {
      Source s = f.source();
      String line = s.outlet() + ": " + s.title() + " ("
          + s.published().map(FactDate::spoken).map(d -> d + ", ").orElse("") + s.kind().label() + ")";
      c.b.sentence(Answer.Role.SOURCE, line, List.of(c.b.cite(f.story(), s)));
    }
    return c.b.answered(true).build();
  }

  private static Set<String> storyIds(FactBase base) {
    Set<String> ids = new LinkedHashSet<>();
    base.stories().forEach(s -> ids.add(s.story().id()));
    return ids;
  }
}

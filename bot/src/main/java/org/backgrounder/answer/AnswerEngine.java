package org.backgrounder.answer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.backgrounder.facts.Fact;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactDate;
import org.backgrounder.facts.FactFile;
import org.backgrounder.facts.Source;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.index.Need;
import org.backgrounder.index.Queries;
import org.backgrounder.index.SearchIndex;

/**
 * Answers questions from the index: the facts that cover everything the question names, and the
 * feed items that do. Thread-safe; reads the index's current fact base on every question, so a
 * reload is visible to the next question.
 */
public final class AnswerEngine {

  /**
   * How answers are given.
   *
   * @param staleAfter a story whose facts were reviewed longer ago than this gets a freshness note
   * @param recentItems how far back "latest" reaches
   */
  public record Options(Duration staleAfter, Duration recentItems) {
    public static final Options DEFAULT = new Options(Duration.ofDays(90), Duration.ofDays(365));
  }

  static final String NO_ANSWER = Phrases.ENGLISH.noAnswer();
  private static final int MANY_FACTS = 4;
  private static final int ITEM_POINTERS = 2;
  /** How many facts a page of {@code /timeline} shows. */
  static final int TIMELINE_PAGE = 15;
  /** "/timeline 2", "/timeline rubio page 2": a page number, after a topic or alone. */
  private static final java.util.regex.Pattern PAGE =
      java.util.regex.Pattern.compile("^()(\\d{1,3})$|^(.+?)\\s+(?:page|p\\u00e1gina)\\s+(\\d{1,3})$");

  private final SearchIndex index;
  private final Clock clock;
  private final Options options;
  private volatile FactFinder finder = new FactFinder(FactBase.empty());

  public AnswerEngine(SearchIndex index, Clock clock, Options options) {
    this.index = index;
    this.clock = clock;
    this.options = options;
  }

  /** Answers a question in plain words. */
  public Answer ask(String question) {
    Context c = context(question);
    Question q = c.question;
    if (question.isBlank()) {
      return c.decline("Ask me about " + storyTitles(c.base) + "; /help lists what I can do.");
    }
    Optional<Answer> conversational = conversational(c);
    if (conversational.isPresent()) {
      return conversational.get();
    }
    if (q.isEmpty()) {
      return c.decline(c.says.noAnswer() + " " + c.says.askHint());
    }
    if (q.wants(Question.Intent.LATEST)) {
      return latest(c);
    }
    if (q.wants(Question.Intent.OUTLETS)) {
      return outlets(c);
    }
    if (q.wants(Question.Intent.SOURCES)) {
      return sources(c);
    }
    int limit = limitFor(q);
    List<FactBase.Located> facts = findFacts(c, q.dates().isEmpty() ? limit : 30);
    if (facts.isEmpty()) {
      return decline(c, c.says.noAnswer());
    }
    int more = 0;
    if (!q.dates().isEmpty()) {
      facts = byDate(facts, c.range);
      more = Briefs.moreWithin(facts, c.range, limit);
      facts = facts.subList(0, Math.min(limit, facts.size()));
    }
    for (FactBase.Located f : facts) {
      c.b.fact(ref(c.base, f), f.story(), f.fact(), lead(q, f.fact()));
    }
    if (more > 0) {
      String when = q.dates().get(0).spoken();
      c.b.notice("And " + more + " more dated " + when + ": /timeline " + when + " lists them.");
    }
    pointToItems(c, facts);
    freshness(c, facts);
    return c.b.answered(true).build();
  }

  /**
   * Questions that are not searches: a pasted link, a request for the story in brief
   * ("background", "what happened?"), and "who is X?" for an entity the desk has described.
   */
  /** "a timeline of the designations", "cronología de las transferencias": the /timeline of it. */
  private static final java.util.regex.Pattern TIMELINE = java.util.regex.Pattern.compile(
      "(?i)\\b(timeline|chronology|cronolog[ií]a|l[ií]nea de tiempo)\\b");

  private Optional<Answer> conversational(Context c) {
    String text = c.question.text();
    Optional<java.net.URI> link = PastedLinks.of(text);
    if (link.isPresent()) {
      return Optional.of(link(c, link.get()));
    }
    if (Briefs.asksForStory(text)) {
      return Optional.of(story(c, ""));
    }
    java.util.regex.Matcher timeline = TIMELINE.matcher(text);
    if (timeline.find()) {
      return Optional.of(timeline(timeline.replaceAll(" ")));
    }
    Optional<org.backgrounder.facts.Entity> who = Briefs.whoIs(c.question, c.base);
    if (who.isEmpty()) {
      return Optional.empty();
    }
    c.b.sentence(Answer.Role.DESK, Briefs.describe(who.get()), List.of());
    List<FactBase.Located> facts = findFacts(c, MANY_FACTS);
    for (FactBase.Located f : facts) {
      c.b.fact(ref(c.base, f), f.story(), f.fact(), f.fact().text());
    }
    freshness(c, facts);
    return Optional.of(c.b.answered(!facts.isEmpty()).build());
  }

  /** The story in brief: the desk's summary and review date, key people, first and latest facts. */
  public Answer story(String id) {
    return story(context(""), id);
  }

  private Answer story(Context c, String id) {
    Optional<FactFile> story = Briefs.story(c.base, id);
    if (story.isEmpty()) {
      List<String> ids = c.base.stories().stream().map(s -> s.story().id()).toList();
      return c.decline(ids.isEmpty() ? "No story is loaded yet."
          : (id.isBlank() ? "Which story? " : "I have no story called \"" + id.strip() + "\". ")
              + "The stories: " + String.join(", ", ids) + " (/story ID).");
    }
    Briefs.brief(c.b, story.get());
    List<FactBase.Located> ends = Briefs.firstAndLatest(story.get());
    String[] labels = {"First on file", "Latest on file"};
    for (int i = 0; i < ends.size(); i++) {
      FactBase.Located f = ends.get(i);
      c.b.fact(ref(c.base, f), f.story(), f.fact(), labels[i] + ", "
          + f.fact().date().orElseThrow().spoken() + ": " + f.fact().text());
    }
    c.b.notice("More: /timeline for every dated fact, /sources TOPIC for the sources.");
    freshness(c, ends);
    return c.b.answered(!ends.isEmpty()).build();
  }

  /** What a pasted link is: a source and the facts citing it, a feed item, or not on file. */
  private Answer link(Context c, java.net.URI url) {
    if (PastedLinks.fromFacts(c.b, c.base, url)) {
      return c.b.answered(true).build();
    }
    for (java.net.URI u : PastedLinks.spellings(url)) {
      Optional<FeedItem> item = index.itemByLink(u);
      if (item.isPresent()) {
        PastedLinks.fromFeeds(c.b, item.get());
        return c.b.answered(true).build();
      }
    }
    return c.decline("That link is not on file: no fact file or feed item I hold has it.");
  }

  /** An entity a question names: the words it was named with, and its name in the fact file. */
  public record Named(String asked, String name, boolean person) {}

  /** The entities {@code question} names, in order (for reading follow-ups against it). */
  public List<Named> named(String question) {
    Context c = context(question);
    return Briefs.named(c.question, c.base);
  }

  /** How a question is read and which facts come nearest, with their evidence. */
  public String explain(String question) {
    return context(question).finder.explain(question == null ? "" : question);
  }

  /** Sources about a topic, entity or fact, newest first. */
  public Answer sources(String topic) {
    Context c = context(topic);
    Optional<java.net.URI> link = PastedLinks.of(c.question.text());
    if (link.isPresent()) {
      return link(c, link.get());
    }
    List<FactBase.Located> named = c.base.findFact(topic);
    if (named.size() == 1) {
      return listSources(c, named);
    }
    if (c.question.isEmpty()) {
      return c.decline("Name a topic, a person or a fact: /sources palantir");
    }
    return sources(c);
  }

  /** Dated facts in order, of everything or of a topic. */
  public Answer timeline(String asked) {
    java.util.regex.Matcher paged = PAGE.matcher(asked == null ? "" : asked.strip());
    boolean alone = paged.matches() && paged.group(2) != null;
    String topic = !paged.matches() ? (asked == null ? "" : asked)
        : alone ? "" : paged.group(3).strip();
    int page = !paged.matches() ? 1 : Math.max(1, Integer.parseInt(alone ? paged.group(2)
        : paged.group(4)));
    Context c = context(topic);
    List<FactBase.Located> facts;
    if (topic.isBlank()) {
      facts = c.base.allFacts().stream().filter(f -> f.fact().date().isPresent()).toList();
    } else if (c.question.isEmpty()) {
      return c.decline("I found nothing to look for in \"" + topic + "\"; try /timeline with a"
          + " name or an event.");
    } else {
      facts = findFacts(c, 50).stream().filter(f -> f.fact().date().isPresent()).toList();
    }
    if (facts.isEmpty()) {
      return decline(c, "I have no dated facts" + (topic.isBlank() ? "" : " about that") + ".");
    }
    List<FactBase.Located> sorted = sortByDate(facts);
    int from = Math.min((page - 1) * TIMELINE_PAGE, sorted.size());
    if (from == sorted.size()) {
      return c.decline("The timeline" + (topic.isBlank() ? "" : " of " + topic) + " has "
          + sorted.size() + " dated facts; there is no page " + page + ".");
    }
    int to = Math.min(from + TIMELINE_PAGE, sorted.size());
    for (FactBase.Located f : sorted.subList(from, to)) {
      c.b.fact(ref(c.base, f), f.story(), f.fact(), dated(f.fact()));
    }
    if (to < sorted.size()) {
      c.b.notice("And " + (sorted.size() - to) + " more: /timeline "
          + (topic.isBlank() ? "" : topic + " page ") + (page + 1));
    }
    freshness(c, facts);
    return c.b.answered(true).build();
  }

  /** The fact with its date in front, unless its own words already say the date. */
  private static String dated(Fact fact) {
    String spoken = fact.date().orElseThrow().spoken();
    return fact.text().contains(spoken) ? fact.text() : spoken + ": " + fact.text();
  }

  /** One fact by name ({@code story/fact} or a bare id), with its sources and status. */
  public Answer fact(String name) {
    name = FactNames.typed(name);
    Context c = context(name);
    List<FactBase.Located> found = c.base.findFact(name);
    if (found.isEmpty()) {
      return c.decline(FactNames.unknown(c.base, name));
    }
    if (found.size() > 1) {
      List<String> names = found.stream().map(f -> f.story().story().id() + "/" + f.fact().id())
          .toList();
      return c.decline("\"" + name.strip() + "\" is in several stories: " + String.join(", ", names)
          + ". Ask for one of them.");
    }
    FactBase.Located f = found.get(0);
    c.b.fact(ref(c.base, f), f.story(), f.fact(), f.fact().date().isPresent() ? dated(f.fact())
        : f.fact().text());
    List<String> named = new ArrayList<>();
    f.fact().about().forEach(id -> f.story().entity(id).ifPresent(e -> named.add(e.name())));
    if (!named.isEmpty()) {
      c.b.sentence(Answer.Role.LISTING, "Names: " + String.join(", ", named) + ".", List.of());
    }
    freshness(c, found);
    return c.b.answered(true).build();
  }

  /** The outlets that reported a topic, each with the date it first did. */
  public Answer outlets(String topic) {
    Context c = context(topic);
    if (c.question.isEmpty() && !topic.isBlank()) {
      return c.decline("Name a topic: /outlets palantir");
    }
    return outlets(c);
  }

  /** The most recent feed items about a topic, or about any story. */
  public Answer latest(String topic) {
    return latest(context(topic));
  }

  // ----------------------------------------------------------------------------------------

  private final class Context {
    final FactBase base;
    final Question question;
    final Answer.Builder b;
    /** What to say around the facts, in the question's language. */
    final Phrases says;
    /** The date range the facts were found in, when the question named a date. */
    Optional<Queries.DateRange> range = Optional.empty();

    final FactFinder finder;
    /** The closest facts when the gate declined, to offer as places to look. */
    List<FactBase.Located> closest = List.of();

    Context(String text) {
      this.base = index.factBase();
      FactFinder f = AnswerEngine.this.finder;
      if (f.base() != base) {
        f = new FactFinder(base);
        AnswerEngine.this.finder = f;
      }
      this.finder = f;
      this.question = f.parse(text);
      this.says = Phrases.of(text);
      this.b = Answer.builder(text, url -> base.holdsLink(url) || index.holdsItemLink(url));
    }

    Answer decline(String text) {
      return b.notice(text).answered(false).build();
    }
  }

  private Context context(String text) {
    return new Context(text == null ? "" : text.strip());
  }

  private static int limitFor(Question q) {
    boolean many = q.many() || q.wants(Question.Intent.ABOUT)
        || (q.terms().isEmpty() && q.entities().isEmpty() && !q.dates().isEmpty());
    return many ? MANY_FACTS : 1;
  }

  private List<FactBase.Located> findFacts(Context c, int limit) {
    FactFinder.Found found = c.finder.find(c.question, limit);
    c.range = found.range();
    c.closest = found.closest();
    return found.facts();
  }

  /**
   * Facts for a question that names a date: those within the asked days first (a fact dated "March
   * 2026" only overlaps March 12), each group in date order.
   */
  private static List<FactBase.Located> byDate(List<FactBase.Located> facts,
      Optional<Queries.DateRange> range) {
    if (range.isEmpty()) {
      return sortByDate(facts);
    }
    Queries.DateRange r = range.get();
    List<FactBase.Located> within = new ArrayList<>();
    List<FactBase.Located> around = new ArrayList<>();
    for (FactBase.Located f : facts) {
      boolean inside = f.fact().date().map(d -> !d.start().isBefore(r.from())
          && !d.end().isAfter(r.to())).orElse(false);
      (inside ? within : around).add(f);
    }
    List<FactBase.Located> out = new ArrayList<>(sortByDate(within));
    out.addAll(sortByDate(around));
    return out;
  }

  private static List<FactBase.Located> sortByDate(List<FactBase.Located> facts) {
    List<FactBase.Located> sorted = new ArrayList<>(facts);
    sorted.sort(Comparator.comparing((FactBase.Located f) -> f.fact().date().orElse(null),
        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Briefs::fileOrder));
    return sorted;
  }

  /** The fact's own words; a when-question gets the date first if the text does not say it. */
  private static String lead(Question q, Fact fact) {
    if (q.wants(Question.Intent.WHEN) && fact.date().isPresent()
        && !fact.text().contains(Integer.toString(fact.date().get().year()))) {
      return fact.date().get().spoken() + ": " + fact.text();
    }
    return fact.text();
  }

  static Answer.FactRef ref(FactBase base, FactBase.Located f) {
    return new Answer.FactRef(f.story().story().id(), f.fact().id(), base.name(f.story(), f.fact()),
        f.fact().text(), f.fact().date(), f.fact().status(), f.fact().note());
  }

  private void pointToItems(Context c, List<FactBase.Located> facts) {
    if (c.question.itemNeeds().isEmpty()) {
      return;
    }
    List<Queries.ItemHit> items = index.items(new Queries.ItemQuery(c.question.itemNeeds(),
        Optional.of(since()), Optional.empty(), Set.of(), Queries.Order.NEWEST, ITEM_POINTERS));
    for (Queries.ItemHit h : items) {
      if (h.item().link().isPresent()) {
        int n = c.b.cite(h.item());
        c.b.sentence(Answer.Role.ITEM, "Recent coverage: " + itemLine(h.item()), List.of(n));
      }
    }
  }

  private Instant since() {
    return clock.instant().minus(options.recentItems());
  }

  private Answer latest(Context c) {
    Question q = c.question;
    Set<String> stories = q.itemNeeds().isEmpty() ? storyIds(c.base) : Set.of();
    List<Queries.ItemHit> items = index.items(new Queries.ItemQuery(q.itemNeeds(),
        Optional.of(since()), Optional.empty(), stories, Queries.Order.NEWEST, 50));
    items = items.stream().filter(h -> h.item().link().isPresent())
        .filter(h -> Mentions.all(h.item(), q)).limit(5).toList();
    if (items.isEmpty()) {
      String about = !q.entities().isEmpty() ? " about " + q.entities().get(0).asked()
          : q.terms().isEmpty() ? "" : " that mentions \u201c" + q.terms().get(0).asked() + "\u201d";
      List<FactBase.Located> facts = new ArrayList<>(q.entities().isEmpty() && q.terms().isEmpty()
          ? List.of() : sortByDate(findFacts(c, MANY_FACTS)));
      facts.removeIf(f -> f.fact().date().isEmpty());
      java.util.Collections.reverse(facts);
      if (!facts.isEmpty()) {
        c.b.notice("I have no recent coverage" + about + " in the feeds I follow; the latest"
            + " facts on file:");
        for (FactBase.Located f : facts) {
          c.b.fact(ref(c.base, f), f.story(), f.fact(),
              f.fact().date().orElseThrow().spoken() + ": " + f.fact().text());
        }
        freshness(c, facts);
        return c.b.answered(true).build();
      }
      Answer.Builder b = c.b.notice("I have no recent coverage" + about
          + " in the feeds I follow.");
      suggest(c);
      return b.answered(false).build();
    }
    for (Queries.ItemHit h : items) {
      c.b.sentence(Answer.Role.ITEM, itemLine(h.item()), List.of(c.b.cite(h.item())));
    }
    return c.b.answered(true).build();
  }

  private Answer outlets(Context c) {
    Question q = c.question;
    if (q.itemNeeds().isEmpty()) {
      return c.decline("Name a topic: /outlets palantir");
    }
    List<FactBase.Located> facts = findFacts(c, MANY_FACTS);
    List<FeedItem> items = index.items(new Queries.ItemQuery(q.itemNeeds(), Optional.empty(),
        Optional.empty(), Set.of(), Queries.Order.OLDEST, 200)).stream()
        .map(Queries.ItemHit::item).filter(i -> Mentions.all(i, q)).toList();
    Set<String> underFacts = new java.util.HashSet<>();
    for (FactBase.Located f : facts) {
      c.b.fact(ref(c.base, f), f.story(), f.fact(), f.fact().text());
      Outlets.ofFact(c.b, f);
      List<FeedItem> reporting = FactCoverage.reporting(f, items);
      Outlets.ofFactItems(c.b, reporting);
      reporting.forEach(i -> underFacts.add(i.key()));
    }
    Outlets.ofTopic(c.b, q.text(), items.stream().filter(i -> !underFacts.contains(i.key()))
        .toList());
    if (facts.isEmpty() && items.stream().noneMatch(i -> i.link().isPresent())) {
      return decline(c, "I know of no outlet that reported that.");
    }
    freshness(c, facts);
    return c.b.answered(true).build();
  }

  private Answer sources(Context c) {
    List<FactBase.Located> facts = findFacts(c, 20);
    if (facts.isEmpty()) {
      List<Queries.ItemHit> items = c.question.itemNeeds().isEmpty() ? List.of()
          : index.items(new Queries.ItemQuery(c.question.itemNeeds(), Optional.empty(),
              Optional.empty(), Set.of(), Queries.Order.NEWEST, 5));
      if (items.stream().noneMatch(h -> h.item().link().isPresent())) {
        return decline(c, "I have no sources about that.");
      }
      for (Queries.ItemHit h : items) {
        if (h.item().link().isPresent()) {
          c.b.sentence(Answer.Role.SOURCE, itemLine(h.item()) + " (news)",
              List.of(c.b.cite(h.item())));
        }
      }
      return c.b.answered(true).build();
    }
    return listSources(c, facts);
  }

  private Answer listSources(Context c, List<FactBase.Located> facts) {
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

  /**
   * Says why there is no answer; when recent coverage matches the question strongly, says that
   * no fact answers it and lists the coverage apart from the facts (still a decline, so it stays
   * on the desk's list of gaps). Then the closest facts.
   */
  private Answer decline(Context c, String why) {
    List<FeedItem> items = c.question.itemNeeds().isEmpty() ? List.of()
        : CoverageOnly.strong(index, c.question.itemNeeds(), since(), ITEM_POINTERS + 1);
    c.b.notice(items.isEmpty() ? why : c.says.coverageOnly());
    for (FeedItem item : items) {
      c.b.sentence(Answer.Role.ITEM, itemLine(item), List.of(c.b.cite(item)));
    }
    suggest(c);
    return c.b.answered(false).build();
  }

  /** Offers the closest facts, by name, as places to look; never as the answer. */
  private void suggest(Context c) {
    if (c.closest.isEmpty()) {
      return;
    }
    c.b.notice(c.says.closest());
    for (FactBase.Located f : c.closest) {
      c.b.suggest(ref(c.base, f));
      c.b.sentence(Answer.Role.LISTING, Briefs.pointer(c.base, f), List.of());
    }
  }

  private void freshness(Context c, List<FactBase.Located> facts) {
    Set<FactFile> stories = new LinkedHashSet<>();
    facts.forEach(f -> stories.add(f.story()));
    LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
    for (FactFile s : stories) {
      s.story().reviewed().ifPresent(r -> {
        if (r.end().plusDays(options.staleAfter().toDays()).isBefore(today)) {
          c.b.notice("The desk last reviewed the facts of \"" + s.story().title() + "\" "
              + (r.hasDay() ? "on " : "in ") + r.spoken() + "; newer developments may be missing.");
        }
      });
    }
  }

  /** "“Title”, Outlet, June 17, 2025"; an item of today gives its time instead of the day. */
  String itemLine(FeedItem item) {
    LocalDate day = LocalDate.ofInstant(item.published(), java.time.ZoneOffset.UTC);
    String date = day.equals(LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
        ? "today at " + java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(
            item.published().atZone(java.time.ZoneOffset.UTC)) + " UTC"
        : FactDate.of(day).spoken();
    return "\u201c" + item.displayTitle() + "\u201d, " + item.outlet() + ", " + date
        + (item.publishedEstimated() ? " (first seen)" : "");
  }

  private static Set<String> storyIds(FactBase base) {
    Set<String> ids = new LinkedHashSet<>();
    base.stories().forEach(s -> ids.add(s.story().id()));
    return ids;
  }

  private static String storyTitles(FactBase base) {
    List<String> titles = base.stories().stream().map(s -> s.story().title()).toList();
    return titles.isEmpty() ? "the stories the desk follows" : String.join("; ", titles);
  }

  private static String exampleFactName(FactBase base) {
    return base.allFacts().stream().findFirst().map(f -> base.name(f.story(), f.fact()))
        .orElse("story/fact-id");
  }
}

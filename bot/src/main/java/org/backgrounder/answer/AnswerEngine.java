package org.backgrounder.answer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.facts.Fact;
import org.backgrounder.facts.FactBase;
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
  /** How many facts an answer that wants several gives. */
  static final int MANY_FACTS = 4;

  private final SearchIndex index;
  private final Composing k;
  private final Listings listings;
  private final Timeline timeline;
  private volatile FactFinder finder = new FactFinder(FactBase.empty());

  public AnswerEngine(SearchIndex index, Clock clock, Options options) {
    this.index = index;
    this.k = new Composing(index, clock, options);
    this.listings = new Listings(k);
    this.timeline = new Timeline(k);
  }

  /** Answers a question in plain words. */
  public Answer ask(String question) {
    Asked c = context(question);
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
      return listings.latest(c);
    }
    if (q.wants(Question.Intent.OUTLETS)) {
      return listings.outlets(c);
    }
    if (q.wants(Question.Intent.SOURCES)) {
      return listings.sources(c);
    }
    int limit = limitFor(q);
    List<FactBase.Located> facts = c.findFacts(q.dates().isEmpty() ? limit : 30);
    if (facts.isEmpty()) {
      return k.decline(c, c.says.noAnswer());
    }
    int more = 0;
    if (!q.dates().isEmpty()) {
      facts = byDate(facts, c.range);
      more = Briefs.moreWithin(facts, c.range, limit);
      facts = facts.subList(0, Math.min(limit, facts.size()));
    }
    for (FactBase.Located f : facts) {
      c.b.fact(ref(c.base, f), f.story(), f.fact(), lead(c.says, q, f.fact()));
    }
    if (more > 0) {
      String when = q.dates().get(0).spoken(); // the command's argument stays as /timeline reads it
      c.b.notice(String.format(c.says.moreDated(), more, when));
    }
    pointToItems(c, facts);
    k.freshness(c, facts);
    return c.b.answered(true).build();
  }

  /** "a timeline of the designations", "cronología de las transferencias": the /timeline of it. */
  private static final java.util.regex.Pattern TIMELINE = java.util.regex.Pattern.compile(
      "(?i)\\b(timeline|chronology|cronolog[ií]a|l[ií]nea de tiempo)\\b");

  /**
   * Questions that are not searches: a pasted link, a request for the story in brief
   * ("background", "what happened?"), a timeline, and "who is X?" for an entity the desk has
   * described.
   */
  private Optional<Answer> conversational(Asked c) {
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
    List<FactBase.Located> facts = c.findFacts(MANY_FACTS);
    for (FactBase.Located f : facts) {
      c.b.fact(ref(c.base, f), f.story(), f.fact(), f.fact().text());
    }
    k.freshness(c, facts);
    return Optional.of(c.b.answered(!facts.isEmpty()).build());
  }

  /** The story in brief: the desk's summary and review date, key people, first and latest facts. */
  public Answer story(String id) {
    return story(context(""), id);
  }

  private Answer story(Asked c, String id) {
    return Briefs.answer(c, id, k);
  }

  /** What a pasted link is: a source and the facts citing it, a feed item, or not on file. */
  private Answer link(Asked c, java.net.URI url) {
    return PastedLinks.answer(c, url, index);
  }

  /** An entity a question names: the words it was named with, and its name in the fact file. */
  public record Named(String asked, String name, boolean person) {}

  /** The entities {@code question} names, in order (for reading follow-ups against it). */
  public List<Named> named(String question) {
    Asked c = context(question);
    return Briefs.named(c.question, c.base);
  }

  /** How a question is read and which facts come nearest, with their evidence. */
  public String explain(String question) {
    return context(question).finder.explain(question == null ? "" : question);
  }

  /**
   * The names and words of a question that one fact does not say, as {@link #explain} lists
   * them; empty when no fact has that id.
   */
  public List<String> unsaid(String question, String factId) {
    return context(question).finder.unsaid(question == null ? "" : question, factId);
  }

  /** Sources about a topic, entity or fact, newest first. */
  public Answer sources(String topic) {
    Asked c = context(topic);
    Optional<java.net.URI> link = PastedLinks.of(c.question.text());
    if (link.isPresent()) {
      return link(c, link.get());
    }
    List<FactBase.Located> named = c.base.findFact(topic);
    if (named.size() == 1) {
      return listings.listSources(c, named);
    }
    if (c.question.isEmpty()) {
      return c.decline("Name a topic, a person or a fact: /sources palantir");
    }
    return listings.sources(c);
  }

  /** Dated facts in order, of everything or of a topic. */
  public Answer timeline(String asked) {
    return timeline.of(asked, this::context);
  }

  /** One fact by name ({@code story/fact} or a bare id), with its sources and status. */
  public Answer fact(String name) {
    name = FactNames.typed(name);
    Asked c = context(name);
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
    c.b.fact(ref(c.base, f), f.story(), f.fact(), f.fact().date().isPresent()
        ? Composing.dated(f.fact()) : f.fact().text());
    List<String> named = new ArrayList<>();
    f.fact().about().forEach(id -> f.story().entity(id).ifPresent(e -> named.add(e.name())));
    if (!named.isEmpty()) {
      c.b.sentence(Answer.Role.LISTING, "Names: " + String.join(", ", named) + ".", List.of());
    }
    k.freshness(c, found);
    return c.b.answered(true).build();
  }

  /** The outlets that reported a topic, each with the date it first did. */
  public Answer outlets(String topic) {
    Asked c = context(topic);
    if (c.question.isEmpty() && !topic.isBlank()) {
      return c.decline("Name a topic: /outlets palantir");
    }
    return listings.outlets(c);
  }

  /** The most recent feed items about a topic, or about any story. */
  public Answer latest(String topic) {
    return listings.latest(context(topic));
  }

  // ----------------------------------------------------------------------------------------

  /** A question read against the fact base now serving, with the finder built for that base. */
  private Asked context(String text) {
    FactBase base = index.factBase();
    FactFinder f = finder;
    if (f.base() != base) {
      f = new FactFinder(base);
      finder = f;
    }
    return new Asked(index, base, f, text == null ? "" : text.strip());
  }

  private static int limitFor(Question q) {
    boolean many = q.many() || q.wants(Question.Intent.ABOUT)
        || (q.terms().isEmpty() && q.entities().isEmpty() && !q.dates().isEmpty());
    return many ? MANY_FACTS : 1;
  }

  /**
   * Facts for a question that names a date: those within the asked days first (a fact dated "March
   * 2026" only overlaps March 12), each group in date order.
   */
  private static List<FactBase.Located> byDate(List<FactBase.Located> facts,
      Optional<Queries.DateRange> range) {
    if (range.isEmpty()) {
      return Composing.sortByDate(facts);
    }
    Queries.DateRange r = range.get();
    List<FactBase.Located> within = new ArrayList<>();
    List<FactBase.Located> around = new ArrayList<>();
    for (FactBase.Located f : facts) {
      boolean inside = f.fact().date().map(d -> !d.start().isBefore(r.from())
          && !d.end().isAfter(r.to())).orElse(false);
      (inside ? within : around).add(f);
    }
    List<FactBase.Located> out = new ArrayList<>(Composing.sortByDate(within));
    out.addAll(Composing.sortByDate(around));
    return out;
  }

  /** The fact's own words; a when-question gets the date first if the text does not say it. */
  private static String lead(Phrases says, Question q, Fact fact) {
    if (q.wants(Question.Intent.WHEN) && fact.date().isPresent()
        && !fact.text().contains(Integer.toString(fact.date().get().year()))) {
      return says.date(fact.date().get()) + ": " + fact.text();
    }
    return fact.text();
  }

  static Answer.FactRef ref(FactBase base, FactBase.Located f) {
    return new Answer.FactRef(f.story().story().id(), f.fact().id(), base.name(f.story(), f.fact()),
        f.fact().text(), f.fact().date(), f.fact().status(), f.fact().note());
  }

  private void pointToItems(Asked c, List<FactBase.Located> facts) {
    if (c.question.itemNeeds().isEmpty()) {
      return;
    }
    List<Queries.ItemHit> items = index.items(new Queries.ItemQuery(c.question.itemNeeds(),
        Optional.of(k.since()), Optional.empty(), Set.of(), Queries.Order.NEWEST,
        Composing.ITEM_POINTERS));
    for (Queries.ItemHit h : items) {
      if (h.item().link().isPresent()) {
        int n = c.b.cite(h.item());
        c.b.sentence(Answer.Role.ITEM, c.says.recentCoverage() + k.itemLine(h.item(), c.says),
            List.of(n));
      }
    }
  }

  private static String storyTitles(FactBase base) {
    List<String> titles = base.stories().stream().map(s -> s.story().title()).toList();
    return titles.isEmpty() ? "the stories the desk follows" : String.join("; ", titles);
  }
}

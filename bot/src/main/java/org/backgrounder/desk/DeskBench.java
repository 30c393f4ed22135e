package org.backgrounder.desk;

import gg.jte.TemplateEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.backgrounder.facts.Entity;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactDate;
import org.backgrounder.facts.FactFile;
import org.backgrounder.facts.Story;
import org.backgrounder.feeds.FeedConfig;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.FeedState;
import org.backgrounder.feeds.StoryMatcher;
import org.backgrounder.store.AuditLog;
import org.backgrounder.store.Database;
import org.backgrounder.store.SqlAuditLog;
import org.backgrounder.store.SqlAuditReview;
import org.backgrounder.store.SqlDigestLedger;
import org.backgrounder.store.SqlFeedReview;
import org.backgrounder.store.SqlFeedStore;

/**
 * {@code bench}'s desk figures: each page's render time (data read and HTML written, as a
 * request does) over a data folder holding {@code auditRows} audit entries and {@code items}
 * feed items, written through the stores. Each story counts as reviewed 60 days ago, so the
 * facts page looks through new coverage rather than finding none.
 */
public final class DeskBench {

  private static final int FEEDS = 50;
  private static final int RUNS = 15;

  private DeskBench() {}

  /** The median render time of each page in ms, as {@code desk_PAGE_ms}. */
  public static Map<String, Object> run(FactBase shipped, int auditRows, int items, Path folder,
      PrintWriter log) throws IOException {
    Instant now = Instant.now();
    FactBase facts = reviewedAgo(shipped, LocalDate.now(ZoneOffset.UTC).minusDays(60));
    Map<String, Object> out = new LinkedHashMap<>();
    try (Database db = Database.open(folder.resolve("desk-data"))) {
      log.printf("desk: writing %d audit entries and %d feed items...%n", auditRows, items);
      log.flush();
      List<FeedConfig> feeds = seed(db, facts, auditRows, items, now);
      DeskSources src = new DeskSources(() -> facts, new SqlAuditReview(db),
          new SqlFeedReview(db), new SqlFeedStore(db), () -> feeds,
          new SqlDigestLedger(db), List.of(), u -> facts.holdsLink(u)
              || "bench.example.org".equals(u.getHost()), Duration.ofDays(90),
          Clock.systemUTC());
      TemplateEngine templates = Desk.templates();
      String story = facts.stories().get(0).story().id();
      Map<String, Supplier<String>> pages = new LinkedHashMap<>();
      pages.put("overview", () -> Desk.html(templates, "overview.jte", OverviewPage.build(src)));
      pages.put("gaps", () -> Desk.html(templates, "gaps.jte", GapsPage.build(src, 1, true)));
      pages.put("gaps_page_20", () -> Desk.html(templates, "gaps.jte",
          GapsPage.build(src, 20, true)));
      pages.put("feedback", () -> Desk.html(templates, "feedback.jte",
          FeedbackPage.build(src, 1, true)));
      pages.put("facts", () -> Desk.html(templates, "facts.jte",
          FactsPage.build(src, "", "", 1)));
      pages.put("feeds", () -> Desk.html(templates, "feeds.jte", FeedsPage.build(src)));
      pages.put("timeline", () -> Desk.html(templates, "timeline.jte",
          TimelinePage.build(src, story, 1)));
      pages.put("gaps_csv", () -> GapsPage.csv(src, true));
      for (Map.Entry<String, Supplier<String>> p : pages.entrySet()) {
        out.put("desk_" + p.getKey() + "_ms", median(p.getValue()));
      }
    }
    return out;
  }

  private static double median(Supplier<String> page) {
    for (int i = 0; i < 3; i++) {
      page.get();
    }
    long[] nanos = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      if (page.get().isEmpty()) {
        throw new IllegalStateException("a page rendered empty");
      }
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    return Math.round(nanos[RUNS / 2] / 1e4) / 100.0;
  }

  private static FactBase reviewedAgo(FactBase base, LocalDate reviewed) {
    List<FactFile> files = new ArrayList<>();
    for (FactFile f : base.stories()) {
      Story s = f.story();
      files.add(new FactFile(f.file(), new Story(s.id(), s.title(), s.summary(), s.keywords(),
          Optional.of(FactDate.of(reviewed)), s.terms()), f.entities(), f.sources(), f.facts()));
    }
    return FactBase.of(files);
  }

  /** Questions (a fifth declined, in 5,000 wordings), thumbs, items mentioning the entities. */
  private static List<FeedConfig> seed(Database db, FactBase facts, int auditRows, int items,
      Instant now) {
    Random r = new Random(42);
    List<String> names = new ArrayList<>();
    for (FactBase.Located l : facts.allFacts()) {
      names.add(facts.name(l.story(), l.fact()));
    }
    SqlAuditLog audit = new SqlAuditLog(db);
    long span = Duration.ofDays(89).toMillis();
    for (int i = 0; i < auditRows; i++) {
      Instant at = now.minusMillis((long) (r.nextDouble() * span));
      String user = (i % 3 == 0 ? "matrix:@u" : "slack:U") + r.nextInt(300);
      List<String> cited = List.of(names.get(r.nextInt(names.size())),
          names.get(r.nextInt(names.size())));
      int kind = r.nextInt(10);
      audit.add(kind < 2
          ? new AuditLog.Entry(at, "question", user, "Did group " + r.nextInt(5000)
              + " meet the navy?", cited, List.of(), Optional.of("declined"))
          : kind < 9
          ? new AuditLog.Entry(at, "question", user, "who designated cartel " + i + "?", cited,
              List.of("https://bench.example.org/a/" + i), Optional.of("answered"))
          : new AuditLog.Entry(at, "feedback", user, "who designated cartel " + i + "?", cited,
              List.of("https://bench.example.org/a/" + i, "javascript:alert(" + i + ")"),
              Optional.of(r.nextBoolean() ? "helpful" : "not-helpful")));
    }
    List<String> entityNames = new ArrayList<>();
    for (FactFile f : facts.stories()) {
      for (Entity e : f.entities()) {
        entityNames.add(e.name());
      }
    }
    String story = facts.stories().get(0).story().id();
    SqlFeedStore store = new SqlFeedStore(db);
    List<FeedConfig> feeds = new ArrayList<>();
    for (int f = 0; f < FEEDS; f++) {
      feeds.add(new FeedConfig("feed" + f, URI.create("https://bench.example.org/feed/" + f),
          "Outlet " + f, Optional.empty(), List.of(), FeedConfig.DEFAULT_INTERVAL, true));
    }
    long month = Duration.ofDays(30).toMillis();
    for (int from = 0; from < items; from += 5000) {
      List<FeedItem> batch = new ArrayList<>();
      List<List<StoryMatcher.StoryMatch>> relevance = new ArrayList<>();
      for (int i = from; i < Math.min(items, from + 5000); i++) {
        Instant published = now.minusMillis((long) (r.nextDouble() * month));
        String title = entityNames.get(r.nextInt(entityNames.size())) + " and "
            + entityNames.get(r.nextInt(entityNames.size())) + ": report " + i;
        batch.add(new FeedItem("link:https://bench.example.org/item/" + i, "feed" + (i % FEEDS),
            "Outlet " + (i % FEEDS), title, "A summary of report " + i, Optional.of(
                URI.create("https://bench.example.org/item/" + i)), published, false,
            Optional.of("en"), published));
        relevance.add(List.of(new StoryMatcher.StoryMatch(story, List.of("cartel"),
            java.util.Set.of())));
      }
      store.record(FeedState.fresh("feed" + (from / 5000 % FEEDS)), batch, relevance, false,
          Clock.systemUTC());
    }
    return feeds;
  }
}

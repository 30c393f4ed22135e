package org.backgrounder.desk;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.facts.Entity;
import org.backgrounder.facts.Fact;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFile;
import org.backgrounder.facts.Source;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.store.AuditReview;
import org.backgrounder.text.Folding;

/**
 * Every fact with its status, sources, date and last review; how often answers cited it and
 * what reporters thought of them; and the coverage published since its story was last reviewed
 * that names all of its entities, which news may have overtaken.
 */
final class FactsPage {

  /** Recent items per story looked at for new coverage: a bound, not a sample. */
  static final int COVERAGE_ITEMS = 300;
  /** Items shown per fact. */
  static final int COVERAGE_SHOWN = 3;

  record Row(String story, String name, String text, String status, String date,
      List<Views.Link> sources, String reviewed, AuditReview.Cited cited, int newCoverage,
      List<Views.Link> coverage, String coverageNote) {}

  record View(List<Row> rows, Views.Pager pager, List<String> stories, String story,
      String status) {}

  private FactsPage() {}

  static View build(DeskSources src, String story, String status, int page) {
    FactBase base = src.facts().get();
    Optional<Fact.Status> wanted = status == null ? Optional.empty() : Fact.Status.parse(status);
    List<FactBase.Located> all = new ArrayList<>();
    for (FactBase.Located l : base.allFacts()) {
      if ((story == null || story.isEmpty() || l.story().story().id().equals(story))
          && (wanted.isEmpty() || l.fact().status() == wanted.get())) {
        all.add(l);
      }
    }
    int from = Math.min(all.size(), (page - 1) * Views.PAGE);
    List<FactBase.Located> shown = all.subList(from, Math.min(all.size(), from + Views.PAGE));
    List<String> names = new ArrayList<>();
    for (FactBase.Located l : shown) {
      names.addAll(names(base, l));
    }
    Map<String, AuditReview.Cited> cited = src.audit().cited(names);
    Map<String, List<Folded>> recent = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (FactBase.Located l : shown) {
      rows.add(row(src, base, l, cited, recent));
    }
    String query = String.join("&", List.of(Views.param("story", story),
        Views.param("status", wanted.map(Fact.Status::label).orElse("")))).replaceAll("^&|&$", "");
    return new View(rows, Views.pager("/desk/facts", query, page, from + Views.PAGE < all.size()),
        base.stories().stream().map(f -> f.story().id()).toList(), story == null ? "" : story,
        wanted.map(Fact.Status::label).orElse(""));
  }

  /** How audit entries may name the fact: qualified, and bare (when one story was loaded). */
  private static List<String> names(FactBase base, FactBase.Located l) {
    return List.copyOf(new LinkedHashSet<>(List.of(l.story().story().id() + "/" + l.fact().id(),
        l.fact().id(), base.name(l.story(), l.fact()))));
  }

  private static Row row(DeskSources src, FactBase base, FactBase.Located l,
      Map<String, AuditReview.Cited> cited, Map<String, List<Folded>> recent) {
    FactFile file = l.story();
    Fact f = l.fact();
    List<Views.Link> sources = new ArrayList<>();
    for (String id : f.sources()) {
      file.sources().stream().filter(s -> s.id().equals(id)).findFirst().ifPresent(s ->
          sources.add(Views.link(s.url().toString(), label(s), src.knownLink())));
    }
    int c = 0;
    int up = 0;
    int down = 0;
    for (String n : names(base, l)) {
      AuditReview.Cited x = cited.getOrDefault(n, AuditReview.Cited.NONE);
      c += x.cited();
      up += x.helpful();
      down += x.notHelpful();
    }
    List<Views.Link> coverage = new ArrayList<>();
    int matching = 0;
    String note;
    List<Set<String>> entities = entities(file, f);
    if (file.story().reviewed().isEmpty()) {
      note = "the story has no reviewed date";
    } else if (entities.isEmpty()) {
      note = "the fact names no entity to look for";
    } else {
      Instant after = file.story().reviewed().get().end().plusDays(1)
          .atStartOfDay(ZoneOffset.UTC).toInstant();
      List<Folded> items = recent.computeIfAbsent(file.story().id(), s -> src.items()
          .relevantSince(s, after.minusMillis(1), 0, COVERAGE_ITEMS).rows().stream()
          .map(Folded::of).toList());
      for (Folded item : items) {
        if (entities.stream().allMatch(names -> names.stream().anyMatch(item::mentions))) {
          if (matching++ < COVERAGE_SHOWN) {
            coverage.add(Views.link(item.item().link().map(Object::toString).orElse(null),
                item.item().title() + " (" + item.item().outlet() + ", "
                    + item.item().published().toString().substring(0, 10) + ")",
                src.knownLink()));
          }
        }
      }
      note = matching == 0 ? "none" : "";
    }
    return new Row(file.story().id(), base.name(file, f), f.text(), f.status().label(),
        f.date().map(d -> d.spoken()).orElse(""), sources,
        file.story().reviewed().map(d -> d.spoken()).orElse("never"),
        new AuditReview.Cited(c, up, down), matching, coverage, note);
  }

  private static String label(Source s) {
    return s.title() + " (" + s.outlet() + s.published().map(d -> ", " + d.spoken()).orElse("")
        + ")";
  }

  /** Each entity the fact names, as the set of its folded names. */
  private static List<Set<String>> entities(FactFile file, Fact f) {
    Set<String> ids = new LinkedHashSet<>(f.who());
    ids.addAll(f.about());
    List<Set<String>> out = new ArrayList<>();
    for (String id : ids) {
      file.entities().stream().filter(e -> e.id().equals(id)).findFirst().ifPresent(e ->
          out.add(folded(e)));
    }
    return out;
  }

  private static Set<String> folded(Entity e) {
    Set<String> names = new LinkedHashSet<>();
    for (String n : e.names()) {
      String words = String.join(" ", Folding.foldedWords(n));
      if (!words.isEmpty()) {
        names.add(" " + words + " ");
      }
    }
    return names;
  }

  /** An item with its title and summary as folded words, for whole-word matching. */
  private record Folded(FeedItem item, String words) {
    static Folded of(FeedItem i) {
      return new Folded(i, " " + String.join(" ", Folding.foldedWords(i.title() + " "
          + i.summary())) + " ");
    }

    boolean mentions(String name) {
      return words.contains(name);
    }
  }
}

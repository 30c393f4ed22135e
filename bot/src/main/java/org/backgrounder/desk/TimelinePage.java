package org.backgrounder.desk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.backgrounder.facts.Fact;
import org.backgrounder.facts.FactFile;

/** A story's dated facts in order, each with its sources: what a reporter would print. */
final class TimelinePage {

  record Entry(String date, String text, String status, List<Views.Link> sources) {}

  record View(List<String> stories, String story, String title, List<Entry> entries,
      Views.Pager pager) {}

  private TimelinePage() {}

  static View build(DeskSources src, String story, int page) {
    List<FactFile> files = src.facts().get().stories();
    List<String> ids = files.stream().map(f -> f.story().id()).toList();
    Optional<FactFile> file = files.stream()
        .filter(f -> f.story().id().equals(story)).findFirst()
        .or(() -> files.stream().findFirst());
    if (file.isEmpty()) {
      return new View(ids, "", "", List.of(), Views.pager("/desk/timeline", "", 1, false));
    }
    List<Fact> dated = new ArrayList<>(file.get().facts().stream()
        .filter(f -> f.date().isPresent()).toList());
    dated.sort(Comparator.comparing(f -> f.date().orElseThrow()));
    int from = Math.min(dated.size(), (page - 1) * Views.PAGE);
    List<Entry> entries = new ArrayList<>();
    for (Fact f : dated.subList(from, Math.min(dated.size(), from + Views.PAGE))) {
      List<Views.Link> sources = new ArrayList<>();
      for (String id : f.sources()) {
        file.get().sources().stream().filter(s -> s.id().equals(id)).findFirst().ifPresent(s ->
            sources.add(Views.link(s.url().toString(), s.outlet() + ": " + s.title(),
                src.knownLink())));
      }
      entries.add(new Entry(f.date().orElseThrow().spoken(), f.text(),
          f.status() == Fact.Status.CONFIRMED ? "" : f.status().label(), sources));
    }
    String id = file.get().story().id();
    return new View(ids, id, file.get().story().title(), entries, Views.pager("/desk/timeline",
        Views.param("story", id), page, from + Views.PAGE < dated.size()));
  }
}

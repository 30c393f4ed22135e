package org.backgrounder.desk;

import java.util.ArrayList;
import java.util.List;
import org.backgrounder.store.AuditReview;
import org.backgrounder.store.Page;

/** Declined questions, grouped: what the fact files do not cover yet. */
final class GapsPage {

  /** Groups the CSV export holds at most. */
  static final int CSV_MAX = 10_000;

  record Row(String key, String question, int times, String lastAsked, String platforms,
      String lastAsker, List<String> suggested, boolean handled, String handledAt) {}

  record View(List<Row> rows, Views.Pager pager, boolean showAskers) {}

  private GapsPage() {}

  static View build(DeskSources src, int page, boolean showAskers) {
    Page<AuditReview.Gap> gaps = src.audit().gaps((page - 1) * Views.PAGE, Views.PAGE);
    List<Row> rows = new ArrayList<>();
    for (AuditReview.Gap g : gaps.rows()) {
      rows.add(row(g, showAskers));
    }
    return new View(rows, Views.pager("/desk/gaps", "", page, gaps.more()), showAskers);
  }

  private static Row row(AuditReview.Gap g, boolean showAskers) {
    return new Row(g.key(), g.question(), g.times(), Views.time(g.lastAsked()),
        String.join(", ", g.platforms()), Views.asker(g.lastAsker(), showAskers), g.suggested(),
        g.isHandled(), g.handled().map(Views::time).orElse(""));
  }

  /** Every group (up to {@link #CSV_MAX}) as CSV, read a page at a time. */
  static String csv(DeskSources src, boolean showAskers) {
    StringBuilder b = new StringBuilder();
    Csv.row(b, List.of("question", "times", "last_asked", "platforms", "last_asker",
        "suggested_facts", "handled_at"));
    int offset = 0;
    boolean more = true;
    while (more && offset < CSV_MAX) {
      Page<AuditReview.Gap> gaps = src.audit().gaps(offset, Page.MAX);
      for (AuditReview.Gap g : gaps.rows()) {
        Row r = row(g, showAskers);
        Csv.row(b, List.of(r.question(), Integer.toString(r.times()), r.lastAsked(),
            r.platforms(), r.lastAsker(), String.join(" ", r.suggested()),
            r.handled() ? r.handledAt() : ""));
      }
      offset += gaps.rows().size();
      more = gaps.more();
    }
    return b.toString();
  }
}

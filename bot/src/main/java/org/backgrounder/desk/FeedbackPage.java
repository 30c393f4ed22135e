package org.backgrounder.desk;

import java.util.ArrayList;
import java.util.List;
import org.backgrounder.store.AuditLog;
import org.backgrounder.store.Page;

/** Each thumbs-down, with the question and the facts and links of the answer it was about. */
final class FeedbackPage {

  record Row(String at, String asker, String question, List<String> facts, List<Views.Link> links) {}

  record View(List<Row> rows, Views.Pager pager, boolean showAskers) {}

  private FeedbackPage() {}

  static View build(DeskSources src, int page, boolean showAskers) {
    Page<AuditLog.Entry> entries = src.audit().notHelpful((page - 1) * Views.PAGE, Views.PAGE);
    List<Row> rows = new ArrayList<>();
    for (AuditLog.Entry e : entries.rows()) {
      List<Views.Link> links = new ArrayList<>();
      for (String url : e.links()) {
        links.add(Views.link(url, url, src.knownLink()));
      }
      rows.add(new Row(Views.time(e.at()), Views.asker(e.user(), showAskers), e.question(),
          e.facts(), links));
    }
    return new View(rows, Views.pager("/desk/feedback", "", page, entries.more()), showAskers);
  }
}

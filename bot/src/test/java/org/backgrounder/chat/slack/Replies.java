package org.backgrounder.chat.slack;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.backgrounder.chat.Reply;

/** Replies built the way the command layer builds them, with content that tries to misbehave. */
final class Replies {

  /** What a fact file or feed might contain that must never reach Slack as markup. */
  static final String HOSTILE = "Alert <!channel> and <@U123>: a & b <https://evil.example|safe>"
      + " @here";

  private Replies() {}

  static Reply.Link link(int n, String url, String title, String outlet) {
    return new Reply.Link(n, URI.create(url), title, outlet, Optional.of("2025-02-20"), "primary");
  }

  /** An answer with a hostile sentence, a citation, a badge, a notice, and feedback invited. */
  static Reply answer(String question) {
    return new Reply(Reply.Kind.ANSWER,
        List.of(
            new Reply.Paragraph(List.of(new Reply.Text("You asked: " + question + ". " + HOSTILE),
                new Reply.Text(" "), new Reply.Cite(1), new Reply.Text(" "),
                new Reply.Badge("Reported"))),
            new Reply.Notice(List.of(new Reply.Text("Facts checked 2025-02-20.")))),
        List.of(link(1, "https://example.org/report?id=1&lang=en", "The report | part <1>",
            "Example & Sons")),
        Optional.of(new Reply.Feedback(question, List.of("fact-one"),
            List.of("https://example.org/report?id=1&lang=en"))),
        Optional.empty());
  }

  /** A listing without feedback, as /sources gives. */
  static Reply listing(String topic) {
    return new Reply(Reply.Kind.ANSWER,
        List.of(new Reply.Entry(List.of(new Reply.Text("Sources on " + topic + " "),
            new Reply.Cite(1)))),
        List.of(link(1, "https://example.org/sources", "Listing", "Example")),
        Optional.empty(), Optional.of("/sources " + topic));
  }
}

package org.backgrounder.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backgrounder.answer.Answer;
import org.backgrounder.answer.Citation;
import org.backgrounder.chat.Reply;
import org.backgrounder.facts.Fact;
import org.backgrounder.facts.FactDate;

/** Turns an answer into a neutral reply: one block per sentence, citations as numbered links. */
public final class AnswerReplies {

  private AnswerReplies() {}

  /** Status badges as a Spanish reply says them. */
  private static final Map<Fact.Status, String> STATUS_ES = Map.of(
      Fact.Status.CONFIRMED, "confirmado", Fact.Status.REPORTED, "reportado",
      Fact.Status.DISPUTED, "en disputa");

  /** Kinds of source as a Spanish reply says them. */
  private static final Map<String, String> KIND_ES = Map.of("primary", "fuente primaria",
      "news", "noticia", "analysis", "análisis", "commentary", "opinión");

  /**
   * @param feedback whether the reply invites a thumbs-up or thumbs-down (answers to questions)
   * @param continuation the command that shows more, if a platform has to cut the reply
   */
  public static Reply reply(Answer a, boolean feedback, Optional<String> continuation) {
    boolean es = a.spanish();
    List<Reply.Block> blocks = new ArrayList<>();
    long sources = a.sentences().stream().filter(s -> s.role() == Answer.Role.SOURCE).count();
    for (Answer.Sentence s : a.sentences()) {
      if (s.role() == Answer.Role.SOURCE) {
        // The numbered links say it all; the lines would repeat each source.
        if (sources > 0) {
          blocks.add(new Reply.Paragraph(List.of(new Reply.Text(es
              ? (sources == 1 ? "Una fuente, con su enlace:"
                  : sources + " fuentes, de la más reciente a la más antigua:")
              : sources == 1 ? "One source, with its link:" : sources + " sources, newest first:"))));
          sources = 0;
        }
        continue;
      }
      List<Reply.Span> spans = new ArrayList<>();
      if (s.citations().isEmpty() && (s.role() == Answer.Role.NOTICE
          || s.role() == Answer.Role.LISTING)) {
        spans.addAll(Reply.withCommands(s.text()));
      } else {
        spans.add(new Reply.Text(s.text()));
      }
      for (int n : s.citations()) {
        spans.add(new Reply.Text(" "));
        spans.add(new Reply.Cite(n));
      }
      s.status().filter(st -> st != Fact.Status.CONFIRMED).ifPresent(st -> {
        spans.add(new Reply.Text(" "));
        spans.add(new Reply.Badge(es ? STATUS_ES.getOrDefault(st, st.label()) : st.label()));
      });
      blocks.add(switch (s.role()) {
        case FACT, DESK -> new Reply.Paragraph(spans);
        case ITEM, LISTING -> new Reply.Entry(spans);
        case NOTICE -> new Reply.Notice(spans);
        case SOURCE -> throw new IllegalStateException("source lines are shown as their links");
      });
      s.note().ifPresent(note -> blocks.add(new Reply.Notice(List.of(
          new Reply.Text((es ? "Nota: " : "Note: ") + note)))));
    }
    List<Reply.Link> links = new ArrayList<>();
    for (Citation c : a.citations()) {
      String kind = c.sourceId().isEmpty() ? "news" : c.kind();
      links.add(new Reply.Link(c.n(), c.url(), c.title(), c.outlet(),
          c.published().map(p -> day(p, es)), es ? KIND_ES.getOrDefault(kind, kind) : kind));
    }
    // A declined answer is about the facts it offered instead: the audit log keeps them, so the
    // desk sees what the bot pointed to when it had no answer.
    Optional<Reply.Feedback> fb = feedback
        ? Optional.of(new Reply.Feedback(a.question(),
            (a.answered() ? a.facts() : a.suggestions()).stream().map(Answer.FactRef::name)
                .toList(),
            a.citations().stream().map(c -> c.url().toString()).toList()))
        : Optional.empty();
    return new Reply(a.answered() ? Reply.Kind.ANSWER : Reply.Kind.DECLINED, blocks, links, fb,
        continuation, es ? "es" : "en");
  }

  /**
   * A date as readers say it ("June 17, 2025"), the same style as the reply's sentences: a feed
   * item's instant becomes its day; fact-file dates are already days, months or years.
   */
  private static String day(String published, boolean es) {
    int t = published.indexOf('T');
    String day = t > 0 ? published.substring(0, t) : published;
    return FactDate.parse(day).map(es ? FactDate::spokenEs : FactDate::spoken).orElse(day);
  }
}

package org.backgrounder.answer;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backgrounder.facts.FactBase;

/** {@code /timeline}: dated facts in order, of everything or of a topic, a page at a time. */
final class Timeline {

  /** How many facts a page of {@code /timeline} shows. */
  static final int PAGE_SIZE = 15;
  /** "/timeline 2", "/timeline rubio page 2": a page number, after a topic or alone. */
  private static final Pattern PAGE =
      Pattern.compile("^()(\\d{1,3})$|^(.+?)\\s+(?:page|p\\u00e1gina)\\s+(\\d{1,3})$");

  private final Composing k;

  Timeline(Composing k) {
    this.k = k;
  }

  /** The page {@code asked} names ("rubio page 2", "2", "rubio"), read by {@code context}. */
  Answer of(String asked, Function<String, Asked> context) {
    Matcher paged = PAGE.matcher(asked == null ? "" : asked.strip());
    boolean alone = paged.matches() && paged.group(2) != null;
    String topic = !paged.matches() ? (asked == null ? "" : asked)
        : alone ? "" : paged.group(3).strip();
    int page = !paged.matches() ? 1 : Math.max(1, Integer.parseInt(alone ? paged.group(2)
        : paged.group(4)));
    Asked c = context.apply(topic);
    List<FactBase.Located> facts;
    if (topic.isBlank()) {
      facts = c.base.allFacts().stream().filter(f -> f.fact().date().isPresent()).toList();
    } else if (c.question.isEmpty()) {
      return c.decline("I found nothing to look for in \"" + topic + "\"; try /timeline with a"
          + " name or an event.");
    } else {
      facts = c.findFacts(50).stream().filter(f -> f.fact().date().isPresent()).toList();
    }
    if (facts.isEmpty()) {
      return k.decline(c, "I have no dated facts" + (topic.isBlank() ? "" : " about that") + ".");
    }
    List<FactBase.Located> sorted = Composing.sortByDate(facts);
    int from = Math.min((page - 1) * PAGE_SIZE, sorted.size());
    if (from == sorted.size()) {
      return c.decline("The timeline" + (topic.isBlank() ? "" : " of " + topic) + " has "
          + sorted.size() + " dated facts; there is no page " + page + ".");
    }
    int to = Math.min(from + PAGE_SIZE, sorted.size());
    for (FactBase.Located f : sorted.subList(from, to)) {
      c.b.fact(AnswerEngine.ref(c.base, f), f.story(), f.fact(), Composing.dated(f.fact()));
    }
    if (to < sorted.size()) {
      c.b.notice("And " + (sorted.size() - to) + " more: /timeline "
          + (topic.isBlank() ? "" : topic + " page ") + (page + 1));
    }
    k.freshness(c, facts);
    return c.b.answered(true).build();
  }
}

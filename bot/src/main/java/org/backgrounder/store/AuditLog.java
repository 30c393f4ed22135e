package org.backgrounder.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the desk may review: the questions asked, the facts and links they were answered with,
 * and the thumbs-up or thumbs-down people gave. Entries are kept for a set number of days.
 */
public interface AuditLog {

  /**
   * One entry.
   *
   * @param kind {@code question} or {@code feedback}
   * @param user {@code platform:id}
   * @param facts the fact ids answered with (story/fact)
   * @param links the URLs cited
   * @param verdict for feedback: {@code helpful} or {@code not-helpful}; for questions: whether
   *     it was {@code answered} or {@code declined}
   */
  record Entry(Instant at, String kind, String user, String question, List<String> facts,
      List<String> links, Optional<String> verdict) {
    public Entry {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(user, "user");
      question = question == null ? "" : question;
      facts = List.copyOf(facts);
      links = List.copyOf(links);
      Objects.requireNonNull(verdict, "verdict");
    }
  }

  void add(Entry entry);

  /** Entries in {@code [from, to)}, oldest first. */
  List<Entry> between(Instant from, Instant to);

  /** Deletes entries older than {@code before}; returns how many. */
  int prune(Instant before);
}

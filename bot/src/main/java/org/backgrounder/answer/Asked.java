package org.backgrounder.answer;

import java.util.List;
import java.util.Optional;
import org.backgrounder.facts.FactBase;
import org.backgrounder.index.Queries;
import org.backgrounder.index.SearchIndex;

/**
 * One question on its way to an answer: the fact base it is read against, how it was read, the
 * answer being built, and what the fact search found. Used by one thread, for one question.
 */
final class Asked {

  final FactBase base;
  final Question question;
  final Answer.Builder b;
  /** What to say around the facts, in the question's language. */
  final Phrases says;
  /** The date range the facts were found in, when the question named a date. */
  Optional<Queries.DateRange> range = Optional.empty();

  final FactFinder finder;
  /** The closest facts when the gate declined, to offer as places to look. */
  List<FactBase.Located> closest = List.of();

  /** {@code finder} is the one built for {@code base}, the index's fact base now serving. */
  Asked(SearchIndex index, FactBase base, FactFinder finder, String text) {
    this.base = base;
    this.finder = finder;
    this.question = finder.parse(text);
    this.says = question.spanish() ? Phrases.SPANISH : Phrases.ENGLISH;
    this.b = Answer.builder(text, url -> base.holdsLink(url) || index.holdsItemLink(url))
        .spanish(question.spanish());
  }

  Answer decline(String text) {
    return b.notice(text).answered(false).build();
  }

  /** The facts that answer the question, at most {@code limit}; keeps the range and the closest. */
  List<FactBase.Located> findFacts(int limit) {
    FactFinder.Found found = finder.find(question, limit);
    range = found.range();
    closest = found.closest();
    found.firstAsk().ifPresent(ask -> b.notice(String.format(says.firstAskOnly(), ask)));
    return found.facts();
  }
}

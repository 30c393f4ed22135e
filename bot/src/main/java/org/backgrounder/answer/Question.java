package org.backgrounder.answer;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.backgrounder.index.Need;

/**
 * A question as understood: what kind of answer it wants, what every answer must contain, what
 * would merely help, and the dates it names.
 *
 * @param needs words and entities every fact or item answering must contain
 * @param soft words that rank results but are not required ("react", story keywords)
 * @param entities the entities the question named, in order
 * @param many whether the question asks for more than one thing ("which groups", "list")
 */
record Question(String text, Set<Intent> intents, List<Need> needs, List<Need.Word> soft,
    List<Need.Entity> entities, List<DateMention> dates, boolean many) {

  /** What kind of answer a question wants; a question can want several (who and when). */
  enum Intent { WHO, WHEN, ABOUT, HAPPENED, OUTLETS, LATEST, SOURCES }

  Question {
    intents = intents.isEmpty() ? EnumSet.noneOf(Intent.class) : EnumSet.copyOf(intents);
    needs = List.copyOf(needs);
    soft = List.copyOf(soft);
    entities = List.copyOf(entities);
    dates = List.copyOf(dates);
  }

  boolean wants(Intent i) {
    return intents.contains(i);
  }

  /** Nothing to search for: no word, name or date. */
  boolean isEmpty() {
    return needs.isEmpty() && soft.isEmpty() && dates.isEmpty();
  }
}

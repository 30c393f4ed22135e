package org.backgrounder.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The separate asks of a question typed as several ("who runs frontera vota, and have they
 * flagged anything?", "judge in the ballot case — name + which court"). When no fact answers the
 * whole, the first ask is the one the reporter leads with, and a fact that answers it is worth
 * showing.
 */
final class Clauses {

  private static final String ASK = "(?:what|what's|whats|who|who's|whos|when|where|why|how|"
      + "which|did|does|do|is|are|was|were|has|have|had|can|could|will|would|any|"
      + "qué|que|quién|quien|quiénes|quienes|cuándo|cuando|cómo|como|cuánto|cuanto|cuántos|"
      + "cuantos|cuántas|cuantas|dónde|donde|cuál|cual|por qué|por que)\\b";
  private static final Pattern BREAK = Pattern.compile(
      "\\?\\s+|[;:]\\s+|\\s+[-–—+/]\\s+|,\\s*(?:(?:and|or|y|o)\\s+)?(?=" + ASK + ")"
          + "|\\s+(?:and|or|y|o)\\s+(?=" + ASK + ")",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private Clauses() {}

  /** The question's asks in order; one element when it asks one thing. */
  static List<String> of(String question) {
    List<String> out = new ArrayList<>();
    for (String part : BREAK.split(question.strip())) {
      String p = part.strip();
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out.isEmpty() ? List.of(question) : out;
  }
}

package org.backgrounder.answer;

import org.backgrounder.facts.FactDate;

/** What the bot says around the facts when it declines or answers in part, in the question's language. */
record Phrases(String noAnswer, String askHint, String closest, String coverageOnly,
    String firstAskOnly, String noRecent, String noRecentLatestFacts, String aboutTopic,
    String mentioning, String stale, String onDay, String inPeriod, String recentCoverage,
    String todayAt, String firstSeen, String moreDated, boolean spanish) {

  static final Phrases ENGLISH = new Phrases("I have no sourced answer to that.",
      "Ask about a person, an organization, an event or a date; /help lists what I can do.",
      "The closest facts on file (/fact ID shows one in full):",
      "No fact on file answers that. Recent coverage:",
      "This answers \"%s\"; no fact on file answers the rest of the question.",
      "I have no recent coverage%s in the feeds I follow.",
      "I have no recent coverage%s in the feeds I follow; the latest facts on file:",
      " about %s", " that mentions \u201c%s\u201d",
      "The desk last reviewed the facts of \"%s\" %s; newer developments may be missing.",
      "on %s", "in %s", "Recent coverage: ", "today at %s UTC", " (first seen)",
      "And %d more dated %2$s: /timeline %2$s lists them.", false);

  static final Phrases SPANISH = new Phrases("No tengo una respuesta con fuentes para eso.",
      "Pregunte por una persona, una organización, un hecho o una fecha; /help muestra lo que"
          + " puedo hacer.",
      "Los hechos más cercanos en el archivo (/fact ID muestra uno completo):",
      "Ningún hecho del archivo responde a eso. Cobertura reciente:",
      "Esto responde a \"%s\"; ningún hecho del archivo responde al resto de la pregunta.",
      "No tengo cobertura reciente%s en los medios que sigo.",
      "No tengo cobertura reciente%s en los medios que sigo; los hechos más recientes del"
          + " archivo:",
      " sobre %s", " que mencione \u201c%s\u201d",
      "La mesa revisó por última vez los hechos de \"%s\" %s; puede faltar lo más reciente.",
      "el %s", "en %s", "Cobertura reciente: ", "hoy a las %s UTC", " (vista por primera vez)",
      "Y %d más con esa fecha: /timeline %s los muestra.", true);

  /** A date as this language says it: "June 17, 2025", "17 de junio de 2025". */
  String date(FactDate d) {
    return spanish ? d.spokenEs() : d.spoken();
  }

  /** "on June 17, 2025" or "in June 2025"; "el 17 de junio de 2025" or "en junio de 2025". */
  String when(FactDate d) {
    return String.format(d.hasDay() ? onDay : inPeriod, date(d));
  }
}

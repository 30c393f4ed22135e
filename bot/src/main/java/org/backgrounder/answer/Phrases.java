package org.backgrounder.answer;

import org.backgrounder.text.Folding;

/** What the bot says around the facts when it declines or answers in part, in the question's language. */
record Phrases(String noAnswer, String askHint, String closest, String coverageOnly,
    String firstAskOnly, String noRecent, String noRecentLatestFacts, String aboutTopic,
    String mentioning) {

  static final Phrases ENGLISH = new Phrases("I have no sourced answer to that.",
      "Ask about a person, an organization, an event or a date; /help lists what I can do.",
      "The closest facts on file (/fact ID shows one in full):",
      "No fact on file answers that. Recent coverage:",
      "This answers \"%s\"; no fact on file answers the rest of the question.",
      "I have no recent coverage%s in the feeds I follow.",
      "I have no recent coverage%s in the feeds I follow; the latest facts on file:",
      " about %s", " that mentions \u201c%s\u201d");

  static final Phrases SPANISH = new Phrases("No tengo una respuesta con fuentes para eso.",
      "Pregunte por una persona, una organización, un hecho o una fecha; /help muestra lo que"
          + " puedo hacer.",
      "Los hechos más cercanos en el archivo (/fact ID muestra uno completo):",
      "Ningún hecho del archivo responde a eso. Cobertura reciente:",
      "Esto responde a \"%s\"; ningún hecho del archivo responde al resto de la pregunta.",
      "No tengo cobertura reciente%s en los medios que sigo.",
      "No tengo cobertura reciente%s en los medios que sigo; los hechos más recientes del"
          + " archivo:",
      " sobre %s", " que mencione \u201c%s\u201d");

  /** The phrases for a question: Spanish when the question reads as Spanish. */
  static Phrases of(String question) {
    return QuestionParser.spanish(Folding.fold(question == null ? "" : question)) ? SPANISH
        : ENGLISH;
  }
}

package org.backgrounder.answer;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The phrasings that reveal what kind of answer a question wants (grammar, not vocabulary: the
 * words themselves are in vocabulary.txt). All folded (lower case, no accents).
 */
final class Lexicon {

  private Lexicon() {}

  /** A set of words; the lists are long and a word listed twice is harmless. */
  private static Set<String> words(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }

  /**
   * Words about coverage itself. Soft in any question; dropped altogether when the question asks
   * for outlets, sources or the latest items, where they only say what kind of answer is wanted.
   */
  static final Set<String> COVERAGE = words(
      "latest", "newest", "recent", "recently", "news", "new", "update", "updates", "coverage",
      "outlet", "outlets", "media", "press", "publication", "publications", "newspaper",
      "newspapers", "paper", "papers", "source", "sources", "sourced", "reported", "report",
      "reports", "reporting", "covered", "cover", "covering", "wrote", "written", "published",
      "publish", "broke", "revealed", "relayed", "journalist", "journalists", "reporter",
      "reporters", "article", "articles", "website", "websites", "site", "sites", "evidence",
      "document", "documents", "first",
      "noticias", "ultimas", "ultimo", "ultima", "novedades", "medios", "medio", "fuentes",
      "fuente", "informo", "informaron", "reporto", "reportaron", "publico", "publicaron",
      "revelo", "articulo", "articulos");

  /** Verbs of speaking: "what did X say?" is answered by facts in which X is the speaker. */
  static final Set<String> SAY = words("say", "said", "says", "saying", "claim", "claimed",
      "claims", "argue", "argued", "argues", "state", "stated", "comment", "commented", "think",
      "thinks", "thought", "dijo", "dice", "dicen", "dijeron", "declaro", "afirmo", "opina", "opino");

  // Intents, matched on the folded question.
  static final Pattern LATEST = Pattern.compile(
      "\\b((latest|newest|most recent|recent) (news|coverage|reports?|articles?|stories|items"
      + "|headlines|updates?)|latest on|news (on|about|of)|what'?s new|anything new|updates? on"
      + "|new coverage|ultimas? noticias"
      + "|lo ultimo|novedades|lo mas reciente|que hay de nuevo|algo nuevo)\\b");
  static final Pattern OUTLETS = Pattern.compile(
      "\\b((which|what) (news ?)?(outlets?|media|news (organizations|outlets|sites|sources)"
      + "|publications?|newspapers?|papers|reporters|journalists|websites|sites)"
      + "|who (first )?(reported|broke|covered|wrote about|published|revealed|relayed)"
      + "|who (has )?reported|(which|what) outlets?|reported (it|this|that) first"
      + "|que medios|cuales medios|quien(es)? (informo|informaron|reporto|reportaron|publico"
      + "|publicaron|revelo))\\b");
  static final Pattern SOURCES = Pattern.compile(
      "\\b((what|which) (are the )?(sources?|documents?|evidence)|sources? (for|on|about|behind|of)"
      + "|where (does|did) (this|that|it) come from|how do (we|you) know|cite|citations?"
      + "|que fuentes|fuentes (de|sobre|para))\\b");
  static final Pattern WHEN = Pattern.compile(
      "\\b(when|what date|which date|what day|which day|what year|which year|since when"
      + "|how long ago|cuando|que fecha|que dia|en que fecha|en que ano)\\b");
  static final Pattern WHO = Pattern.compile("\\b(who|whom|whose|quien|quienes)\\b");
  static final Pattern ABOUT = Pattern.compile(
      "^(what (do|does|did) (we|you|the desk) (know|have) (about|on)|tell (me|us) (about|more about)"
      + "|what about|who is|who are|who was|who were|what is|what are|what was|what were"
      + "|background on|give me (the )?background|overview of|summary of|summarize|describe"
      + "|que sabemos (del|de|sobre)|quien es|quienes son|que es|que son|hablame de|cuentame (de|sobre))\\b");
  static final Pattern HAPPENED = Pattern.compile(
      "\\b(what happened|what occurred|what took place|what went on|events?|que paso|que ocurrio"
      + "|que sucedio)\\b");
  static final Pattern MANY = Pattern.compile(
      "\\b((which|what) (groups|organizations|cartels|gangs|entities|people|countries|agencies"
      + "|companies|outlets|steps|actions|measures|facts|articles|changes)|list|all the|every"
      + "|name the|what are|what were|who are|who were|cuales|que grupos)\\b");
  /** Questions that want a figure. */
  static final Pattern NUMBER = Pattern.compile(
      "\\b(how many|how much|what percent(age)?|what share|what number|how big|how large"
      + "|cuantos|cuantas|cuanto|cuanta|que porcentaje|por cuantos|(death|case|body) (toll|count)|toll|tally"
      + "|cifra|saldo|number of|count of|total number|numero de|cantidad de)\\b");
}

package org.backgrounder.answer;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words that shape a question rather than say what it is about, in English and Spanish, and
 * the phrasings that reveal what kind of answer is wanted. All folded (lower case, no accents).
 */
final class Lexicon {

  private Lexicon() {}

  /** A set of words; the lists are long and a word listed twice is harmless. */
  private static Set<String> words(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }

  /** Question scaffolding: never something a fact must contain. */
  static final Set<String> SCAFFOLDING = words(
      // English function words
      "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "about", "as",
      "into", "onto", "over", "under", "between", "against", "during", "before", "after", "since",
      "until", "than", "and", "or", "but", "nor", "so", "if", "then", "that", "this", "these",
      "those", "there", "here", "it", "its", "it's", "they", "them", "their", "he", "him", "his",
      "she", "her", "hers", "we", "us", "our", "you", "your", "i", "me", "my", "mine", "one",
      "any", "some", "all", "each", "every", "both", "either", "neither", "other", "another",
      "such", "own", "same", "very", "just", "also", "too", "only", "even", "still", "yet",
      "ever", "now", "already", "again", "really", "actually", "exactly", "ago", "out", "up",
      "off", "down", "away", "back", "upon", "via", "per", "whole",
      // question words and auxiliaries
      "who", "whom", "whose", "what", "whats", "when", "where", "why", "how", "which", "whether",
      "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done",
      "doing", "has", "have", "had", "having", "will", "would", "shall", "should", "can",
      "could", "may", "might", "must", "not", "no", "yes", "isnt", "wasnt", "didnt", "doesnt",
      "dont", "arent", "werent",
      // conversational framing
      "please", "tell", "say", "said", "says", "know", "known", "knows", "explain", "describe",
      "give", "show", "list", "name", "find", "search", "look", "looking", "need",
      "like", "thanks", "thank", "hi", "hello", "hey", "bot", "backgrounder", "anything",
      "something", "everything", "info", "information", "details", "detail", "background",
      "overview", "summary", "summarize", "story", "stories", "happened", "happen", "happens",
      "happening", "going", "exactly", "whom", "someone", "somebody", "anyone", "anybody",
      "thing", "things", "kind", "sort", "lot", "lots", "much", "many", "more", "most",
      "date", "day", "time", "year", "month", "today", "yesterday", "week",
      // Spanish
      "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "de", "del", "al", "en",
      "y", "e", "o", "u", "a", "por", "para", "con", "sin", "sobre", "entre", "hasta", "desde",
      "que", "quien", "quienes", "cual", "cuales", "cuando", "donde", "como", "cuanto", "cuantos",
      "porque", "es", "son", "fue", "fueron", "era", "eran", "ser", "ha", "han", "he", "hay",
      "habia", "se", "su", "sus", "le", "les", "nos", "me", "te", "mi", "tu", "este", "esta",
      "estos", "estas", "ese", "esa", "eso", "esto", "sabemos", "sabe", "saber", "dime",
      "dinos", "cuentame", "hablame", "paso", "pasa", "ocurrio", "sucedio", "dijo", "dijeron",
      "fecha", "dia", "ano", "mes", "hoy", "ayer", "muy", "mas", "tambien", "ya", "no", "si",
      "cuanto", "cuanta", "cuantas", "ha", "habido", "hubo", "fueron", "estan", "esta", "estaba");

  /** "Is it over?": the last word asks whether something ended. */
  static final java.util.regex.Pattern OVER = java.util.regex.Pattern.compile(
      "\\b(over|finished|done|terminada|terminado|acabada|acabado)\\W*$");

  /** Words that ask for history ("has it happened before?"), answered by earlier events. */
  static final Set<String> HISTORY_CUES = words("before", "earlier", "previously", "previous",
      "ever", "prior", "past", "antes", "anteriormente", "anterior", "history", "historia");

  /** What a history question is satisfied by. */
  static final Set<String> HISTORY = words("earlier", "previous", "before", "history", "past",
      "prior", "former", "formerly", "first", "anterior", "antes", "historia", "background");

  /** What a why-question is satisfied by, softly: facts that give causes rank higher. */
  static final Set<String> CAUSE = words("why", "cause", "caused", "reason", "reasons", "because",
      "against", "protest", "motive", "porque", "causa", "razon", "motivo", "contra");

  static final java.util.regex.Pattern WHY = java.util.regex.Pattern.compile(
      "\\b(why|what caused|what was behind|reason|por que|porque|a que se debe|cual fue la causa)\\b");

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

  /**
   * Generic verbs and nouns a question may use without the answer having to contain them: "How
   * did Mexico react?" is answered by a fact about Mexico's response. Never a name or a topic word.
   */
  static final Set<String> SOFT = words(
      "think", "thinks", "thought", "view", "views", "feel",
      "felt", "see", "saw", "seen", "make", "made", "makes", "take", "took", "taken", "get",
      "got", "go", "went", "come", "came", "involve", "involved", "involvement", "role", "part",
      "play", "played", "relate", "related", "relation", "concern", "concerning", "regarding",
      "mean", "means", "meant", "deal", "dealt", "handle", "handled", "position", "stance",
      "stand", "do", "doing", "officially", "official", "formally", "formal", "exact",
      "specific", "specifically", "main", "key", "important", "significant", "current",
      "currently", "original", "originally", "initial", "initially", "finally", "eventually",
      "papel", "postura", "hizo", "hacer", "try", "tried", "tries", "trying", "attempt",
      "attempted", "attempts", "long", "terms", "term's", "conditions", "provisions", "per",
      "intento", "intentaron", "actually", "basically", "kind", "type", "types", "obtuvieron",
      "obtuvo", "received", "receive", "get", "got", "gotten", "use", "used", "uses", "using",
      "help", "helped", "become", "became", "becomes", "place", "last", "lasted");

  /** Verbs of speaking: "what did X say?" is answered by facts in which X is the speaker. */
  static final Set<String> SAY = words("say", "said", "says", "saying", "claim", "claimed",
      "claims", "argue", "argued", "argues", "state", "stated", "comment", "commented", "think",
      "thinks", "thought", "dijo", "dice", "dijeron", "declaro", "afirmo", "opina", "opino");

  /**
   * Words that mean the same for our purposes; a question using one is answered by a fact using
   * any. The word is still required: "Did the cartel respond?" is not answered by a fact that
   * merely mentions the cartel.
   */
  static final java.util.Map<String, Set<String>> SYNONYMS = groups(
      words("react", "reacted", "reacts", "reaction", "reactions", "respond", "responded",
          "responds", "response", "responses", "reply", "replied", "object", "objected",
          "objection", "objections", "oppose", "opposed", "opposition", "criticize", "criticized",
          "criticism", "criticised", "criticise", "condemn", "condemned", "reject", "rejected",
          "protest", "protested", "reaccion", "reacciono", "respuesta", "respondio", "rechazo",
          "rechazo", "critica", "critico", "objecion"),
      words("work", "worked", "working", "works", "collaborate", "collaborated", "collaboration",
          "cooperate", "cooperated", "cooperation", "partner", "partnered", "partnership",
          "colaboracion", "colaboro", "trabajo", "trabaja"),
      words("ban", "banned", "outlaw", "outlawed", "prohibit", "prohibited", "prohibicion"),
      words("designate", "designated", "designates", "designation", "designations", "label",
          "labeled", "labelled", "labelling", "labeling", "classify", "classified",
          "classification", "reclassify", "reclassified", "designo",
          "designar", "designacion", "designaciones", "clasifico", "catalogo"),
      words("surveil", "surveillance", "spy", "spying", "monitor", "monitoring", "track",
          "tracking", "espionage", "vigilancia", "espionaje"),
      words("law", "statute", "legal", "legislation", "act", "basis", "authority", "ley"),
      words("change", "changes", "amend", "amendment", "amendments", "reform", "reforms",
          "reforma", "reformas", "modify", "modification"),
      words("decide", "decided", "decision", "determine", "determined", "determination",
          "conclude", "concluded", "decidio", "determino", "decision"),
      words("group", "groups", "organization", "organizations", "organisation", "organisations",
          "gang", "gangs", "entity", "entities", "grupo", "grupos", "organizacion",
          "organizaciones", "banda", "bandas"),
      words("call", "called", "name", "named", "known", "dubbed", "llamado", "llamada",
          "conocido", "conocida", "nombre"),
      words("spot", "spots", "detect", "detects", "detected", "detection", "identify",
          "identifies", "identified", "flag", "flags", "flagged", "find", "finds", "uncover",
          "detectar", "detecta", "identificar"),
      words("concern", "concerns", "concerned", "worry", "worries", "fear", "fears", "warn",
          "warns", "warned", "warning", "risk", "risks", "threat", "threats", "threaten",
          "threatens", "debate", "preocupacion", "preocupaciones", "riesgo", "riesgos"),
      words("win", "won", "award", "awarded", "awards", "secure", "secured", "receive",
          "received", "gano", "ganaron", "adjudico", "adjudicado", "obtuvo"),
      words("disputed", "dispute", "disputes", "contested", "contest", "deny", "denied",
          "denies", "challenge", "challenged", "disputa", "disputado", "niega", "nego"),
      words("begin", "began", "begun", "start", "started", "starts", "starting", "commence",
          "commenced", "launch", "launched", "empezo", "empezar", "empieza", "comenzo",
          "comenzar", "inicio", "iniciar", "inicia", "iniciaron", "arranco"),
      words("end", "ended", "ends", "ending", "finish", "finished", "conclude",
          "concluded", "terminate", "terminated", "termino", "terminar", "termina", "fin",
          "acabo", "concluyo"),
      words("stop", "stopped", "stops", "halt", "halted", "walkout", "walk", "walked", "strike",
          "strikes", "striking", "struck", "huelga", "huelgas", "paro", "paros", "pararon",
          "parar", "paralizan", "paralizo"),
      words("money", "cost", "costs", "price", "worth", "value", "pesos", "dollars", "dinero",
          "costo", "costos", "precio", "valor", "monto", "losses", "loss", "perdidas"),
      words("demand", "demands", "demanded", "want", "wanted", "wants", "exige", "exigen",
          "exigio", "exigieron", "demanda", "demandas", "pide", "piden", "pidio", "pidieron",
          "reclama", "reclamo"),
      words("lead", "leads", "led", "leader", "leaders", "leading", "head", "heads", "headed",
          "encabeza", "encabezo", "dirige", "dirigio", "lidera", "lidero", "lider"),
      words("tell", "told", "inform", "informed", "notify", "notified", "notification",
          "advise", "advised", "notifico", "informo", "aviso"),
      words("publish", "published", "publication", "publico", "publicado", "publicada",
          "publicar", "publicacion", "publicaron"),
      words("announce", "announced", "announcement", "anuncio", "anuncia", "anunciar",
          "anunciaron"),
      words("sign", "signed", "signing", "firmo", "firma", "firmar", "firmado", "firmada"),
      words("sovereignty", "sovereign", "soberania", "soberano", "soberana"),
      words("government", "gobierno", "administration", "administracion"),
      words("president", "presidente", "presidenta"),
      words("worker", "workers", "employees", "trabajador", "trabajadores", "empleados"),
      words("port", "ports", "harbor", "harbour", "puerto", "puertos"),
      words("ship", "ships", "vessel", "vessels", "buque", "buques", "barco", "barcos",
          "naviera", "navieras"),
      words("court", "tribunal", "judge", "juez", "juzgado", "corte"),
      words("ruling", "ruled", "rule", "resolution", "verdict", "decision", "resolucion",
          "fallo", "sentencia", "dictamen"),
      words("agreement", "agreed", "deal", "accord", "settlement", "acuerdo", "convenio",
          "pacto"),
      words("raise", "increase", "rise", "aumento", "incremento", "alza"),
      words("wage", "wages", "salary", "salaries", "pay", "paid", "salario", "salarios",
          "sueldo", "sueldos"),
      words("talks", "negotiation", "negotiations", "negotiate", "negotiated", "dialogue",
          "dialog", "mediation", "mediated", "dialogo", "negociacion", "negociaciones",
          "mesa"),
      words("law", "ley", "leyes"),
      words("order", "orden", "decree", "decreto"),
      words("drug", "drugs", "droga", "drogas", "narcotics", "narcoticos"),
      words("border", "frontera", "fronteriza"),
      words("contract", "contrato", "contracts", "contratos", "deal"),
      words("company", "companies", "firm", "empresa", "empresas", "compania"),
      words("union", "unions", "sindicato", "sindicatos"),
      words("leader", "leaders", "head", "chief", "lider", "lideres", "dirigente", "dirigentes"),
      words("governor", "gobernador", "gobernadora"),
      words("crane", "cranes", "grua", "gruas"),
      words("automation", "automate", "automated", "automatizacion", "automatizar"),
      words("job", "jobs", "employment", "empleo", "empleos", "puestos"),
      words("dockworker", "dockworkers", "stevedore", "stevedores", "longshoremen",
          "estibador", "estibadores"),
      words("arrest", "arrested", "arrests", "detained", "detencion", "detenido", "detenidos",
          "arrestado", "arrestados"),
      words("sanction", "sanctions", "sancion", "sanciones"),
      words("terrorist", "terrorists", "terrorism", "terrorista", "terroristas", "terrorismo"),
      words("intelligence", "inteligencia", "espionage", "espionaje"),
      words("privacy", "privacidad", "intimidad"),
      words("oversight", "accountability", "supervision", "rendicion"),
      words("violence", "violencia", "violent", "violento"),
      words("security", "seguridad"),
      words("navy", "marina", "naval"),
      words("army", "military", "ejercito", "militar", "militares"),
      words("police", "policia"),
      words("report", "reports", "informe", "informes", "reporte"));

  /**
   * Each member of each group, and each of its indexed forms ("changing" is found through
   * "chang", the stem of "change"), mapped to every member of its groups.
   */
  private static java.util.Map<String, Set<String>> groups(Set<?>... groups) {
    java.util.Map<String, Set<String>> map = new java.util.HashMap<>();
    for (Set<?> g : groups) {
      Set<String> members = new java.util.HashSet<>();
      g.forEach(w -> members.add((String) w));
      for (String w : members) {
        Set<String> keys = new java.util.HashSet<>();
        keys.add(w);
        for (org.backgrounder.index.TextAnalysis.Word form
            : org.backgrounder.index.TextAnalysis.analyze(w)) {
          keys.addAll(form.variants());
        }
        for (String key : keys) {
          map.merge(key, members, (a, b) -> {
            Set<String> both = new java.util.HashSet<>(a);
            both.addAll(b);
            return both;
          });
        }
      }
    }
    return java.util.Map.copyOf(map);
  }

  /** Demonyms and their countries, both ways, so "Mexican" meets "Mexico". */
  static final java.util.Map<String, Set<String>> KIN = java.util.Map.ofEntries(
      java.util.Map.entry("mexican", Set.of("mexico", "mexicans")),
      java.util.Map.entry("mexicans", Set.of("mexico", "mexican")),
      java.util.Map.entry("mexico", Set.of("mexican", "mexicans")),
      java.util.Map.entry("mexicano", Set.of("mexico", "mexican")),
      java.util.Map.entry("mexicana", Set.of("mexico", "mexican")),
      java.util.Map.entry("mexicanos", Set.of("mexico", "mexican")),
      java.util.Map.entry("american", Set.of("us", "america", "united")),
      java.util.Map.entry("americans", Set.of("us", "america", "united")),
      java.util.Map.entry("estadounidense", Set.of("us", "america", "united")),
      java.util.Map.entry("venezuelan", Set.of("venezuela")),
      java.util.Map.entry("venezuela", Set.of("venezuelan")),
      java.util.Map.entry("salvadoran", Set.of("salvador")),
      java.util.Map.entry("colombian", Set.of("colombia")),
      java.util.Map.entry("colombia", Set.of("colombian")),
      java.util.Map.entry("chinese", Set.of("china")),
      java.util.Map.entry("china", Set.of("chinese")),
      java.util.Map.entry("french", Set.of("france", "paris")),
      java.util.Map.entry("spanish", Set.of("spain", "es")),
      java.util.Map.entry("canadian", Set.of("canada")),
      java.util.Map.entry("canada", Set.of("canadian")));

  // Intents, matched on the folded question.
  static final Pattern LATEST = Pattern.compile(
      "\\b(latest|newest|most recent|recent (news|coverage|reports?|articles?|stories|items)"
      + "|news (on|about|of)|what'?s new|anything new|updates? on|new coverage|ultimas? noticias"
      + "|lo ultimo|novedades|lo mas reciente)\\b");
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
      + "|que sabemos (de|sobre)|quien es|quienes son|que es|que son|hablame de|cuentame (de|sobre))\\b");
  static final Pattern HAPPENED = Pattern.compile(
      "\\b(what happened|what occurred|what took place|what went on|events?|que paso|que ocurrio"
      + "|que sucedio)\\b");
  static final Pattern MANY = Pattern.compile(
      "\\b((which|what) (groups|organizations|cartels|gangs|entities|people|countries|agencies"
      + "|companies|outlets|steps|actions|measures|facts|articles|changes)|list|all the|every"
      + "|name the|how many|what are|what were|who are|who were|cuales|que grupos|cuantos)\\b");
}

package org.backgrounder.index;

import java.util.HashMap;
import java.util.Map;

/**
 * English irregular verb forms and their base form, so "began" meets "begin" and "led" meets
 * "lead": stemmers only strip regular endings.
 */
final class Irregular {

  private static final Map<String, String> BASE = build(
      "arise arose arisen", "be was were been", "bear bore borne", "beat beat beaten",
      "become became become", "begin began begun", "bend bent bent", "bid bid bid",
      "bind bound bound", "bite bit bitten", "blow blew blown", "break broke broken",
      "bring brought brought", "build built built", "buy bought bought", "catch caught caught",
      "choose chose chosen", "come came come", "cost cost cost", "cut cut cut", "deal dealt dealt",
      "dig dug dug", "do did done", "draw drew drawn", "drink drank drunk", "drive drove driven",
      "eat ate eaten", "fall fell fallen", "feed fed fed", "feel felt felt", "fight fought fought",
      "find found found", "flee fled fled", "fly flew flown", "forbid forbade forbidden",
      "forget forgot forgotten", "forgive forgave forgiven", "freeze froze frozen",
      "get got gotten", "give gave given", "go went gone", "grow grew grown", "hang hung hung",
      "have had had", "hear heard heard", "hide hid hidden", "hold held held", "keep kept kept",
      "know knew known", "lay laid laid", "lead led led", "leave left left", "lend lent lent",
      "lie lay lain", "lose lost lost", "make made made", "mean meant meant", "meet met met",
      "overcome overcame overcome", "overtake overtook overtaken", "overthrow overthrew overthrown",
      "pay paid paid", "rise rose risen", "ride rode ridden", "ring rang rung", "run ran run",
      "say said said", "see saw seen", "seek sought sought", "sell sold sold", "send sent sent",
      "shake shook shaken", "shoot shot shot", "show showed shown", "sing sang sung",
      "sink sank sunk", "sit sat sat", "sleep slept slept", "speak spoke spoken",
      "spend spent spent", "stand stood stood", "steal stole stolen", "stick stuck stuck",
      "strike struck struck", "swear swore sworn", "swim swam swum", "take took taken",
      "teach taught taught", "tear tore torn", "tell told told", "think thought thought",
      "throw threw thrown", "undergo underwent undergone", "understand understood understood",
      "undertake undertook undertaken", "uphold upheld upheld", "wake woke woken",
      "wear wore worn", "win won won", "withdraw withdrew withdrawn", "write wrote written",
      "forecast forecast forecast", "mislead misled misled", "oversee oversaw overseen",
      "withhold withheld withheld", "bring brought brought", "seize seized seized");

  private Irregular() {}

  private static Map<String, String> build(String... rows) {
    Map<String, String> m = new HashMap<>();
    for (String row : rows) {
      String[] f = row.split(" ");
      for (int i = 1; i < f.length; i++) {
        if (!f[i].equals(f[0])) {
          m.putIfAbsent(f[i], f[0]);
        }
      }
    }
    return m;
  }

  /** The base form of an irregular past or participle, or null. */
  static String base(String word) {
    return BASE.get(word);
  }
}

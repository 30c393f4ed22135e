package org.backgrounder.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs a question set through the engine and counts what a desk cares about: how often the right
 * fact comes first (recall), how often a wrong fact does, how often an uncovered question is
 * answered anyway (overreach), and whether every cited link is on file. Pure: the engine and the
 * link check are passed in.
 */
public final class Evaluation {

  /**
   * One question of a set: the facts that answer it (any of them first is right), or none when
   * the bot should decline.
   */
  public record Case(String question, Set<String> facts, String language, int line) {
    public Case {
      Objects.requireNonNull(question, "question");
      facts = Set.copyOf(facts);
      language = language == null || language.isBlank() ? "en" : language;
    }

    public boolean covered() {
      return !facts.isEmpty();
    }
  }

  /** What happened to one case. */
  public enum Outcome { RIGHT, WRONG_FIRST, MISSED, DECLINED, OVERREACH }

  /**
   * A case with its outcome and the fact the bot put first, if any.
   *
   * @param offered for a covered question the bot declined, the place (from 1) of the first
   *     right fact among the closest facts it offered instead; 0 when none was offered
   * @param offeredFact that fact's id, or null
   */
  public record Result(Case c, Outcome outcome, String first, int badLinks, int offered,
      String offeredFact) {}

  /**
   * Counts for one language or for all.
   *
   * @param offered the covered questions declined with a right fact among the closest offered:
   *     one click from the answer, and a hint that the fact's story needs a word in its terms
   */
  public record Figures(int covered, int right, int wrongFirst, int missed, int uncovered,
      int overreach, int offered) {
    public double recall() {
      return covered == 0 ? 1 : (double) right / covered;
    }

    public double wrongRate() {
      return covered == 0 ? 0 : (double) wrongFirst / covered;
    }

    public double overreachRate() {
      return uncovered == 0 ? 0 : (double) overreach / uncovered;
    }
  }

  /** The whole run. */
  public record Report(List<Result> results, Figures all, Map<String, Figures> byLanguage,
      int badLinks) {}

  private Evaluation() {}

  /**
   * Reads a JSON Lines question set: {@code {"q": ..., "facts": [ids]}} or
   * {@code {"q": ..., "decline": true}}, with an optional {@code "lang"}. Blank lines and lines
   * starting with {@code #} are skipped.
   *
   * @throws IllegalArgumentException naming the line of the first malformed entry
   */
  public static List<Case> read(List<String> lines) {
    ObjectMapper json = new ObjectMapper();
    List<Case> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      JsonNode n;
      try {
        n = json.readTree(line);
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": not a JSON object");
      }
      if (n == null || !n.isObject() || !n.path("q").isTextual()) {
        throw new IllegalArgumentException("line " + (i + 1) + ": needs \"q\", the question");
      }
      List<String> facts = new ArrayList<>();
      n.path("facts").forEach(f -> facts.add(f.asText()));
      boolean decline = n.path("decline").asBoolean(false);
      if (facts.isEmpty() == !decline) {
        throw new IllegalArgumentException("line " + (i + 1) + ": give either \"facts\": [ids]"
            + " or \"decline\": true");
      }
      out.add(new Case(n.get("q").asText(), Set.copyOf(facts), n.path("lang").asText("en"), i + 1));
    }
    return out;
  }

  /**
   * Asks every case. {@code onFile} says whether a cited URL is one a fact file or feed holds.
   */
  public static Report run(List<Case> cases, Function<String, Answer> ask,
      Predicate<String> onFile) {
    List<Result> results = new ArrayList<>();
    int badLinks = 0;
    for (Case c : cases) {
      Answer a = ask.apply(c.question());
      int bad = (int) a.citations().stream().filter(x -> !onFile.test(x.url().toString())).count();
      badLinks += bad;
      String first = a.answered() && !a.facts().isEmpty() ? a.facts().get(0).id() : null;
      Outcome o;
      if (c.covered()) {
        o = first == null ? Outcome.MISSED : c.facts().contains(first) ? Outcome.RIGHT
            : Outcome.WRONG_FIRST;
      } else {
        o = a.answered() && first != null ? Outcome.OVERREACH : Outcome.DECLINED;
      }
      int offered = 0;
      String offeredFact = null;
      List<Answer.FactRef> closest = o == Outcome.MISSED ? a.suggestions() : List.of();
      for (int i = 0; i < closest.size() && offeredFact == null; i++) {
        if (c.facts().contains(closest.get(i).id())) {
          offered = i + 1;
          offeredFact = closest.get(i).id();
        }
      }
      results.add(new Result(c, o, first, bad, offered, offeredFact));
    }
    Map<String, List<Result>> byLang = new LinkedHashMap<>();
    results.forEach(r -> byLang.computeIfAbsent(r.c().language(), k -> new ArrayList<>()).add(r));
    Map<String, Figures> figures = new LinkedHashMap<>();
    byLang.forEach((lang, rs) -> figures.put(lang, figures(rs)));
    return new Report(results, figures(results), figures, badLinks);
  }

  private static Figures figures(List<Result> rs) {
    int covered = 0;
    int right = 0;
    int wrong = 0;
    int missed = 0;
    int uncovered = 0;
    int over = 0;
    int offered = 0;
    for (Result r : rs) {
      offered += r.offered() > 0 ? 1 : 0;
      switch (r.outcome()) {
        case RIGHT -> right++;
        case WRONG_FIRST -> wrong++;
        case MISSED -> missed++;
        case OVERREACH -> over++;
        case DECLINED -> { }
        default -> throw new IllegalStateException();
      }
      if (r.c().covered()) {
        covered++;
      } else {
        uncovered++;
      }
    }
    return new Figures(covered, right, wrong, missed, uncovered, over, offered);
  }
}

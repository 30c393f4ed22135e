package org.backgrounder.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.backgrounder.facts.Entity;
import org.backgrounder.facts.Fact;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFile;
import org.backgrounder.index.Need;
import org.backgrounder.index.Queries;
import org.backgrounder.text.Folding;

/**
 * The desk's own words before the facts: a story in brief ({@code /story}, "background") and an
 * entity's one-line description for "who is X?". Descriptions and summaries are the desk's lines,
 * not sourced facts, and are said to be so; the facts that follow carry the citations.
 */
final class Briefs {

  /** How many people and groups a story brief names. */
  private static final int KEY_ENTITIES = 6;
  /** How long a fact's sentence may be when it is only pointed to. */
  private static final int SHORT = 110;

  /** A whole question asking for the story itself, folded and without punctuation. */
  private static final Pattern STORY_REQUEST = Pattern.compile("^((give me |what is |whats )?"
      + "(the |a )?(background|summary|overview|brief|rundown)( of| on)?( (the|this) story)?"
      + "|summari[sz]e( (the|this) story)?|what happened|whats (the|this) story( about)?"
      + "|what is (the|this) story( about)?|(the )?story( so far)?|resumen( de la historia)?"
      + "|antecedentes|contexto|que paso|de que se trata( la historia)?)$");
  private static final Pattern WHO_IS = Pattern.compile(
      "^(who is|whos|who was|who are|what is|whats|quien es|quienes son|que es)\\b.*");

  private Briefs() {}

  /** Whether the whole question asks for the story in brief ("background", "what happened?"). */
  static boolean asksForStory(String question) {
    String plain = Folding.fold(question).replaceAll("[^\\p{L}\\p{N} ]+", "")
        .replaceAll("\\s+", " ").strip();
    return STORY_REQUEST.matcher(plain).matches();
  }

  /**
   * The entity a "who is X?" question asks about: it names exactly one entity, no other word,
   * and the desk has described it.
   */
  static Optional<Entity> whoIs(Question q, FactBase base) {
    String folded = Folding.fold(q.text()).replaceAll("[^\\p{L}\\p{N} ]+", "").strip();
    if (!WHO_IS.matcher(folded).matches() || q.entities().size() != 1 || !q.terms().isEmpty()
        || !(q.wants(Question.Intent.ABOUT) || q.wants(Question.Intent.WHO))) {
      return Optional.empty();
    }
    Need.Entity asked = q.entities().get(0);
    for (String key : asked.keys()) {
      int slash = key.indexOf('/');
      Optional<Entity> e = base.story(key.substring(0, slash))
          .flatMap(s -> s.entity(key.substring(slash + 1)));
      if (e.isPresent() && e.get().description().isPresent()) {
        return e;
      }
    }
    return Optional.empty();
  }

  /** The entities a question names, by the words it used and their names in the fact files. */
  static List<AnswerEngine.Named> named(Question q, FactBase base) {
    List<AnswerEngine.Named> out = new ArrayList<>();
    for (Need.Entity e : q.entities()) {
      for (String key : e.keys()) {
        int slash = key.indexOf('/');
        Optional<Entity> found = base.story(key.substring(0, slash))
            .flatMap(s -> s.entity(key.substring(slash + 1)));
        if (found.isPresent()) {
          out.add(new AnswerEngine.Named(e.asked(), found.get().name(),
              found.get().kind() == Entity.Kind.PERSON));
          break;
        }
      }
    }
    return out;
  }

  /** Where a fact stands in its file: same-day facts keep the file's order everywhere. */
  static int fileOrder(FactBase.Located f) {
    return f.story().facts().indexOf(f.fact());
  }

  /** How many facts within the asked dates an answer of {@code limit} facts leaves out. */
  static int moreWithin(List<FactBase.Located> facts, Optional<Queries.DateRange> range,
      int limit) {
    if (range.isEmpty()) {
      return 0;
    }
    Queries.DateRange r = range.get();
    long within = facts.stream().filter(f -> f.fact().date().map(d -> !d.start().isBefore(r.from())
        && !d.end().isAfter(r.to())).orElse(false)).count();
    return (int) Math.max(0, within - limit);
  }

  /** "Marco Rubio: U.S. Secretary of State ... (The desk's own description, ...)" */
  static String describe(Entity e) {
    return e.name() + ": " + e.description().orElseThrow() + " (The desk's own description, from"
        + " its fact file, not a sourced fact.)";
  }

  /** The story in brief: the desk's summary and review date, key people, first and latest facts. */
  static Answer answer(Asked c, String id, Composing k) {
    Optional<FactFile> story = story(c.base, id);
    if (story.isEmpty()) {
      List<String> ids = c.base.stories().stream().map(s -> s.story().id()).toList();
      return c.decline(ids.isEmpty() ? "No story is loaded yet."
          : (id.isBlank() ? "Which story? " : "I have no story called \"" + id.strip() + "\". ")
              + "The stories: " + String.join(", ", ids) + " (/story ID).");
    }
    brief(c.b, story.get());
    List<FactBase.Located> ends = firstAndLatest(story.get());
    String[] labels = {"First on file", "Latest on file"};
    for (int i = 0; i < ends.size(); i++) {
      FactBase.Located f = ends.get(i);
      c.b.fact(AnswerEngine.ref(c.base, f), f.story(), f.fact(), labels[i] + ", "
          + f.fact().date().orElseThrow().spoken() + ": " + f.fact().text());
    }
    c.b.notice("More: /timeline for every dated fact, /sources TOPIC for the sources.");
    k.freshness(c, ends);
    return c.b.answered(!ends.isEmpty()).build();
  }

  /** The story a {@code /story [ID]} names, or the only one; empty when it is not clear. */
  static Optional<FactFile> story(FactBase base, String id) {
    String name = id.strip();
    if (name.isEmpty()) {
      return base.stories().size() == 1 ? Optional.of(base.stories().get(0)) : Optional.empty();
    }
    return base.story(name);
  }

  /** Says what the story is, as the desk wrote it, then its key people and groups. */
  static void brief(Answer.Builder b, FactFile story) {
    String reviewed = story.story().reviewed().map(r -> ", last reviewed by the desk "
        + (r.hasDay() ? "on " : "in ") + r.spoken()).orElse("");
    b.sentence(Answer.Role.DESK, "The story of \u201c" + story.story().title() + "\u201d"
        + reviewed + ".", List.of());
    story.story().summary().ifPresent(s -> b.sentence(Answer.Role.DESK, s
        + " (The desk's summary; the facts below carry the sources.)", List.of()));
    List<Entity> key = keyEntities(story);
    if (!key.isEmpty()) {
      b.notice("Key people and groups:");
      for (Entity e : key) {
        b.sentence(Answer.Role.LISTING, e.name() + ": " + e.description().orElseThrow(), List.of());
      }
    }
  }

  /** The first and the latest dated facts of a story, in date order. */
  static List<FactBase.Located> firstAndLatest(FactFile story) {
    List<Fact> dated = story.facts().stream().filter(f -> f.date().isPresent())
        .sorted(Comparator.comparing(f -> f.date().orElseThrow())).toList();
    if (dated.isEmpty()) {
      return List.of();
    }
    List<FactBase.Located> out = new ArrayList<>();
    out.add(new FactBase.Located(story, dated.get(0)));
    if (dated.size() > 1) {
      out.add(new FactBase.Located(story, dated.get(dated.size() - 1)));
    }
    return out;
  }

  /** People, bodies and groups with a description, most often named by the facts first. */
  private static List<Entity> keyEntities(FactFile story) {
    Map<String, Integer> counts = new HashMap<>();
    for (Fact f : story.facts()) {
      f.who().forEach(id -> counts.merge(id, 1, Integer::sum));
      f.about().forEach(id -> counts.merge(id, 1, Integer::sum));
    }
    return story.entities().stream()
        .filter(e -> e.description().isPresent())
        .filter(e -> e.kind() == Entity.Kind.PERSON || e.kind() == Entity.Kind.ORGANIZATION
            || e.kind() == Entity.Kind.GOVERNMENT)
        .filter(e -> counts.containsKey(e.id()))
        .sorted(Comparator.comparing((Entity e) -> -counts.get(e.id())))
        .limit(KEY_ENTITIES).toList();
  }

  /**
   * A fact pointed to rather than given: its date, its sentence cut short, and the command that
   * shows it whole ("June 17, 2025: A June 2025 article by... (/fact cia-palantir-campaign)").
   */
  static String pointer(FactBase base, FactBase.Located f) {
    return pointer(base, f, Phrases.ENGLISH);
  }

  /** As {@link #pointer(FactBase, FactBase.Located)}, its date said in the question's language. */
  static String pointer(FactBase base, FactBase.Located f, Phrases says) {
    String text = f.fact().text();
    String date = f.fact().date().map(d -> says.date(d) + ": ").orElse("");
    return date + shorten(text, SHORT) + " (/fact " + base.name(f.story(), f.fact()) + ")";
  }

  /** {@code text} cut at a word before {@code max} characters, with an ellipsis when cut. */
  static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    return text.substring(0, cut > 0 ? cut : max - 1).replaceAll("[,;:]$", "") + "\u2026";
  }
}

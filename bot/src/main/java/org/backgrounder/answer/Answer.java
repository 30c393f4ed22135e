package org.backgrounder.answer;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.backgrounder.facts.Fact;
import org.backgrounder.facts.FactDate;
import org.backgrounder.facts.FactFile;
import org.backgrounder.facts.Source;
import org.backgrounder.feeds.FeedItem;

/**
 * What the bot says to a question: sentences, each with the numbers of the citations it rests on,
 * and the facts, citations and feed items behind them.
 *
 * <p>Honest by construction: it is built only through {@link Builder}, which refuses a citation
 * whose link is not held by a loaded fact file or an indexed feed item, refuses an answered answer
 * without a citation, and refuses a fact sentence whose fact's sources are not all cited.
 */
public final class Answer {

  /** What a sentence is, so that each chat can render it its own way. */
  public enum Role {
    /** A fact of a fact file, in the editor's words. */
    FACT,
    /** A feed item, by title, outlet and date. */
    ITEM,
    /** A line listing outlets or sources. */
    LISTING,
    /** What the bot says about the answer itself: no answer, how fresh the facts are. */
    NOTICE,
    /** The desk's own words (a story's summary, an entity's description): said as such. */
    DESK,
    /**
     * One cited source described by outlet, title, date and kind: what the citation's link
     * already says, so a chat that lists the links may show the link alone.
     */
    SOURCE
  }

  /**
   * One sentence.
   *
   * @param status for a fact sentence, the fact's status (shown when not confirmed)
   * @param note for a fact sentence, the editor's caveat
   */
  public record Sentence(Role role, String text, List<Integer> citations,
      Optional<Fact.Status> status, Optional<String> note) {
    public Sentence {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(text, "text");
      citations = List.copyOf(citations);
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(note, "note");
    }
  }

  /** A fact the answer rests on (or suggests), named as commands name it. */
  public record FactRef(String story, String id, String name, String text, Optional<FactDate> date,
      Fact.Status status, Optional<String> note) {}

  /** A feed item the answer rests on or points to, with the citation that links it. */
  public record ItemRef(FeedItem item, int citation) {}

  private final String question;
  private final boolean answered;
  private final List<Sentence> sentences;
  private final List<FactRef> facts;
  private final List<Citation> citations;
  private final List<ItemRef> items;
  private final List<FactRef> suggestions;
  private final boolean spanish;

  private Answer(Builder b) {
    this.question = b.question;
    this.answered = b.answered;
    this.sentences = List.copyOf(b.sentences);
    this.facts = List.copyOf(b.facts);
    this.citations = List.copyOf(b.citations.values());
    this.items = List.copyOf(b.items);
    this.suggestions = List.copyOf(b.suggestions);
    this.spanish = b.spanish;
  }

  public static Builder builder(String question, KnownLinks links) {
    return new Builder(question, links);
  }

  public String question() {
    return question;
  }

  /** Whether the question reads as Spanish, so that what is said around the facts is too. */
  public boolean spanish() {
    return spanish;
  }

  /** False when the bot has no sourced answer; then {@link #sentences()} say so. */
  public boolean answered() {
    return answered;
  }

  public List<Sentence> sentences() {
    return sentences;
  }

  /** The facts the answer rests on, best first; empty when not answered. */
  public List<FactRef> facts() {
    return facts;
  }

  public List<Citation> citations() {
    return citations;
  }

  /** The feed items the answer rests on or points to. */
  public List<ItemRef> items() {
    return items;
  }

  /** The closest facts, offered when there is no answer; never the answer. */
  public List<FactRef> suggestions() {
    return suggestions;
  }

  /** The whole answer as plain text with {@code [n]} citation marks. */
  public String text() {
    StringBuilder b = new StringBuilder();
    for (Sentence s : sentences) {
      if (b.length() > 0) {
        b.append(s.role() == Role.FACT || s.role() == Role.NOTICE ? " " : "\n");
      }
      b.append(plain(s));
    }
    return b.toString();
  }

  /** One sentence as plain text: its words, its citation marks, its status and note. */
  public static String plain(Sentence s) {
    StringBuilder b = new StringBuilder(s.text());
    for (int n : s.citations()) {
      b.append(" [").append(n).append(']');
    }
    s.status().filter(st -> st != Fact.Status.CONFIRMED)
        .ifPresent(st -> b.append(" (").append(st.label()).append(')'));
    s.note().ifPresent(n -> b.append(" Note: ").append(n));
    return b.toString();
  }

  @Override
  public String toString() {
    return "Answer[" + (answered ? "answered" : "declined") + ": " + text() + "]";
  }

  /** Builds an answer, checking every link and every fact's citations as they are added. */
  public static final class Builder {
    private final String question;
    private final KnownLinks links;
    private final List<Sentence> sentences = new ArrayList<>();
    private final List<FactRef> facts = new ArrayList<>();
    private final Map<String, Citation> citations = new LinkedHashMap<>();
    private final List<ItemRef> items = new ArrayList<>();
    private final List<FactRef> suggestions = new ArrayList<>();
    private boolean answered;
    private boolean spanish;

    private Builder(String question, KnownLinks links) {
      this.question = Objects.requireNonNull(question, "question");
      this.links = Objects.requireNonNull(links, "links");
    }

    /** Marks the answer as said to a Spanish question: what surrounds the facts is in Spanish. */
    public Builder spanish(boolean spanish) {
      this.spanish = spanish;
      return this;
    }

    /** Cites a fact-file source; the same link cited twice keeps its first number. */
    public int cite(FactFile story, Source source) {
      return cite(source.url(), () -> new Citation(citations.size() + 1, source.url(),
          source.title(), source.outlet(), source.published().map(FactDate::toString),
          source.kind().label(), Optional.of(source.id()), Optional.of(story.story().id())));
    }

    /** Cites a feed item; an item without a web link cannot be cited. */
    public int cite(FeedItem item) {
      URI url = item.link().orElseThrow(() ->
          new IllegalArgumentException("feed item " + item.key() + " has no link to cite"));
      int n = cite(url, () -> new Citation(citations.size() + 1, url, item.displayTitle(),
          item.outlet(), Optional.of(item.published().toString()), "feed", Optional.empty(),
          Optional.empty()));
      if (items.stream().noneMatch(r -> r.item().key().equals(item.key()))) {
        items.add(new ItemRef(item, n));
      }
      return n;
    }

    private int cite(URI url, java.util.function.Supplier<Citation> make) {
      Citation existing = citations.get(url.toString());
      if (existing != null) {
        return existing.n();
      }
      if (!links.holds(url)) {
        throw new IllegalArgumentException("refusing to cite " + url
            + ": no loaded fact file or indexed feed item holds it");
      }
      Citation c = make.get();
      citations.put(url.toString(), c);
      return c.n();
    }

    /** Adds a fact as a sentence, citing all its sources, and records it as a fact answered with. */
    public Builder fact(FactRef ref, FactFile story, Fact fact, String text) {
      List<Integer> cites = new ArrayList<>();
      for (Source s : story.sourcesOf(fact)) {
        cites.add(cite(story, s));
      }
      sentences.add(new Sentence(Role.FACT, text, cites, Optional.of(fact.status()), fact.note()));
      if (facts.stream().noneMatch(f -> f.story().equals(ref.story()) && f.id().equals(ref.id()))) {
        facts.add(ref);
      }
      return this;
    }

    /** Adds a sentence resting on the given citation numbers (already cited). */
    public Builder sentence(Role role, String text, List<Integer> cites) {
      for (int n : cites) {
        if (n < 1 || n > citations.size()) {
          throw new IllegalArgumentException("sentence cites [" + n + "], which does not exist");
        }
      }
      sentences.add(new Sentence(role, text, cites, Optional.empty(), Optional.empty()));
      return this;
    }

    public Builder notice(String text) {
      return sentence(Role.NOTICE, text, List.of());
    }

    public Builder suggest(FactRef ref) {
      suggestions.add(ref);
      return this;
    }

    public Builder answered(boolean answered) {
      this.answered = answered;
      return this;
    }

    public Answer build() {
      if (answered && citations.isEmpty()) {
        throw new IllegalStateException("an answer needs at least one citation: " + question);
      }
      if (!answered && !facts.isEmpty()) {
        throw new IllegalStateException("a declined answer rests on no facts; offer them as"
            + " suggestions");
      }
      if (sentences.isEmpty()) {
        throw new IllegalStateException("an answer says something");
      }
      return new Answer(this);
    }
  }
}

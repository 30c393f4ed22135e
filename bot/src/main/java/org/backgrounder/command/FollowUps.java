package org.backgrounder.command;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backgrounder.answer.AnswerEngine;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.Reply;
import org.backgrounder.text.Folding;

/**
 * Reads a question in a thread against the thread's previous question: "what did he say?" and
 * "when was that published?" take the people and subject of the previous question, "and the
 * Gulf cartel?" asks the previous question again about another entity, and "source for that?"
 * lists the sources of the previous answer. A thread's context lasts {@link #IDLE} after its
 * last question; the terminal is one thread.
 */
final class FollowUps {

  /** How long a thread's previous question is remembered after it was asked. */
  static final Duration IDLE = Duration.ofMinutes(30);

  /** What a thread was last asked, and the sources of the reply. */
  record Turn(String question, List<AnswerEngine.Named> named, List<Reply.Link> links,
      Instant at) {}

  /** How a question was read: as typed, or with the earlier question it was read against. */
  record Reading(String question, Optional<Turn> with) {}

  private static final Pattern SOURCE_REQUEST = Pattern.compile("^(and )?(what are |whats )?"
      + "(the )?(sources?|links?|citations?)( for| of| on)? (that|this|it|those|them)"
      + "|^(where|how) (is|was|does) (that|this|it) (from|come from|sourced)"
      + "|^(sources?|links?)$|^(la |las |y la |y las )?(fuentes?)( de eso| de esto)?$");
  private static final Pattern ELLIPSIS = Pattern.compile(
      "^(and|what about|how about|and what about|y|y que hay de|y sobre) (.+)$");
  private static final Pattern PERSON = Pattern.compile("\\b(he|she|him|her|his|hers|ella)\\b");
  /** "Is it true that...", "it is said": a pronoun that does not point back. */
  private static final Pattern IDIOM = Pattern.compile("\\b(is it|was it|it is|it was|that is)"
      + " (true|right|correct|possible|likely|said|known|reported)\\b");
  /** Longer questions that use a pronoun mostly say what they are about themselves. */
  private static final int SHORT = 8;
  private static final Pattern THING = Pattern.compile(
      "\\b(that|this|it|they|them|their|those|eso|esto|ellos|ellas)\\b");
  private static final Pattern WH = Pattern.compile("^(who|what|when|where|which|why|how( many|"
      + " much)?|quien(es)?|que|cuando|donde|cual(es)?|como)( (is|are|was|were|did|does|do|has"
      + "|have|had|es|son|fue))? ");

  private final Cache<String, Turn> threads = Caffeine.newBuilder().maximumSize(10_000).build();

  /** The thread a message belongs to: a chat's thread, or the whole room when it has none. */
  static String thread(Incoming in) {
    return in.room().platform() + "\u0000" + in.room().id() + "\u0000"
        + in.room().thread().orElse("");
  }

  /** The thread's previous turn, if it is not older than {@link #IDLE}. */
  Optional<Turn> previous(Incoming in) {
    Turn t = threads.getIfPresent(thread(in));
    if (t == null || in.at().isAfter(t.at().plus(IDLE))) {
      return Optional.empty();
    }
    return Optional.of(t);
  }

  void remember(Incoming in, Turn turn) {
    threads.put(thread(in), turn);
  }

  /** Whether the whole message asks for the sources of the previous answer. */
  static boolean asksForSources(String text) {
    return SOURCE_REQUEST.matcher(plain(text)).find();
  }

  /**
   * The question to ask: {@code text} itself, or {@code text} read with the previous turn when
   * it names nothing of its own and leans on it.
   *
   * @param named the entities {@code text} names
   */
  static Reading read(String text, List<AnswerEngine.Named> named, Optional<Turn> previous) {
    if (previous.isEmpty()) {
      return new Reading(text, Optional.empty());
    }
    Turn prev = previous.get();
    String plain = plain(text);
    Matcher ellipsis = ELLIPSIS.matcher(plain);
    if (ellipsis.matches() && named.size() == 1 && !prev.named().isEmpty()
        && plain.split(" ").length <= 7) {
      String swapped = replaceFolded(prev.question(), prev.named().get(0).asked(),
          named.get(0).name());
      return swapped.equals(prev.question()) ? new Reading(text, Optional.empty())
          : new Reading(swapped, previous);
    }
    if (!named.isEmpty() || plain.split(" ").length > SHORT || IDIOM.matcher(plain).find()) {
      return new Reading(text, Optional.empty());
    }
    Optional<AnswerEngine.Named> person = prev.named().stream().filter(AnswerEngine.Named::person)
        .findFirst();
    Matcher who = PERSON.matcher(plain);
    if (who.find() && person.isPresent()) {
      return new Reading(replaceWord(text, who.group(1), person.get().name()), previous);
    }
    Matcher thing = THING.matcher(plain);
    if (thing.find()) {
      String subject = WH.matcher(plain(prev.question())).replaceFirst("");
      String asked = text.strip().replaceFirst("(?i)^(and|y)\\s+", "");
      return new Reading(replaceWord(asked, thing.group(1), subject), previous);
    }
    return new Reading(text, Optional.empty());
  }

  /** The sources of the previous answer, as a reply. */
  static Reply sources(Optional<Turn> previous) {
    if (previous.isEmpty()) {
      return Reply.infoWithCommands("I have no earlier answer in this conversation to give the"
          + " sources of. Ask a question, or use /sources TOPIC.");
    }
    Turn t = previous.get();
    if (t.links().isEmpty()) {
      return Reply.info("My answer to \u201c" + t.question() + "\u201d had no sources: I had no"
          + " sourced answer to it.");
    }
    List<Reply.Block> blocks = new ArrayList<>();
    blocks.add(new Reply.Paragraph(List.of(new Reply.Text("The sources of my answer to \u201c"
        + t.question() + "\u201d:"))));
    return new Reply(Reply.Kind.INFO, blocks, t.links(), Optional.empty(), Optional.empty());
  }

  /** The reply, with a first line saying which earlier question the question was read with. */
  static Reply explained(Reply reply, Reading reading) {
    if (reading.with().isEmpty()) {
      return reply;
    }
    List<Reply.Block> blocks = new ArrayList<>();
    String earlier = reading.with().get().question();
    blocks.add(new Reply.Notice(List.of(new Reply.Text("es".equals(reply.language())
        ? "Leída con su pregunta anterior, \u201c" + earlier + "\u201d, como: " + reading.question()
        : "Read with your earlier question, \u201c" + earlier + "\u201d, as: "
            + reading.question()))));
    blocks.addAll(reply.blocks());
    return reply.with(blocks, reply.links(), reply.continuation());
  }

  private static String plain(String text) {
    return Folding.fold(text).replaceAll("[^\\p{L}\\p{N} ]+", " ").replaceAll("\\s+", " ").strip();
  }

  /** {@code text} with the whole word {@code word} (any case) replaced once. */
  private static String replaceWord(String text, String word, String by) {
    Matcher m = Pattern.compile("(?iu)(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])")
        .matcher(text);
    return m.find() ? text.substring(0, m.start()) + by + text.substring(m.end()) : text;
  }

  /** {@code text} with the words {@code asked} (accents and case aside) replaced once. */
  private static String replaceFolded(String text, String asked, String by) {
    String folded = Folding.fold(asked);
    String f = Folding.fold(text);
    int at = f.indexOf(folded);
    if (at < 0 || f.length() != text.length()) {
      return at < 0 ? text : f.substring(0, at) + by + f.substring(at + folded.length());
    }
    return text.substring(0, at) + by + text.substring(at + folded.length());
  }
}

package org.backgrounder.chat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the bot says, in a form every platform can render: blocks of text spans that may carry
 * citation marks and status badges, and the numbered links those marks point to. Text spans are
 * plain text from fact files and feeds; renderers must escape them. Links appear only as
 * {@link Link}s, so a renderer can never turn content into a link with a different target.
 *
 * @param feedback what a thumbs-up or thumbs-down on this reply refers to, when it invites one
 * @param continuation the command that shows what a platform had to cut (e.g. "/timeline cartel")
 * @param language the language of what the bot says around the content, "en" or "es" (a Spanish
 *     question gets "Fuentes" over its links)
 */
public record Reply(Kind kind, List<Block> blocks, List<Link> links, Optional<Feedback> feedback,
    Optional<String> continuation, String language) {

  /** A reply in English. */
  public Reply(Kind kind, List<Block> blocks, List<Link> links, Optional<Feedback> feedback,
      Optional<String> continuation) {
    this(kind, blocks, links, feedback, continuation, "en");
  }

  /** The same reply with other blocks and links, in the same language. */
  public Reply with(List<Block> blocks, List<Link> links, Optional<String> continuation) {
    return new Reply(kind, blocks, links, feedback, continuation, language);
  }

  /** The heading over the numbered links, in the reply's language. */
  public String sourcesHeading() {
    return "es".equals(language) ? "Fuentes" : "Sources";
  }

  /**
   * The line a renderer adds under a reply cut to fit one message on {@code platform} ("Slack",
   * "Matrix"), in the reply's language: the continuation, when there is one, as a command to try.
   */
  public List<Span> cutLine(String platform) {
    boolean es = "es".equals(language);
    List<Span> line = new ArrayList<>();
    line.add(new Text(es ? "Es todo lo que cabe en un mensaje de " + platform + "."
        : "That is as much as fits in one " + platform + " message."));
    continuation.ifPresentOrElse(c -> {
      line.add(new Text(es ? " Para el resto, pruebe " : " For the rest, try "));
      line.add(new Code(c));
      line.add(new Text(es ? ", o haga una pregunta más concreta." : ", or ask a narrower question."));
    }, () -> line.add(new Text(es ? " Haga una pregunta más concreta para ver el resto."
        : " Ask a narrower question to see the rest.")));
    return line;
  }

  /** What sort of reply it is. */
  public enum Kind {
    /** An answer resting on sources. */
    ANSWER,
    /** "I have no sourced answer", maybe with suggestions. */
    DECLINED,
    /** Help, status, listings that are not answers. */
    INFO,
    /** Something went wrong, said politely. */
    ERROR,
    /** Say nothing (a message the bot ignores). */
    NONE
  }

  /** A paragraph, a list entry, or small print. */
  public sealed interface Block permits Paragraph, Entry, Notice, Heading {
    List<Span> spans();
  }

  public record Paragraph(List<Span> spans) implements Block {
    public Paragraph {
      spans = List.copyOf(spans);
    }
  }

  /** One entry of a list (an item, a source, a command). */
  public record Entry(List<Span> spans) implements Block {
    public Entry {
      spans = List.copyOf(spans);
    }
  }

  /** Small print: notes, freshness, suggestions. */
  public record Notice(List<Span> spans) implements Block {
    public Notice {
      spans = List.copyOf(spans);
    }
  }

  /** A short title over what follows. */
  public record Heading(List<Span> spans) implements Block {
    public Heading {
      spans = List.copyOf(spans);
    }
  }

  /** A piece of a block. */
  public sealed interface Span permits Text, Cite, Badge, Code {}

  /** Plain text; escaped by every renderer. */
  public record Text(String text) implements Span {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A citation mark {@code [n]} pointing at {@link Link} number n. */
  public record Cite(int n) implements Span {}

  /** A status such as "reported" or "disputed". */
  public record Badge(String label) implements Span {
    public Badge {
      Objects.requireNonNull(label, "label");
    }
  }

  /** A command the user can type, shown as code. */
  public record Code(String text) implements Span {
    public Code {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A numbered source.
   *
   * @param date as the source gives it (a day, a month, or an instant for feed items)
   * @param kind primary, news, analysis, commentary, or feed
   */
  public record Link(int n, URI url, String title, String outlet, Optional<String> date,
      String kind) {
    public Link {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(outlet, "outlet");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** What a verdict on a reply is about, kept in the audit store. */
  public record Feedback(String question, List<String> facts, List<String> links) {
    public Feedback {
      Objects.requireNonNull(question, "question");
      facts = List.copyOf(facts);
      links = List.copyOf(links);
    }
  }

  public Reply {
    Objects.requireNonNull(kind, "kind");
    blocks = List.copyOf(blocks);
    links = List.copyOf(links);
    Objects.requireNonNull(feedback, "feedback");
    Objects.requireNonNull(continuation, "continuation");
    if (!"en".equals(language) && !"es".equals(language)) {
      throw new IllegalArgumentException("a reply is in \"en\" or \"es\", not " + language);
    }
    for (Block b : blocks) {
      for (Span s : b.spans()) {
        if (s instanceof Cite c && links.stream().noneMatch(l -> l.n() == c.n())) {
          throw new IllegalArgumentException("citation [" + c.n() + "] has no link");
        }
      }
    }
  }

  /** Said when something unexpected fails; deliberately free of details. */
  public static final String SORRY = "Sorry, something went wrong on my side and I could not"
      + " answer. Please try again in a moment.";

  /** A reply that says nothing. */
  public static Reply none() {
    return new Reply(Kind.NONE, List.of(), List.of(), Optional.empty(), Optional.empty());
  }

  /** Plain information, one paragraph per line given. */
  public static Reply info(String... paragraphs) {
    List<Block> blocks = new ArrayList<>();
    for (String p : paragraphs) {
      blocks.add(new Paragraph(List.of(new Text(p))));
    }
    return new Reply(Kind.INFO, blocks, List.of(), Optional.empty(), Optional.empty());
  }

  /**
   * A polite error. The commands it names ({@code /sources}, written after a space or at the
   * start) become {@link Code} spans, so each platform shows them as its users type them
   * ({@code /bg sources} on Slack, {@code !bg sources} on Matrix).
   */
  public static Reply error(String message) {
    return new Reply(Kind.ERROR, List.of(new Paragraph(withCommands(message))), List.of(),
        Optional.empty(), Optional.empty());
  }

  /**
   * Plain information whose commands ({@code /help}) are {@link Code} spans, shown as each
   * platform's users type them.
   */
  public static Reply infoWithCommands(String message) {
    return new Reply(Kind.INFO, List.of(new Paragraph(withCommands(message))), List.of(),
        Optional.empty(), Optional.empty());
  }

  /** The message as spans: text, and each command it names as a {@link Code} span. */
  public static List<Span> withCommands(String message) {
    List<Span> spans = new ArrayList<>();
    Matcher m = COMMAND.matcher(message);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        spans.add(new Text(message.substring(at, m.start())));
      }
      spans.add(new Code(m.group()));
      at = m.end();
    }
    if (at < message.length() || spans.isEmpty()) {
      spans.add(new Text(message.substring(at)));
    }
    return spans;
  }

  /** A command named in a message: {@code /name} at the start or after a space or bracket. */
  private static final Pattern COMMAND =
      Pattern.compile("(?:^|(?<=[\\s(\"'`]))/[a-z][a-z-]*(?=$|[\\s.,;:!?)\"'`])");

  public boolean isEmpty() {
    return kind == Kind.NONE;
  }

  /** The reply as plain text with [n] marks and a numbered source list: notifications, logs. */
  public String plainText() {
    return PlainText.render(this);
  }
}

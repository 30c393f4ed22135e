package org.backgrounder.chat.console;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.PlainText;
import org.backgrounder.chat.Reply;
import org.backgrounder.chat.Room;
import org.backgrounder.chat.User;

/** The terminal chat: a line in, a reply out, until Ctrl-D or /quit. */
public final class ConsoleChat {

  private static final User LOCAL = new User("console", System.getProperty("user.name", "you"),
      null, false);
  private static final Room TERMINAL = new Room("console", "terminal", true, Optional.empty());

  private final Function<Incoming, Reply> handler;
  private final LineSource in;
  private final PrintWriter out;
  private final Clock clock;
  private final AtomicLong ids = new AtomicLong();

  private ConsoleChat(Function<Incoming, Reply> handler, LineSource in, PrintWriter out, Clock clock) {
    this.handler = handler;
    this.in = in;
    this.out = out;
    this.clock = clock;
  }

  public static ConsoleChat create(Function<Incoming, Reply> handler, LineSource in, PrintWriter out,
      Clock clock) {
    return new ConsoleChat(handler, in, out, clock);
  }

  /** Whoever types in this terminal, as commands and admin lists see them. */
  public static User localUser() {
    return LOCAL;
  }

  /**
   * Says something the user did not ask for (background work, reloads), between replies and
   * above the prompt; safe to call from any thread.
   */
  public void notice(String text) {
    synchronized (out) {
      in.printAbove(text, out);
    }
  }

  /** Chats until the input ends or the user types /quit or /exit; {@code banner} comes first. */
  public void run(String banner) {
    out.println(banner);
    out.flush();
    run();
  }

  /** Chats until the input ends or the user types /quit or /exit. */
  public void run() {
    String line;
    while ((line = in.readLine("\nyou> ")) != null) {
      String text = line.strip();
      if (text.isEmpty()) {
        continue;
      }
      if (text.equals("/quit") || text.equals("/exit")) {
        break;
      }
      Reply reply = handler.apply(new Incoming(LOCAL, TERMINAL, text,
          "console-" + ids.incrementAndGet(), clock.instant()));
      print(reply);
    }
    out.println();
    out.flush();
  }

  private void print(Reply reply) {
    if (reply.isEmpty()) {
      return;
    }
    synchronized (out) {
      out.println();
      out.println(render(reply));
      out.flush();
    }
  }

  /** A reply as terminal text: paragraphs, list entries, notes, then the numbered sources. */
  public static String render(Reply reply) {
    StringBuilder b = new StringBuilder();
    Reply.Block previous = null;
    for (Reply.Block block : reply.blocks()) {
      String text = keepBadgesOnTheirLine(block, PlainText.spans(block));
      if (previous != null && (block instanceof Reply.Paragraph
          || (previous instanceof Reply.Entry && !(block instanceof Reply.Entry)))) {
        b.append('\n');
      }
      previous = block;
      if (block instanceof Reply.Entry) {
        b.append(wrap(text, "  - ", "    "));
      } else if (block instanceof Reply.Notice) {
        b.append(wrap(text, "  ", "  "));
      } else {
        b.append(wrap(text, "", ""));
      }
      b.append('\n');
    }
    if (!reply.links().isEmpty()) {
      b.append('\n').append(reply.sourcesHeading()).append(":\n");
      for (Reply.Link l : reply.links()) {
        b.append(wrap("[" + l.n() + "] " + l.title() + ". " + l.outlet()
            + l.date().map(d -> ", " + d).orElse("") + " (" + l.kind() + ")", "", "    "))
            .append('\n').append("    ").append(l.url()).append('\n');
      }
    }
    return b.toString().stripTrailing();
  }

  /** A status such as "(reported)" is joined to the word before it, so it never wraps alone. */
  private static String keepBadgesOnTheirLine(Reply.Block block, String text) {
    String out = text;
    for (Reply.Span s : block.spans()) {
      if (s instanceof Reply.Badge badge) {
        String shown = "(" + badge.label().toLowerCase(java.util.Locale.ROOT) + ")";
        out = out.replace(" " + shown, NO_BREAK + shown);
      }
    }
    return out;
  }

  /** Holds two words together while wrapping; printed as a space. */
  private static final char NO_BREAK = '\u00a0';

  static String wrap(String text, String first, String rest) {
    int width = 96;
    StringBuilder out = new StringBuilder(first);
    int col = first.length();
    boolean lineStart = true;
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!lineStart && col + 1 + word.length() > width) {
        out.append('\n').append(rest);
        col = rest.length();
        lineStart = true;
      }
      if (!lineStart) {
        out.append(' ');
        col++;
      }
      out.append(word.replace(NO_BREAK, ' '));
      col += word.length();
      lineStart = false;
    }
    return out.toString();
  }
}

package org.backgrounder.chat;

import java.util.Locale;
import java.util.function.UnaryOperator;

/** The plain-text form of a reply, shared by the terminal and by platforms' fallback text. */
public final class PlainText {

  private PlainText() {}

  public static String render(Reply reply) {
    return render(reply, UnaryOperator.identity());
  }

  /**
   * As {@link #render(Reply)}, with commands written as the platform's users type them
   * ({@code /sources x} becomes {@code !bg sources x} on Matrix).
   */
  public static String render(Reply reply, UnaryOperator<String> commandForm) {
    StringBuilder b = new StringBuilder();
    for (Reply.Block block : reply.blocks()) {
      if (b.length() > 0) {
        b.append('\n');
      }
      if (block instanceof Reply.Entry) {
        b.append("  - ");
      }
      b.append(spans(block, commandForm));
    }
    if (!reply.links().isEmpty()) {
      b.append("\n\n").append(reply.sourcesHeading()).append(':');
      for (Reply.Link l : reply.links()) {
        b.append('\n').append(link(l));
      }
    }
    return b.toString();
  }

  /** The spans of a block as plain text. */
  public static String spans(Reply.Block block) {
    return spans(block, UnaryOperator.identity());
  }

  /** The spans of a block as plain text, commands in {@code commandForm}. */
  public static String spans(Reply.Block block, UnaryOperator<String> commandForm) {
    StringBuilder b = new StringBuilder();
    for (Reply.Span s : block.spans()) {
      if (s instanceof Reply.Text t) {
        b.append(t.text());
      } else if (s instanceof Reply.Cite c) {
        b.append('[').append(c.n()).append(']');
      } else if (s instanceof Reply.Badge badge) {
        b.append('(').append(badge.label().toLowerCase(Locale.ROOT)).append(')');
      } else if (s instanceof Reply.Code code) {
        b.append(commandForm.apply(code.text()));
      }
    }
    return b.toString();
  }

  /** "[1] Title. Outlet, 2025-02-20 (primary) https://..." */
  public static String link(Reply.Link l) {
    return "[" + l.n() + "] " + l.title() + ". " + l.outlet() + l.date().map(d -> ", " + d).orElse("")
        + " (" + l.kind() + ")\n    " + l.url();
  }
}

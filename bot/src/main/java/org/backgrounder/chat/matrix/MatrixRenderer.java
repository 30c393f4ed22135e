package org.backgrounder.chat.matrix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Optional;
import org.backgrounder.chat.PlainText;
import org.backgrounder.chat.Reply;

/**
 * A reply as Matrix message content: an {@code m.notice} with a plain {@code body} and an HTML
 * {@code formatted_body}. Everything from fact files and feeds is HTML-escaped; the only tags are
 * our own, and the only links are the reply's numbered sources with http(s) targets. An empty
 * {@code m.mentions} makes sure no content ever pings anyone. A reply too long for one event is
 * cut between blocks and says where the rest is.
 */
final class MatrixRenderer {

  /**
   * The most a message's content may take, in bytes of JSON: a whole event, with the envelope
   * and signatures the homeserver adds, must stay under 65,536.
   */
  static final int MAX_CONTENT_BYTES = 56 * 1024;

  private MatrixRenderer() {}

  /**
   * @param threadRoot the event the thread hangs off, if the reply goes in a thread
   * @param inReplyTo the question, for clients that do not show threads
   */
  static ObjectNode content(Reply reply, Optional<String> threadRoot, Optional<String> inReplyTo) {
    ObjectNode whole = build(reply, threadRoot, inReplyTo);
    if (bytes(whole) <= MAX_CONTENT_BYTES) {
      return whole;
    }
    // The most leading blocks that fit, with the sources they cite and a line saying where the
    // rest is: cut between blocks, never inside one, as Slack's renderer does.
    int lo = 0;
    int hi = reply.blocks().size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (bytes(build(cut(reply, mid), threadRoot, inReplyTo)) <= MAX_CONTENT_BYTES) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return build(cut(reply, lo), threadRoot, inReplyTo);
  }

  private static Reply cut(Reply reply, int keep) {
    List<Reply.Block> blocks = new ArrayList<>(reply.blocks().subList(0, keep));
    Set<Integer> cited = new HashSet<>();
    for (Reply.Block b : blocks) {
      b.spans().stream().filter(Reply.Cite.class::isInstance)
          .forEach(sp -> cited.add(((Reply.Cite) sp).n()));
    }
    blocks.add(new Reply.Notice(reply.cutLine("Matrix")));
    return reply.with(blocks,
        reply.links().stream().filter(l -> cited.contains(l.n())).toList(), Optional.empty());
  }

  private static int bytes(ObjectNode content) {
    return content.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  private static ObjectNode build(Reply reply, Optional<String> threadRoot,
      Optional<String> inReplyTo) {
    ObjectNode c = MatrixClient.JSON.createObjectNode();
    c.put("msgtype", "m.notice");
    c.put("body", PlainText.render(reply, MatrixRenderer::bangForm));
    c.put("format", "org.matrix.custom.html");
    c.put("formatted_body", html(reply));
    c.putObject("m.mentions");
    threadRoot.ifPresent(root -> {
      ObjectNode rel = c.putObject("m.relates_to");
      rel.put("rel_type", "m.thread");
      rel.put("event_id", root);
      rel.put("is_falling_back", true);
      rel.putObject("m.in_reply_to").put("event_id", inReplyTo.orElse(root));
    });
    return c;
  }

  static String html(Reply reply) {
    StringBuilder b = new StringBuilder();
    boolean inList = false;
    for (Reply.Block block : reply.blocks()) {
      boolean entry = block instanceof Reply.Entry;
      if (entry && !inList) {
        b.append("<ul>");
        inList = true;
      } else if (!entry && inList) {
        b.append("</ul>");
        inList = false;
      }
      if (entry) {
        b.append("<li>").append(spans(block)).append("</li>");
      } else if (block instanceof Reply.Notice) {
        b.append("<p><em>").append(spans(block)).append("</em></p>");
      } else if (block instanceof Reply.Heading) {
        b.append("<p><strong>").append(spans(block)).append("</strong></p>");
      } else {
        b.append("<p>").append(spans(block)).append("</p>");
      }
    }
    if (inList) {
      b.append("</ul>");
    }
    if (!reply.links().isEmpty()) {
      b.append("<p><strong>").append(reply.sourcesHeading()).append("</strong></p><ol>");
      for (Reply.Link l : reply.links()) {
        b.append("<li value=\"").append(l.n()).append("\">");
        String scheme = l.url().getScheme() == null ? "" : l.url().getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) {
          b.append("<a href=\"").append(escape(l.url().toASCIIString())).append("\">")
              .append(escape(l.title())).append("</a>");
        } else {
          b.append(escape(l.title()));
        }
        b.append(" \u2014 ").append(escape(l.outlet()));
        l.date().ifPresent(d -> b.append(", ").append(escape(d)));
        b.append(" (").append(escape(l.kind())).append(")</li>");
      }
      b.append("</ol>");
    }
    return b.toString();
  }

  private static String spans(Reply.Block block) {
    StringBuilder b = new StringBuilder();
    for (Reply.Span s : block.spans()) {
      if (s instanceof Reply.Text t) {
        b.append(escape(t.text()));
      } else if (s instanceof Reply.Cite c) {
        b.append("<sup>[").append(c.n()).append("]</sup>");
      } else if (s instanceof Reply.Badge badge) {
        b.append("<em>(").append(escape(badge.label().toLowerCase(Locale.ROOT))).append(")</em>");
      } else if (s instanceof Reply.Code code) {
        b.append("<code>").append(escape(bangForm(code.text()))).append("</code>");
      }
    }
    return b.toString();
  }

  /** HTML-escapes text for element content and attribute values. */
  /** A command as Matrix users type it: {@code /timeline cartel} is {@code !bg timeline cartel}. */
  static String bangForm(String command) {
    if (command.length() > 1 && command.charAt(0) == '/' && Character.isLetter(command.charAt(1))) {
      return "!bg " + command.substring(1);
    }
    return command;
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}

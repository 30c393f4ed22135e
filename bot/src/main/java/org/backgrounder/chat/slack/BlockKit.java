package org.backgrounder.chat.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.chat.PlainText;
import org.backgrounder.chat.Reply;

/**
 * Renders a neutral {@link Reply} as Block Kit: paragraphs and list entries as mrkdwn sections,
 * notices as context blocks, the numbered sources as {@code <url|title>} links with outlet and
 * date. It keeps to Slack's limits (3,000 characters a section, 50 blocks a message) by cutting
 * between blocks, never inside one, and saying where the rest is.
 */
final class BlockKit {

  static final int SECTION_CHARS = 3000;
  static final int MAX_BLOCKS = 50;
  /** The longest fallback text we send; notifications show far less. */
  static final int TEXT_CHARS = 3000;

  static final String FEEDBACK_UP = "bg_feedback_up";
  static final String FEEDBACK_DOWN = "bg_feedback_down";
  static final String SHARE = "bg_share";

  private static final int TITLE_CHARS = 300;
  private static final int OUTLET_CHARS = 100;

  /** One neutral block (or a slice of a long one) as mrkdwn, with the sources it cites. */
  private record Piece(boolean small, String mrkdwn, Set<Integer> cites) {}

  private BlockKit() {}

  /**
   * @param reserved blocks the caller will add after these (buttons, "shared by")
   */
  static SlackMessage render(Reply reply, int reserved) {
    List<Piece> pieces = pieces(reply);
    int budget = MAX_BLOCKS - reserved;
    List<LayoutBlock> blocks = fit(reply, pieces, budget);
    return new SlackMessage(fallback(reply), blocks);
  }

  /** The most pieces that fit, with the sources they cite, and a line saying where the rest is. */
  private static List<LayoutBlock> fit(Reply reply, List<Piece> pieces, int budget) {
    List<LayoutBlock> whole = layout(pieces, reply.links(), reply.sourcesHeading());
    if (whole.size() <= budget) {
      return whole;
    }
    int lo = 0;
    int hi = pieces.size();
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (cut(reply, pieces, mid).size() <= budget - 1) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    List<LayoutBlock> blocks = new ArrayList<>(cut(reply, pieces, lo));
    blocks.add(context(moreLine(reply)));
    return blocks;
  }

  private static List<LayoutBlock> cut(Reply reply, List<Piece> pieces, int keep) {
    List<Piece> kept = pieces.subList(0, keep);
    Set<Integer> cited = new LinkedHashSet<>();
    kept.forEach(p -> cited.addAll(p.cites()));
    List<Reply.Link> links = reply.links().stream().filter(l -> cited.contains(l.n())).toList();
    return layout(kept, links, reply.sourcesHeading());
  }

  private static String moreLine(Reply reply) {
    return mrkdwn(reply.cutLine("Slack"), new LinkedHashSet<>());
  }

  private static List<LayoutBlock> layout(List<Piece> pieces, List<Reply.Link> links,
      String heading) {
    List<LayoutBlock> blocks = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    boolean runSmall = false;
    for (Piece p : pieces) {
      boolean fits = run.length() + 1 + p.mrkdwn().length() <= SECTION_CHARS;
      if (run.length() > 0 && (p.small() != runSmall || !fits)) {
        blocks.add(runSmall ? context(run.toString()) : section(run.toString()));
        run.setLength(0);
      }
      if (run.length() > 0) {
        run.append('\n');
      }
      run.append(p.mrkdwn());
      runSmall = p.small();
    }
    if (run.length() > 0) {
      blocks.add(runSmall ? context(run.toString()) : section(run.toString()));
    }
    blocks.addAll(sources(links, heading));
    return blocks;
  }

  private static List<LayoutBlock> sources(List<Reply.Link> links, String heading) {
    List<LayoutBlock> blocks = new ArrayList<>();
    StringBuilder run = new StringBuilder("*" + heading + "*");
    for (Reply.Link l : links) {
      String line = source(l);
      if (run.length() + 1 + line.length() > SECTION_CHARS) {
        blocks.add(section(run.toString()));
        run.setLength(0);
      } else {
        run.append('\n');
      }
      run.append(line);
    }
    if (!links.isEmpty()) {
      blocks.add(section(run.toString()));
    }
    return blocks;
  }

  /** {@code [1] <https://...|Title> — Outlet, 2025-02-20 (primary)} */
  static String source(Reply.Link l) {
    String outlet = Mrkdwn.escape(Mrkdwn.truncate(Mrkdwn.oneLine(l.outlet()), OUTLET_CHARS));
    String date = l.date().map(d -> ", " + Mrkdwn.escape(Mrkdwn.oneLine(d))).orElse("");
    return "[" + l.n() + "] " + Mrkdwn.link(l.url(), l.title(), TITLE_CHARS) + " \u2014 " + outlet
        + date + " (" + Mrkdwn.escape(Mrkdwn.oneLine(l.kind())) + ")";
  }

  /** Spans as mrkdwn; the numbers they cite are added to {@code cites}. */
  private static String mrkdwn(List<Reply.Span> spans, Set<Integer> cites) {
    StringBuilder b = new StringBuilder();
    for (Reply.Span s : spans) {
      if (s instanceof Reply.Text t) {
        b.append(Mrkdwn.escape(t.text()));
      } else if (s instanceof Reply.Cite c) {
        b.append('[').append(c.n()).append(']');
        cites.add(c.n());
      } else if (s instanceof Reply.Badge badge) {
        b.append(Mrkdwn.badge(badge.label()));
      } else if (s instanceof Reply.Code code) {
        b.append(Mrkdwn.code(SlackText.slashForm(code.text())));
      }
    }
    return b.toString();
  }

  private static List<Piece> pieces(Reply reply) {
    List<Piece> pieces = new ArrayList<>();
    for (Reply.Block block : reply.blocks()) {
      Set<Integer> cites = new LinkedHashSet<>();
      String text = mrkdwn(block.spans(), cites).strip();
      if (text.isEmpty()) {
        continue;
      }
      String shaped = text;
      if (block instanceof Reply.Heading) {
        shaped = "*" + text + "*";
      } else if (block instanceof Reply.Entry) {
        shaped = "\u2022 " + text;
      }
      boolean small = block instanceof Reply.Notice;
      for (String slice : slices(shaped, SECTION_CHARS)) {
        pieces.add(new Piece(small, slice, cites));
      }
    }
    return pieces;
  }

  /** Splits text longer than {@code max} at spaces (or, failing that, outside an escape). */
  static List<String> slices(String text, int max) {
    List<String> out = new ArrayList<>();
    String rest = text;
    while (rest.length() > max) {
      int cut = rest.lastIndexOf(' ', max);
      if (cut < max / 2) {
        cut = max;
        int amp = rest.lastIndexOf('&', cut - 1);
        if (amp >= 0 && cut - amp < 6 && rest.indexOf(';', amp) >= cut) {
          cut = amp;
        }
        if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
          cut--;
        }
      }
      out.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    if (!rest.isEmpty()) {
      out.add(rest);
    }
    return out;
  }

  /** The plain fallback: the reply as text, escaped like everything else, cut at a line. */
  static String fallback(Reply reply) {
    String text = Mrkdwn.escape(PlainText.render(reply, SlackText::slashForm)).strip();
    if (text.isEmpty()) {
      return "\u2026";
    }
    if (text.length() <= TEXT_CHARS) {
      return text;
    }
    int cut = text.lastIndexOf('\n', TEXT_CHARS - 1);
    return (cut > TEXT_CHARS / 2 ? text.substring(0, cut) : slices(text, TEXT_CHARS - 1).get(0))
        + "\u2026";
  }

  static SectionBlock section(String mrkdwn) {
    return SectionBlock.builder().text(markdown(mrkdwn)).build();
  }

  static ContextBlock context(String mrkdwn) {
    return ContextBlock.builder().elements(List.of(markdown(mrkdwn))).build();
  }

  /** Verbatim: Slack must not turn bare words into links or mentions on its own. */
  private static MarkdownTextObject markdown(String mrkdwn) {
    return MarkdownTextObject.builder().text(mrkdwn).verbatim(true).build();
  }

  /**
   * The buttons under a reply: thumbs when it invites feedback, "Share in channel" when it was
   * shown only to the asker. Empty when there is neither.
   */
  static Optional<LayoutBlock> buttons(Optional<String> feedbackId, Optional<String> shareId) {
    List<BlockElement> elements = new ArrayList<>();
    feedbackId.ifPresent(id -> {
      elements.add(button(FEEDBACK_UP, "\uD83D\uDC4D Helpful", id, null));
      elements.add(button(FEEDBACK_DOWN, "\uD83D\uDC4E Not helpful", id, null));
    });
    shareId.ifPresent(id -> elements.add(button(SHARE, "Share in channel", id, "primary")));
    if (elements.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ActionsBlock.builder().blockId("bg_actions").elements(elements).build());
  }

  private static ButtonElement button(String actionId, String label, String value, String style) {
    return ButtonElement.builder()
        .actionId(actionId)
        .text(PlainTextObject.builder().text(label).emoji(true).build())
        .value(value)
        .style(style)
        .build();
  }
}

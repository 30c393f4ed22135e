package org.backgrounder.chat.slack;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Slack's mrkdwn, made safe for text that comes from fact files and feeds. Escaping {@code &},
 * {@code <} and {@code >} is what stops content from writing {@code <!channel>}, {@code <@U123>}
 * or {@code <https://evil|https://good>}; the word joiner after {@code @} stops a bare
 * {@code @here} from being read as a broadcast. Only {@link #link} writes link syntax.
 */
final class Mrkdwn {

  /** U+2060 WORD JOINER: invisible, but "@\u2060here" is no longer the word "@here". */
  private static final String JOINER = "\u2060";
  private static final Pattern BROADCAST =
      Pattern.compile("(?i)@(?=(?:channel|here|everyone)\\b)");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  /**
   * The most of a title read before it is cut for display: feed titles can be megabytes, and
   * nothing past this is ever shown.
   */
  static final int MAX_TITLE_INPUT = 2_000;

  private Mrkdwn() {}

  /** Content as mrkdwn text: control characters escaped, broadcasts defused. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        default -> b.append(c);
      }
    }
    return BROADCAST.matcher(b).replaceAll("@" + JOINER);
  }

  /** A status badge in italics: {@code _reported_}. */
  static String badge(String label) {
    String plain = WHITESPACE.matcher(label.replace('_', ' ')).replaceAll(" ").strip();
    return "_" + escape(plain.toLowerCase(Locale.ROOT)) + "_";
  }

  /** Something to type, in code style; a backtick inside could end it early, so it goes. */
  static String code(String text) {
    return "`" + escape(text.replace('`', '\'')) + "`";
  }

  /**
   * {@code <url|title>} for an http(s) source, or the escaped title and address as plain text for
   * anything else. The title can neither end the link ({@code >} is escaped) nor move its target
   * ({@code |} becomes U+2223, which looks the same); a title that is, or carries, an address
   * ("https://...", "www.x.example") shows the real target instead, so the text of a link never
   * names somewhere else.
   */
  static String link(URI url, String title, int maxTitle) {
    Optional<String> target = target(url);
    String shown = oneLine(truncate(title, Math.max(maxTitle, MAX_TITLE_INPUT)));
    if (target.isPresent() && looksLikeAddress(shown) && !shown.equals(url.toString())) {
      shown = url.toString();
    }
    shown = truncate(shown, maxTitle);
    if (target.isEmpty()) {
      return escape(shown) + " (" + escape(url.toString()) + ")";
    }
    return "<" + target.get() + "|" + escape(shown.replace('|', '\u2223')) + ">";
  }

  /**
   * "https://x.example/a", "www.x.example", "x.example/path": text a reader takes for a place.
   * Read label by label in one pass (a regex with a repeated group overflowed the stack on a
   * title of some thousands of dotted labels, and stopped every digest).
   */
  static boolean looksLikeAddress(String title) {
    if (title.contains("://")) {
      return true;
    }
    int slash = title.indexOf('/');
    int end = slash < 0 ? title.length() : slash;
    for (int i = end; i < title.length(); i++) {
      if (Character.isWhitespace(title.charAt(i))) {
        return false;
      }
    }
    int labels = 0;
    int start = 0;
    for (int i = 0; i <= end; i++) {
      if (i == end || title.charAt(i) == '.') {
        if (i == start) {
          return false;
        }
        labels++;
        start = i + 1;
      } else if (!isLabelChar(title.charAt(i))) {
        return false;
      }
    }
    // The last label is a top-level domain: two letters or more.
    int tld = title.lastIndexOf('.', end - 1) + 1;
    if (labels < 2 || end - tld < 2) {
      return false;
    }
    for (int i = tld; i < end; i++) {
      if (!isAsciiLetter(title.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isLabelChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-';
  }

  /** The target of a link: http and https only, with the characters that end a link encoded. */
  static Optional<String> target(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      return Optional.empty();
    }
    String ascii = url.toASCIIString()
        .replace("|", "%7C").replace("<", "%3C").replace(">", "%3E");
    return Optional.of(ascii.replace("&", "&amp;"));
  }

  /** Collapses runs of whitespace (newlines included) into single spaces. */
  static String oneLine(String text) {
    return WHITESPACE.matcher(text).replaceAll(" ").strip();
  }

  /** At most {@code max} characters, ending with an ellipsis when cut. */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = max - 1;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut) + "\u2026";
  }
}

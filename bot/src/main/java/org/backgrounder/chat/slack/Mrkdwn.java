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
  private static final Pattern ADDRESS =
      Pattern.compile("(?i)^(www\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}(/\\S*)?$");

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
    String shown = oneLine(title);
    if (target.isPresent() && looksLikeAddress(shown) && !shown.equals(url.toString())) {
      shown = url.toString();
    }
    shown = truncate(shown, maxTitle);
    if (target.isEmpty()) {
      return escape(shown) + " (" + escape(url.toString()) + ")";
    }
    return "<" + target.get() + "|" + escape(shown.replace('|', '\u2223')) + ">";
  }

  /** "https://x.example/a", "www.x.example", "x.example/path": text a reader takes for a place. */
  static boolean looksLikeAddress(String title) {
    return title.contains("://") || ADDRESS.matcher(title).matches();
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

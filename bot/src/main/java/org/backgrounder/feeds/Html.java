package org.backgrounder.feeds;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Turns the HTML that feeds put in titles and summaries into plain text: tags dropped (scripts,
 * styles and frames with their content), block ends as spaces, entities decoded, whitespace
 * collapsed. jsoup's tokenizer reads it in one pass, as a browser would, whatever the markup:
 * hand-written patterns rescanned from every unclosed {@code <!--} (40,000 of them took 20
 * seconds). Two older rules that feed text relies on come first, in one pass too: a comment that
 * never closes ends at the next {@code >}, and a {@code <!} or {@code <?} that no {@code >}
 * closes is text. The plain markup most summaries carry is read by {@link SimpleMarkup} instead,
 * to the same text, at a fraction of the cost.
 */
public final class Html {

  private static final String DROPPED = "script, style, iframe, noscript";
  /**
   * The most markup read of one title or summary: a tree of a million tags would take hundreds of
   * megabytes, and the first hundred thousand characters say what an item is about.
   */
  static final int MAX_MARKUP = 100_000;
  static final Pattern SPACE = Pattern.compile("[\\s\\u00a0\\u200b]+");

  private Html() {}

  /** Plain text of an HTML (or plain) fragment. */
  public static String toText(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    String s = html.length() > MAX_MARKUP ? html.substring(0, MAX_MARKUP) : html;
    if (s.indexOf('<') >= 0 || s.indexOf('&') >= 0 || s.contains("]]>")) {
      // A CDATA section inside the text (feeds wrap twice) holds words, not markup to drop.
      s = s.replace("<![CDATA[", " ").replace("]]>", " ");
      String simple = SimpleMarkup.text(s);
      s = simple != null ? simple : viaJsoup(s);
    }
    return collapseSpaces(s);
  }

  /**
   * What {@code SPACE.matcher(s).replaceAll(" ").strip()} gives, in one pass that copies nothing
   * when every space is already a single ' ' (as in most titles): the regular expression was a
   * tenth of the time spent parsing feeds.
   */
  static String collapseSpaces(String s) {
    StringBuilder out = null;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (!isSpace(c)) {
        if (out != null) {
          out.append(c);
        }
        i++;
        continue;
      }
      int j = i + 1;
      while (j < n && isSpace(s.charAt(j))) {
        j++;
      }
      if (out == null && (j - i > 1 || c != ' ')) {
        out = new StringBuilder(n).append(s, 0, i);
      }
      if (out != null) {
        out.append(' ');
      }
      i = j;
    }
    return (out == null ? s : out.toString()).strip();
  }

  /** The characters of {@link #SPACE}: ASCII whitespace, no-break and zero-width space. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r'
        || c == '\u00a0' || c == '\u200b';
  }

  /** What jsoup reads as the text of {@code s} (CDATA markers already gone). */
  static String viaJsoup(String s) {
    Document doc = Jsoup.parseBodyFragment(declarations(s));
    for (Element e : doc.select(DROPPED)) {
      e.replaceWith(new TextNode(" "));
    }
    return doc.body().text();
  }

  /** Comments and declarations by the older rules (see above), the rest left to jsoup. */
  private static String declarations(String s) {
    if (s.indexOf("<!") < 0 && s.indexOf("<?") < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    // The next "-->", ">" and "<" at or after where they were last looked for; -1: none left.
    // Each is looked up again only once passed, so the whole pass stays linear.
    int commentEnd = -2;
    int gt = -2;
    int lt = -2;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      char after = i + 1 < s.length() ? s.charAt(i + 1) : 0;
      if (c != '<' || (after != '!' && after != '?')) {
        out.append(c);
        i++;
      } else if (s.startsWith("<!--", i)) {
        commentEnd = next(s, "-->", i + 4, commentEnd);
        if (commentEnd >= 0) {
          out.append(' ');
          i = commentEnd + 3;
        } else {
          gt = next(s, ">", i + 4, gt);
          i = gt < 0 ? s.length() : gt + 1;
        }
      } else {
        gt = next(s, ">", i + 2, gt);
        lt = next(s, "<", i + 1, lt);
        out.append(gt < 0 || (lt >= 0 && lt < gt) ? "&lt;" : "<");
        i++;
      }
    }
    return out.toString();
  }

  private static int next(String s, String what, int from, int last) {
    return last == -1 || last >= from ? last : s.indexOf(what, from);
  }
}

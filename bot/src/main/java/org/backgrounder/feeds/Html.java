package org.backgrounder.feeds;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Turns the HTML that feeds put in titles and summaries into plain text: tags dropped (scripts,
 * styles, frames and objects with their content), block ends as spaces, entities decoded,
 * whitespace collapsed. jsoup's tokenizer reads it in one pass, as a browser would, whatever the
 * markup: hand-written patterns rescanned from every unclosed {@code <!--} (40,000 of them took
 * 20 seconds).
 */
public final class Html {

  private static final String DROPPED = "script, style, iframe, object, noscript";
  private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0\\u200b]+");

  private Html() {}

  /** Plain text of an HTML (or plain) fragment. */
  public static String toText(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    String s = html;
    if (s.indexOf('<') >= 0 || s.indexOf('&') >= 0 || s.contains("]]>")) {
      // A CDATA section inside the text (feeds wrap twice) holds words, not markup to drop.
      s = s.replace("<![CDATA[", " ").replace("]]>", " ");
      Document doc = Jsoup.parseBodyFragment(s);
      for (Element e : doc.select(DROPPED)) {
        e.replaceWith(new TextNode(" "));
      }
      s = doc.body().text();
    }
    return SPACE.matcher(s).replaceAll(" ").strip();
  }

  /** Decodes character references; unknown names stay as written. */
  public static String decodeEntities(String s) {
    return Parser.unescapeEntities(s, false);
  }
}

package org.backgrounder.feeds;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The name of a document's root element, found before any parser is asked to read it. */
final class XmlRoot {

  private static final Pattern ROOT = Pattern.compile("<(?![?!])([A-Za-z_][\\w:.-]*)");

  private XmlRoot() {}

  /** The first element's name after the prolog, as written ({@code rdf:RDF}); empty if none. */
  static Optional<String> of(String text) {
    Matcher m = ROOT.matcher(text);
    return m.find(afterProlog(text)) ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * Where the prolog ends: blanks, the declaration, processing instructions, comments and a
   * DOCTYPE skipped in one pass (a regex with a repeated group recursed once per blank).
   */
  private static int afterProlog(String text) {
    int i = 0;
    while (i < text.length()) {
      int end;
      if (Character.isWhitespace(text.charAt(i))) {
        end = i + 1;
      } else if (text.startsWith("<?", i)) {
        end = endOf(text, "?>", i + 2);
      } else if (text.startsWith("<!--", i)) {
        end = endOf(text, "-->", i + 4);
      } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
        int subset = text.indexOf('[', i);
        int close = text.indexOf('>', i);
        boolean internal = subset >= 0 && (close < 0 || subset < close);
        end = endOf(text, ">", internal ? endOf(text, "]", subset) : i);
      } else {
        return i;
      }
      if (end < 0) {
        return i;
      }
      i = end;
    }
    return i;
  }

  private static int endOf(String text, String closer, int from) {
    if (from < 0) {
      return -1;
    }
    int at = text.indexOf(closer, from);
    return at < 0 ? -1 : at + closer.length();
  }
}

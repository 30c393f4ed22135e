package org.backgrounder.feeds;

import java.util.Set;

/**
 * The text of the markup most feed summaries carry ({@code <p>}, {@code <a href="...">},
 * {@code <b>}, {@code <br>}, {@code &amp;}), read without building a document: what jsoup makes of
 * it, as {@link Html} uses it, once whitespace is collapsed. Paragraphs and line breaks part words;
 * inline elements do not. Anything else (another element, a comment, nesting a browser would
 * rearrange, an entity beyond the five below) is left to jsoup, which reads everything.
 */
final class SimpleMarkup {

  private static final Set<String> INLINE = Set.of("a", "b", "i", "em", "strong", "span");

  private SimpleMarkup() {}

  /** The text of {@code s}, with spaces where paragraphs part it; null when it is not simple. */
  static String text(String s) {
    StringBuilder out = new StringBuilder(s.length());
    // Open elements: at most one paragraph, with inline elements in it (or at the top), each once.
    java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '&') {
        int end = s.indexOf(';', i);
        String entity = end < 0 || end - i > 6 ? null : s.substring(i + 1, end);
        String decoded = entity == null ? null : switch (entity) {
          case "amp" -> "&";
          case "lt" -> "<";
          case "gt" -> ">";
          case "quot" -> "\"";
          case "#39" -> "'";
          case "nbsp" -> " ";
          default -> null;
        };
        if (decoded != null) {
          out.append(decoded);
          i = end + 1;
        } else if (i + 1 == n || isSpace(s.charAt(i + 1))) {
          out.append('&'); // no reference starts with a space
          i++;
        } else {
          return null;
        }
      } else if (c == '<') {
        int end = tagEnd(s, i);
        if (end < 0) {
          return null;
        }
        boolean closing = s.charAt(i + 1) == '/';
        int nameStart = i + (closing ? 2 : 1);
        int nameEnd = nameStart;
        while (nameEnd < end && s.charAt(nameEnd) >= 'a' && s.charAt(nameEnd) <= 'z') {
          nameEnd++;
        }
        String name = s.substring(nameStart, nameEnd);
        if (name.equals("br")) {
          if (closing || !attributes(s, nameEnd, end, true)) {
            return null;
          }
          out.append(' ');
        } else if (name.equals("p") || INLINE.contains(name)) {
          if (closing) {
            if (nameEnd != end || open.isEmpty() || !open.peek().equals(name)) {
              return null;
            }
            open.pop();
          } else {
            // A paragraph only at the top; an inline element not inside itself.
            if (!attributes(s, nameEnd, end, false) || open.contains(name)
                || (name.equals("p") && !open.isEmpty())) {
              return null;
            }
            open.push(name);
          }
          if (name.equals("p")) {
            out.append(' ');
          }
        } else {
          return null;
        }
        i = end + 1;
      } else if (c == '\0' || c == '\r') {
        return null;
      } else if (c == '\u200b' || c == '\u00ad') {
        i++; // invisible, and jsoup's text leaves them out
      } else {
        out.append(c);
        i++;
      }
    }
    return open.isEmpty() ? out.toString() : null;
  }

  /** Where the tag at {@code lt} ends (its {@code >}), or -1 when it is not a plain tag. */
  private static int tagEnd(String s, int lt) {
    boolean quoted = false;
    char quote = 0;
    for (int k = lt + 1; k < s.length(); k++) {
      char c = s.charAt(k);
      if (quoted) {
        if (c == quote) {
          quoted = false;
        } else if (c == '<' || c == '>' || c == '\0') {
          return -1;
        }
      } else if (c == '"' || c == '\'') {
        quoted = true;
        quote = c;
      } else if (c == '>') {
        return k;
      } else if (c == '<') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Whether {@code s[from, to)} is nothing or attributes written {@code  name="value"} (or with
   * single quotes), and for a void element perhaps a closing {@code /}.
   */
  private static boolean attributes(String s, int from, int to, boolean voidElement) {
    int k = from;
    if (voidElement && to > from && s.charAt(to - 1) == '/') {
      to--;
      if (to > from && s.charAt(to - 1) == ' ') {
        to--;
      }
    }
    while (k < to) {
      if (s.charAt(k) != ' ') {
        return false;
      }
      k++;
      int name = k;
      while (k < to && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '-')
          && s.charAt(k) < 128) {
        k++;
      }
      if (k == name || k + 1 >= to || s.charAt(k) != '=') {
        return false;
      }
      char quote = s.charAt(k + 1);
      if (quote != '"' && quote != '\'') {
        return false;
      }
      int close = s.indexOf(quote, k + 2);
      if (close < 0 || close >= to) {
        return false;
      }
      k = close + 1;
    }
    return true;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f';
  }
}

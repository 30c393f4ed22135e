package org.backgrounder.text;

/**
 * Hides the query strings of the addresses in a text: they carry tokens and keys (an outlet's
 * feed URL, a redirect's target), and whoever reads a failure needs the place, not the key.
 */
public final class QueryStrings {

  /** What stands where a query string was. */
  static final String HIDDEN = "?\u2026";

  private QueryStrings() {}

  /** {@code text} with every {@code ?query} of an address ({@code x://...?query}) hidden. */
  public static String hide(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int end = i;
      while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      String word = text.substring(i, end);
      int query = word.indexOf('?');
      if (query >= 0 && word.contains("://")) {
        int fragment = word.indexOf('#', query);
        out.append(word, 0, query).append(HIDDEN);
        if (fragment >= 0) {
          out.append(word, fragment, word.length());
        }
      } else {
        out.append(word);
      }
      while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
        out.append(text.charAt(end++));
      }
      i = end;
    }
    return out.toString();
  }
}

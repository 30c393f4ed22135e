package org.backgrounder.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Case and accent folding, and whole-word splitting. */
public final class Folding {

  private Folding() {}

  /** Lower case without accents: "Cártel de Sinaloa" becomes "cartel de sinaloa"; ß becomes ss. */
  public static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    boolean ascii = true;
    for (int i = 0; i < lower.length(); i++) {
      if (lower.charAt(i) > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return lower;
    }
    String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
    StringBuilder b = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
          || type == Character.ENCLOSING_MARK) {
        continue;
      }
      if (c == 'ß') {
        b.append("ss");
      } else if (c == 'ø') {
        b.append('o');
      } else if (c == 'æ') {
        b.append("ae");
      } else if (c == 'œ') {
        b.append("oe");
      } else if (c == 'ł') {
        b.append('l');
      } else if (c == 'đ') {
        b.append('d');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * The words of {@code text} as written (not folded): runs of letters and digits; an apostrophe
   * or a dot between letters stays inside a word ("Mexico's", "U.S"), a hyphen splits ("MS-13" is
   * "MS", "13").
   */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      int start = i;
      while (i < n) {
        int cp = text.codePointAt(i);
        if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
          i += Character.charCount(cp);
        } else if ((cp == '\'' || cp == '\u2019' || cp == '.') && i + 1 < n
            && Character.isLetter(text.codePointAt(i + 1)) && i > start) {
          i++;
        } else {
          break;
        }
      }
      if (i > start) {
        out.add(text.substring(start, i));
      }
    }
    return out;
  }

  /** The folded words of {@code text}, with dots and apostrophes removed ("U.S." is "us"). */
  public static List<String> foldedWords(String text) {
    List<String> words = words(text);
    List<String> out = new ArrayList<>(words.size());
    for (String w : words) {
      out.add(normalizeWord(w));
    }
    return out;
  }

  /** One word folded, without inner dots or apostrophes; "Mexico's" keeps its s: "mexicos". */
  public static String normalizeWord(String word) {
    String f = fold(word);
    if (f.indexOf('.') >= 0 || f.indexOf('\'') >= 0 || f.indexOf('\u2019') >= 0) {
      f = f.replace(".", "").replace("'", "").replace("\u2019", "");
    }
    return f;
  }
}

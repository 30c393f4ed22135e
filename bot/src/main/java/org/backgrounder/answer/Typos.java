package org.backgrounder.answer;

/** Whether two words are one or two keystrokes apart (typed, dropped, swapped or wrong letters). */
final class Typos {

  private Typos() {}

  /**
   * Whether {@code a} becomes {@code b} in at most {@code max} edits, counting a swap of two
   * neighbouring letters as one (optimal string alignment distance). Cheap for the short words of
   * a question: it stops as soon as the bound is passed.
   */
  static boolean within(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return false;
    }
    if (a.equals(b)) {
      return true;
    }
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > max) {
        return false;
      }
    }
    return d[n][m] <= max;
  }

  /**
   * How many typos a word of this length may carry and still be recognised: none in short words,
   * where one letter makes another word ("hijos", "hijo").
   */
  static int allowed(int length) {
    return length >= 10 ? 2 : length >= 6 ? 1 : 0;
  }
}

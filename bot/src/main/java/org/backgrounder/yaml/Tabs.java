package org.backgrounder.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * Tabs in an editor's YAML. The parser stops at the first one, which would hide every other
 * problem of the file; so each tab that indents a line is reported, and the rest of the file is
 * read with the tabs replaced by the indentation the editor most likely meant.
 */
public final class Tabs {

  /** What the editor is told at each tab. */
  public static final String MESSAGE =
      "a tab character; YAML indents with spaces only (replace the tab with spaces)";

  private Tabs() {}

  /** Whether {@code problems} include a tab, so that {@link #problems} says more. */
  public static boolean stoppedAtATab(List<Problem> problems) {
    return problems.stream().anyMatch(p -> p.message().equals(MESSAGE));
  }

  /** A problem at every line indented with a tab, at the first tab of it. */
  public static List<Problem> problems(String text, String file) {
    List<Problem> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String indent = indentation(lines[i]);
      int tab = indent.indexOf('\t');
      if (tab >= 0) {
        out.add(new Problem(file, i + 1, tab + 1, Problem.Severity.ERROR, MESSAGE));
      }
    }
    return out;
  }

  /**
   * {@code text} with each tab-indented line indented as a sibling of the line before it (a
   * child when that line opens a block with a trailing ':'), and any other tab a space. Lines
   * without tabs keep their positions, so what is found in them is where the editor sees it.
   */
  public static String replaced(String text) {
    String[] lines = text.split("\n", -1);
    int itemIndent = 0;
    int keyIndent = 0;
    boolean opens = false;
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String indent = indentation(line);
      String content = line.substring(indent.length());
      int width = indent.length();
      if (indent.indexOf('\t') >= 0) {
        boolean item = content.startsWith("- ");
        width = opens ? keyIndent + 2 : item ? itemIndent : keyIndent;
        line = " ".repeat(width) + content;
      }
      line = line.replace('\t', ' ');
      String stripped = content.strip();
      if (!stripped.isEmpty() && !stripped.startsWith("#")) {
        itemIndent = width;
        keyIndent = width + (stripped.startsWith("- ") ? 2 : 0);
        opens = stripped.endsWith(":");
      }
      b.append(line);
      if (i < lines.length - 1) {
        b.append('\n');
      }
    }
    return b.toString();
  }

  private static String indentation(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return line.substring(0, i);
  }
}

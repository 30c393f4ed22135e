package org.backgrounder.desk;

import java.util.List;

/**
 * CSV as RFC 4180 writes it. A cell that a spreadsheet would take for a formula (starting with
 * =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so a question cannot run
 * as one when the export is opened.
 */
final class Csv {

  private Csv() {}

  static void row(StringBuilder b, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(cell(cells.get(i)));
    }
    b.append("\r\n");
  }

  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}

package org.backgrounder.yaml;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong (or doubtful) in a file an editor wrote, printed as {@code file:line:column: message}.
 *
 * @param file where the problem is, as the user named it
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when the problem concerns the whole file
 * @param severity an error stops the file from being used; a warning does not
 * @param message what is wrong, in words an editor can act on
 */
public record Problem(String file, int line, int column, Severity severity, String message) {

  /** How bad a problem is. */
  public enum Severity { ERROR, WARNING }

  /** Orders problems the way an editor reads them: by file, then position. */
  public static final Comparator<Problem> READING_ORDER = Comparator.comparing(Problem::file)
      .thenComparingInt(Problem::line)
      .thenComparingInt(Problem::column);

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative");
    }
  }

  public static Problem error(String file, Position at, String message) {
    return new Problem(file, at.line(), at.column(), Severity.ERROR, message);
  }

  public static Problem warning(String file, Position at, String message) {
    return new Problem(file, at.line(), at.column(), Severity.WARNING, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:column: message}, with {@code warning: } before a warning's message. */
  @Override
  public String toString() {
    String where = line == 0 ? file + ":1:1" : file + ":" + line + ":" + column;
    return where + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
  }
}

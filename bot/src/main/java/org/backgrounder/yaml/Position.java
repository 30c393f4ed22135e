package org.backgrounder.yaml;

/** A 1-based line and column in a text file; {@link #START} when nothing more precise is known. */
public record Position(int line, int column) {

  public static final Position START = new Position(1, 1);

  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column start at 1, got " + line + ":" + column);
    }
  }

  /** The position of a character offset in {@code text}. */
  public static Position ofOffset(CharSequence text, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new Position(line, column);
  }
}

package org.backgrounder.yaml;

/** A 1-based line and column in a text file; {@link #START} when nothing more precise is known. */
public record Position(int line, int column) {

  public static final Position START = new Position(1, 1);

  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column start at 1, got " + line + ":" + column);
    }
  }
}

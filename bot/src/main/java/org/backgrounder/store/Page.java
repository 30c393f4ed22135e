package org.backgrounder.store;

import java.util.List;

/**
 * One page of a longer list: its rows, and whether more follow. Readers ask for a page at a time
 * so that no page of the desk reads an unbounded number of rows.
 */
public record Page<T>(List<T> rows, boolean more) {
  public Page {
    rows = List.copyOf(rows);
  }

  /** The most rows one page may ask for. */
  public static final int MAX = 500;

  /** Checks {@code offset} and {@code limit}; a limit above {@link #MAX} is an error. */
  static void check(int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > MAX) {
      throw new IllegalArgumentException("a page is 1 to " + MAX + " rows from offset >= 0, not "
          + limit + " from " + offset);
    }
  }
}

package org.backgrounder.store;

/**
 * Whether this process is the one that polls feeds, posts digests, syncs Matrix and prunes the
 * audit log. With SQLite there is one process per data folder, and it always leads.
 */
public interface Leadership {

  /** Looks again (reconnecting, trying for the lock) and says whether this process leads now. */
  boolean check();

  /** The same as {@link #check()} last said. */
  boolean isLeader();

  /** One process per data folder: it always leads. */
  static Leadership alone() {
    return new Leadership() {
      @Override
      public boolean check() {
        return true;
      }

      @Override
      public boolean isLeader() {
        return true;
      }
    };
  }
}

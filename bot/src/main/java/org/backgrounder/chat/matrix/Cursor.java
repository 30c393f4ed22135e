package org.backgrounder.chat.matrix;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Where a restart resumes reading: the end of the newest sync batch all of whose questions were
 * answered, and every batch before it too. While an answer is under way (in its room's lane), the
 * stored position stays before its batch, so a restart delivers that batch again; the questions
 * already answered are recognised and skipped.
 */
final class Cursor {

  /** One sync batch: done when its dispatching and every answer it handed out are. */
  final class Batch {
    private final String next;
    private int open = 1;

    private Batch(String next) {
      this.next = next;
    }

    /** An answer of this batch was handed to a lane. */
    void hold() {
      synchronized (Cursor.this) {
        open++;
      }
    }

    /** An answer (or the dispatching) is done. */
    void release() {
      synchronized (Cursor.this) {
        open--;
        advance();
      }
    }

    /**
     * The batch failed half-way and is read again from the same position: it no longer holds the
     * stored position back (the new reading does, for every question still unanswered).
     */
    void abandon() {
      synchronized (Cursor.this) {
        batches.remove(this);
        advance();
      }
    }
  }

  private final Deque<Batch> batches = new ArrayDeque<>();
  private final Consumer<String> store;

  /** @param store writes the position (the batch's {@code next_batch}) durably */
  Cursor(Consumer<String> store) {
    this.store = store;
  }

  /** A batch ending at {@code next} is being handled; release it when it has been dispatched. */
  synchronized Batch begin(String next) {
    Batch b = new Batch(next);
    batches.add(b);
    return b;
  }

  private void advance() {
    while (!batches.isEmpty() && batches.peek().open <= 0) {
      store.accept(batches.poll().next);
    }
  }
}

package org.backgrounder;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something another thread does, failing with a message instead of hanging. */
public final class Eventually {

  private Eventually() {}

  public static void await(Duration atMost, BooleanSupplier condition) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + atMost);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting", e);
      }
    }
  }
}

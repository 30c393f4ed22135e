package org.backgrounder.chat.slack;

import java.time.Duration;

/** Waits; real time in production, recorded and skipped in tests. */
@FunctionalInterface
interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  Sleeper REAL = d -> Thread.sleep(d.toMillis());
}

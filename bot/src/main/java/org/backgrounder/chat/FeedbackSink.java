package org.backgrounder.chat;

import java.time.Instant;

/** Where a thumbs-up or thumbs-down on an answer is kept (the audit store), for the desk. */
@FunctionalInterface
public interface FeedbackSink {

  /**
   * @param helpful true for a thumbs-up
   */
  void record(User user, Reply.Feedback about, boolean helpful, Instant at);
}

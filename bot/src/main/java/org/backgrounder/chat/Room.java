package org.backgrounder.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a conversation happens: a channel or room, maybe a thread within it.
 *
 * @param direct a one-to-one conversation with the bot
 * @param thread the thread to answer in, if any
 */
public record Room(String platform, String id, boolean direct, Optional<String> thread) {

  public Room {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(thread, "thread");
  }

  public Room inThread(String threadId) {
    return new Room(platform, id, direct, Optional.of(threadId));
  }
}

package org.backgrounder.chat;

/** A chat platform the bot can post to: one method, so a test can be a lambda. */
@FunctionalInterface
public interface ChatAdapter {

  /**
   * Posts {@code reply} in {@code room} (in its thread when it has one).
   *
   * @throws ChatException when the platform refused or could not be reached
   */
  void send(Room room, Reply reply) throws ChatException;
}

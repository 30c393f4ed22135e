package org.backgrounder.chat;

import java.util.Optional;

/**
 * A chat platform the bot runs on: it connects, passes what people say to the bot, and posts
 * replies. {@code run} starts every configured platform; digests post through {@link #send}.
 */
public interface ChatPlatform extends ChatAdapter, AutoCloseable {

  /** "slack", "matrix": how settings and logs name the platform. */
  String name();

  /**
   * Connects and starts answering.
   *
   * @throws ChatException with a message an operator can act on when a credential is missing or
   *     rejected ("SLACK_APP_TOKEN is not set", "Slack rejected the bot token (invalid_auth)")
   */
  void start() throws ChatException;

  /**
   * Signs in to post only ({@code digest --post}): checks the credentials, listens to nothing and
   * answers nothing, so it can run beside a running bot.
   *
   * @throws ChatException as {@link #start} does
   */
  void signInToPost() throws ChatException;

  /** Whether it is connected now (for {@code /readyz}). */
  boolean connected();

  /**
   * Posts {@code reply} so that the same {@code key} never posts twice, even when the call is
   * retried or the process restarts in between (Matrix transaction ids). Platforms without such
   * a mechanism post once per call.
   */
  default void send(Room room, Reply reply, Optional<String> key) throws ChatException {
    send(room, reply);
  }

  /** Stops answering, lets replies in flight finish, and disconnects. */
  @Override
  void close();
}

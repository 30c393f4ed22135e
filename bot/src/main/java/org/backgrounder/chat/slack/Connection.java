package org.backgrounder.chat.slack;

import org.backgrounder.chat.ChatException;

/** How Slack's events reach the Bolt app: Socket Mode or the HTTP endpoint. */
interface Connection {

  /** Starts receiving; says exactly what is wrong when it cannot. */
  void open() throws ChatException;

  boolean connected();

  /** Stops receiving; answers in flight are the caller's to wait for. */
  void close();
}

package org.backgrounder.chat;

/** A chat platform refused a message or could not be reached. */
public class ChatException extends Exception {

  private static final long serialVersionUID = 1L;

  public ChatException(String message) {
    super(message);
  }

  public ChatException(String message, Throwable cause) {
    super(message, cause);
  }
}

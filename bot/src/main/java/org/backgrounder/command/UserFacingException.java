package org.backgrounder.command;

/** Something the user can fix; the message is shown to them as it is. */
public final class UserFacingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UserFacingException(String message) {
    super(message);
  }
}

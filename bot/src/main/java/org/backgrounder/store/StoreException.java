package org.backgrounder.store;

import java.sql.SQLException;

/** The database failed; the message says what it was doing. */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(SQLException cause) {
    super("database error: " + cause.getMessage(), cause);
  }

  /** {@code message} says what failed and which setting to look at; it holds no secret. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.backgrounder.chat.matrix;

import java.time.Duration;
import java.util.Optional;

/** A homeserver said no, or could not be reached; carries the Matrix error code when there is one. */
final class MatrixException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errcode;
  private final transient Duration retryAfter;

  MatrixException(int status, String errcode, String message, Duration retryAfter) {
    super(message);
    this.status = status;
    this.errcode = errcode == null ? "" : errcode;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status, or 0 when there was no answer (network failure). */
  int status() {
    return status;
  }

  String errcode() {
    return errcode;
  }

  /** How long the server asked us to wait (429 / M_LIMIT_EXCEEDED). */
  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  boolean rateLimited() {
    return status == 429 || errcode.equals("M_LIMIT_EXCEEDED");
  }

  /** The token is no longer valid: logging in again (or a new token) is the only way on. */
  boolean unknownToken() {
    return errcode.equals("M_UNKNOWN_TOKEN") || errcode.equals("M_MISSING_TOKEN");
  }

  boolean networkFailure() {
    return status == 0;
  }
}

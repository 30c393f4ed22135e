package org.backgrounder.cli;

/** Something the user can fix (a missing folder, an unusable option); printed without a trace. */
final class UserError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  UserError(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  UserError(String message) {
    this(message, 1);
  }

  int exitCode() {
    return exitCode;
  }
}

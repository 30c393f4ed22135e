package org.backgrounder.config;

import org.backgrounder.yaml.Problem;

/** Settings that cannot be used; the message is {@code file:line:column: message}. */
public final class ConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public ConfigException(Problem problem) {
    super(problem.toString());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}

package org.backgrounder.yaml;

import java.util.List;

/** A YAML file that could not be read at all; carries the problems that say why. */
public final class YamlException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public YamlException(Problem problem) {
    this(List.of(problem));
  }

  public YamlException(List<Problem> problems) {
    super(problems.isEmpty() ? "unreadable YAML" : problems.get(0).toString());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}

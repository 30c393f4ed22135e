package org.backgrounder.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Typed, forgiving reads of one YAML mapping that an editor wrote: each wrong or missing value adds
 * a {@link Problem} to a shared list and reading carries on, so an editor sees every problem at once.
 * Unknown keys are reported when the reader is made.
 */
public final class Fields {

  private final String file;
  private final YamlNode.Mapping mapping;
  private final String what;
  private final List<Problem> problems;

  private Fields(String file, YamlNode.Mapping mapping, String what, Collection<String> allowed,
      List<Problem> problems) {
    this.file = file;
    this.mapping = mapping;
    this.what = what;
    this.problems = problems;
    for (YamlNode.Mapping.Entry e : mapping.entries()) {
      if (!allowed.contains(e.key())) {
        String hint = Spelling.closest(e.key(), allowed)
            .map(s -> "; did you mean '" + s + "'?")
            .orElse("; allowed keys are " + String.join(", ", allowed));
        problems.add(Problem.error(file, e.keyPosition(), "unknown key '" + e.key() + "' in " + what
            + hint));
      }
    }
  }

  /**
   * Reads {@code node} as a mapping of the keys in {@code allowed}; a node of another kind is
   * reported and yields empty {@link Optional}.
   *
   * @param what how to name the mapping in messages, e.g. "a fact" or "the story"
   */
  public static Optional<Fields> of(String file, YamlNode node, String what, List<String> allowed,
      List<Problem> problems) {
    if (node instanceof YamlNode.Mapping m) {
      return Optional.of(new Fields(file, m, what, allowed, problems));
    }
    problems.add(Problem.error(file, node.position(), what + " must be a mapping of key: value"
        + " lines; found " + node.describe()));
    return Optional.empty();
  }

  public YamlNode.Mapping mapping() {
    return mapping;
  }

  public String file() {
    return file;
  }

  public List<Problem> problems() {
    return problems;
  }

  /** Where {@code key}'s value is, else where the mapping starts. */
  public Position at(String key) {
    return mapping.entry(key).map(e -> e.value().position()).orElse(mapping.position());
  }

  /** A text value; numbers and booleans count as their written text (an id may be {@code 2025}). */
  public Optional<String> text(String key, boolean required) {
    Optional<YamlNode> node = node(key, required);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof YamlNode.Scalar s) {
      String value = s.text().strip();
      if (value.isEmpty()) {
        if (required) {
          problems.add(Problem.error(file, s.position(), "'" + key + "' of " + what + " is empty"));
        }
        return Optional.empty();
      }
      return Optional.of(value);
    }
    problems.add(Problem.error(file, node.get().position(), "'" + key + "' of " + what
        + " must be a single value; found " + node.get().describe()));
    return Optional.empty();
  }

  /** An integer value. */
  public Optional<Long> integer(String key, boolean required) {
    Optional<YamlNode> node = node(key, required);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.INTEGER) {
      try {
        return Optional.of(Long.parseLong(s.text().replace("_", "")));
      } catch (NumberFormatException e) {
        // fall through to the type problem below: 0x1F and friends are not what an editor means
      }
    }
    problems.add(Problem.error(file, node.get().position(), "'" + key + "' of " + what
        + " must be a whole number; found " + node.get().describe()));
    return Optional.empty();
  }

  /** A boolean value ({@code true} or {@code false}). */
  public Optional<Boolean> bool(String key) {
    Optional<YamlNode> node = node(key, false);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.BOOLEAN) {
      return Optional.of(Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT))
          || s.text().equalsIgnoreCase("yes") || s.text().equalsIgnoreCase("on"));
    }
    problems.add(Problem.error(file, node.get().position(), "'" + key + "' of " + what
        + " must be true or false; found " + node.get().describe()));
    return Optional.empty();
  }

  /** A list of text values, each with its position; a lone value where a list belongs is reported. */
  public List<Located<String>> textList(String key, boolean required, String example) {
    Optional<YamlNode> node = node(key, required);
    if (node.isEmpty()) {
      return List.of();
    }
    if (!(node.get() instanceof YamlNode.Sequence seq)) {
      problems.add(Problem.error(file, node.get().position(), "'" + key + "' of " + what
          + " must be a list, e.g. " + key + ": " + example + "; found " + node.get().describe()));
      return List.of();
    }
    List<Located<String>> out = new ArrayList<>();
    for (YamlNode item : seq.items()) {
      if (item instanceof YamlNode.Scalar s && !s.isNull() && !s.text().isBlank()) {
        out.add(new Located<>(s.text().strip(), s.position()));
      } else {
        problems.add(Problem.error(file, item.position(), "each entry of '" + key + "' in " + what
            + " must be a single value; found " + item.describe()));
      }
    }
    return out;
  }

  /** A list of nodes (for lists of mappings), or empty with a problem when it is not a list. */
  public List<YamlNode> list(String key, boolean required) {
    Optional<YamlNode> node = node(key, required);
    if (node.isEmpty()) {
      return List.of();
    }
    if (node.get() instanceof YamlNode.Sequence seq) {
      return seq.items();
    }
    problems.add(Problem.error(file, node.get().position(), "'" + key + "' of " + what
        + " must be a list of entries, each starting with '- '; found " + node.get().describe()));
    return List.of();
  }

  /** The raw node of {@code key}; a missing required key is reported. */
  public Optional<YamlNode> node(String key, boolean required) {
    Optional<YamlNode.Mapping.Entry> entry = mapping.entry(key);
    if (entry.isEmpty() || isNull(entry.get().value())) {
      if (required) {
        Position at = entry.map(e -> e.keyPosition()).orElse(mapping.position());
        problems.add(Problem.error(file, at, what + " is missing '" + key + "' (required)"));
      }
      return Optional.empty();
    }
    return Optional.of(entry.get().value());
  }

  public void error(Position at, String message) {
    problems.add(Problem.error(file, at, message));
  }

  public void warning(Position at, String message) {
    problems.add(Problem.warning(file, at, message));
  }

  private static boolean isNull(YamlNode node) {
    return node instanceof YamlNode.Scalar s && s.isNull();
  }

  /** A value with where it was written, so a later check (an unknown id) can point at it. */
  public record Located<T>(T value, Position position) {}
}

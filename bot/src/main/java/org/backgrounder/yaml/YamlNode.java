package org.backgrounder.yaml;

import java.util.List;
import java.util.Optional;

/** A node of a YAML document with the position it was read from. Aliases share their anchor's node. */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

  Position position();

  /** What the node is, as an editor would say it: "a list", "a mapping", "text". */
  String describe();

  /** A single value. {@code text} is as written (for {@code no}, "no"); null only for a YAML null. */
  record Scalar(Position position, String text, Type type) implements YamlNode {

    /** How YAML typed the value when it was written without quotes. */
    public enum Type { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    public boolean isNull() {
      return type == Type.NULL;
    }

    @Override
    public String describe() {
      return switch (type) {
        case STRING -> "text";
        case INTEGER, FLOAT -> "a number";
        case BOOLEAN -> "true/false";
        case NULL -> "nothing";
      };
    }
  }

  /** Keys in the order written; keys are unique (a duplicate is reported by the reader). */
  record Mapping(Position position, List<Entry> entries) implements YamlNode {

    /** One {@code key: value} pair. */
    public record Entry(String key, Position keyPosition, YamlNode value) {}

    public Mapping {
      entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String key) {
      for (Entry e : entries) {
        if (e.key().equals(key)) {
          return Optional.of(e);
        }
      }
      return Optional.empty();
    }

    @Override
    public String describe() {
      return "a mapping (key: value)";
    }
  }

  /** A list. */
  record Sequence(Position position, List<YamlNode> items) implements YamlNode {

    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }
}

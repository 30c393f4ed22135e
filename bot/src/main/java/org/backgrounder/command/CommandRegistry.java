package org.backgrounder.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The commands by name, in the order registered; a second command with a taken name fails. */
public final class CommandRegistry {

  private final Map<String, CommandSpec> commands = new LinkedHashMap<>();

  public CommandRegistry register(CommandSpec spec) {
    CommandSpec before = commands.putIfAbsent(spec.name(), spec);
    if (before != null) {
      throw new IllegalStateException("two commands are called '" + spec.name() + "'");
    }
    return this;
  }

  public Optional<CommandSpec> find(String name) {
    return Optional.ofNullable(commands.get(name));
  }

  public List<CommandSpec> all() {
    return Collections.unmodifiableList(new ArrayList<>(commands.values()));
  }
}

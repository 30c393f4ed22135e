package org.backgrounder.command;

import java.util.Objects;

/**
 * A command as registered.
 *
 * @param usage how to call it, e.g. {@code /sources TOPIC}
 * @param help one sentence on what it does
 * @param admin only admins may run it
 */
public record CommandSpec(String name, String usage, String help, boolean admin, Command command) {

  public CommandSpec {
    if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("a command name is lower-case letters, got " + name);
    }
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(command, "command");
  }
}

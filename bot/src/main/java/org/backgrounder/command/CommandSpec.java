package org.backgrounder.command;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A command as registered.
 *
 * @param usage how to call it, e.g. {@code /sources TOPIC}
 * @param help one sentence on what it does
 * @param admin only admins may run it
 * @param adminWhen the arguments with which only admins may run it ({@code /digest --post})
 */
public record CommandSpec(String name, String usage, String help, boolean admin,
    Predicate<String> adminWhen, Command command) {

  public CommandSpec {
    if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("a command name is lower-case letters, got " + name);
    }
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(adminWhen, "adminWhen");
    Objects.requireNonNull(command, "command");
  }

  /** A command that is for admins either always or never, whatever its arguments. */
  public CommandSpec(String name, String usage, String help, boolean admin, Command command) {
    this(name, usage, help, admin, args -> false, command);
  }

  /** Whether running it with {@code args} is for admins only. */
  public boolean adminOnly(String args) {
    return admin || adminWhen.test(args);
  }
}

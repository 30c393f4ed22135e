package org.backgrounder.command;

import java.util.Objects;
import org.backgrounder.chat.Incoming;

/**
 * A message on its way to a command.
 *
 * @param command the command's name ("ask" for a plain question)
 * @param args what follows the name, trimmed
 */
public record Request(Incoming incoming, String command, String args) {

  public Request {
    Objects.requireNonNull(incoming, "incoming");
    Objects.requireNonNull(command, "command");
    args = args == null ? "" : args.strip();
  }
}

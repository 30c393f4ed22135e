package org.backgrounder.command;

import org.backgrounder.chat.Reply;

/** What a command does with a request: one method, so a command can be a lambda. */
@FunctionalInterface
public interface Command {

  /**
   * @throws UserFacingException for something the user can fix; its message is shown to them
   */
  Reply run(Request request);
}

package org.backgrounder.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * A message for the bot, already stripped of how it was addressed: a command is written
 * {@code /name arguments} (adapters turn {@code /bg sources x} or {@code !bg sources x} into
 * {@code /sources x}); anything else is a question.
 *
 * @param id the platform's id of the message, for de-duplication and threading
 */
public record Incoming(User user, Room room, String text, String id, Instant at) {

  public Incoming {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(room, "room");
    text = text == null ? "" : text;
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
  }
}

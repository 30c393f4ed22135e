package org.backgrounder.chat;

import java.util.Objects;

/**
 * Someone who writes to the bot.
 *
 * @param platform "slack", "matrix" or "console"
 * @param id the platform's id for them ({@code U0123ABCD}, {@code @editor:newsroom.example})
 * @param bot whether it is a bot (the bot itself included); bots are never answered
 */
public record User(String platform, String id, String displayName, boolean bot) {

  public User {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(id, "id");
    displayName = displayName == null || displayName.isBlank() ? id : displayName;
  }

  /** How settings name this user: {@code platform:id}. */
  public String qualifiedId() {
    return platform + ":" + id;
  }
}

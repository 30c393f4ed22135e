package org.backgrounder.chat.slack;

import java.util.Objects;
import java.util.Optional;

/** Where an answer goes. */
sealed interface Destination {

  /** Posted for everyone in {@code channel}, in {@code thread} when there is one. */
  record Channel(String channel, Optional<String> thread) implements Destination {
    public Channel {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(thread, "thread");
    }
  }

  /**
   * Shown only to {@code user} (a slash command's answer), with a button to share it; when the bot
   * may not post in {@code channel}, it goes through the command's {@code responseUrl}.
   */
  record Privately(String channel, String user, Optional<String> responseUrl)
      implements Destination {
    public Privately {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(responseUrl, "responseUrl");
    }
  }
}

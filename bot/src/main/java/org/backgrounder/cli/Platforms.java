package org.backgrounder.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.chat.ChatException;
import org.backgrounder.chat.ChatPlatform;
import org.backgrounder.chat.Reply;
import org.backgrounder.chat.Room;
import org.backgrounder.chat.matrix.MatrixPlatform;
import org.backgrounder.chat.slack.SlackPlatform;
import org.backgrounder.command.Audit;
import org.backgrounder.config.Settings;
import org.backgrounder.digest.DigestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The chat platforms the settings configure, started and stopped together. */
final class Platforms implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Platforms.class);

  /** Said by {@code run} when no platform is configured. */
  static final String NONE = """
      No chat platform is configured, so nobody can ask the bot anything yet; it still polls the \
      feeds, posts nothing and serves the health endpoint.
        Slack: set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (see docs/slack.md).
        Matrix: set matrix.homeserver and matrix.user in backgrounder.yaml, and MATRIX_ACCESS_TOKEN \
      or MATRIX_PASSWORD (see the README).
        To try the bot without either: backgrounder chat""";

  private final Map<Settings.Platform, ChatPlatform> platforms = new LinkedHashMap<>();
  private final List<ChatPlatform> started = new ArrayList<>();

  Platforms(Map<Settings.Platform, ChatPlatform> platforms) {
    this.platforms.putAll(platforms);
  }

  /** Every platform {@code w.settings} configures, answering through {@code w.dispatcher()}. */
  static Platforms configured(Wiring w) {
    Map<Settings.Platform, ChatPlatform> out = new LinkedHashMap<>();
    List<String> commands = w.dispatcher().commandNames();
    if (w.settings.slack().configured()) {
      out.put(Settings.Platform.SLACK, SlackPlatform.create(w.settings.slack(),
          w.dispatcher()::handle, commands, Audit.feedback(w.audit), w.clock, () -> w.metrics.chatError("slack"),
          w.stores.keyValues(w.clock)));
    }
    if (w.settings.matrix().configured()) {
      out.put(Settings.Platform.MATRIX, MatrixPlatform.create(w.settings.matrix(),
          w.dispatcher()::handle, Set.copyOf(commands), w.stores.keyValues(w.clock), w.http(),
          w.clock, () -> w.metrics.chatError("matrix"), w.stores.leadership()::isLeader));
    }
    return new Platforms(out);
  }

  boolean isEmpty() {
    return platforms.isEmpty();
  }

  /** Starts every platform; if one fails, those started are stopped again. */
  void startAll() throws ChatException {
    for (ChatPlatform p : platforms.values()) {
      try {
        p.start();
        started.add(p);
      } catch (ChatException | RuntimeException e) {
        close();
        throw e;
      }
    }
  }

  /** Signs every platform in to post only ({@code digest --post}). */
  void signInToPost() throws ChatException {
    for (ChatPlatform p : platforms.values()) {
      p.signInToPost();
    }
  }

  /** Posts through the platform a digest names; an unconfigured one is an error that says so. */
  DigestScheduler.Poster poster() {
    return (platform, channel, reply, key) -> send(platform, channel, reply, Optional.of(key));
  }

  void send(Settings.Platform platform, String channel, Reply reply, Optional<String> key)
      throws ChatException {
    ChatPlatform p = platforms.get(platform);
    if (p == null) {
      throw new ChatException(platform.id() + " is not configured, so nothing can be posted to "
          + channel + " (see the " + platform.id() + " settings)");
    }
    p.send(new Room(platform.id(), channel, false, Optional.empty()), reply, key);
  }

  /** Platforms where a repeated post with the same key is not posted twice. */
  Set<Settings.Platform> deduplicating() {
    Set<Settings.Platform> out = EnumSet.noneOf(Settings.Platform.class);
    if (platforms.containsKey(Settings.Platform.MATRIX)) {
      out.add(Settings.Platform.MATRIX);
    }
    return out;
  }

  /** Each platform by name, and whether it is connected. */
  Map<String, Boolean> readiness() {
    Map<String, Boolean> out = new LinkedHashMap<>();
    platforms.values().forEach(p -> out.put(p.name(), p.connected()));
    return out;
  }

  List<String> names() {
    return platforms.values().stream().map(ChatPlatform::name).toList();
  }

  /** Stops the platforms started, each letting its answers in flight finish. */
  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (RuntimeException e) {
        LOG.warn("closing {} failed: {}", started.get(i).name(), e.getMessage());
      }
    }
    started.clear();
  }
}

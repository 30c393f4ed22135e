package org.backgrounder.chat.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import java.time.Clock;
import java.util.Set;
import java.util.Optional;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.Room;
import org.backgrounder.chat.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what the bot answers and where, on Bolt's thread and without waiting: mentions in
 * channels (in the question's thread), direct messages, follow-ups in threads it answered in,
 * and {@code /bg}. It drops what must not be answered (retries of events already handled, bots,
 * edits, deletions and other subtypes) and hands the rest to {@link Answers}.
 */
final class Conversations {

  private static final Logger LOG = LoggerFactory.getLogger(Conversations.class);
  static final String PLATFORM = "slack";

  private final Answers answers;
  private final Memory memory;
  private final Set<String> subcommands;
  private final Clock clock;
  private volatile String botUserId;

  Conversations(Answers answers, Memory memory, Set<String> subcommands, Clock clock) {
    this.subcommands = Set.copyOf(subcommands);
    this.answers = answers;
    this.memory = memory;
    this.clock = clock;
  }

  /** Who the bot is ({@code auth.test}'s user_id), to strip its mention and skip its messages. */
  void botUserId(String id) {
    this.botUserId = id;
  }

  /** {@code app_mention}: answered in the thread of the question. */
  void mention(AppMentionEvent e, String eventId) {
    if (fromBot(e.getBotId(), e.getUser()) || present(e.getSubtype())
        || (e.getEdited() != null && present(e.getEdited().getTs()))
        || !present(e.getChannel()) || !present(e.getTs())) {
      return;
    }
    if (e.getChannel().startsWith("D")) {
      return; // a direct message: answered once, from its message.im event
    }
    if (!firstDelivery(eventId)) {
      return;
    }
    String thread = present(e.getThreadTs()) ? e.getThreadTs() : e.getTs();
    ask(e.getUser(), e.getChannel(), false, Optional.of(thread), e.getText(), eventId);
  }

  /**
   * {@code message} without a subtype: direct messages are always answered (threaded when asked
   * in a thread); in channels only follow-ups in a thread the bot answered in, and only when they
   * neither mention the bot (the app_mention answers those) nor someone else (talk among people).
   */
  void message(MessageEvent e, String eventId) {
    if (fromBot(e.getBotId(), e.getUser())
        || (e.getEdited() != null && present(e.getEdited().getTs()))
        || !present(e.getChannel()) || !present(e.getTs())) {
      return;
    }
    Optional<String> thread = Optional.ofNullable(e.getThreadTs()).filter(Conversations::present);
    boolean direct = "im".equals(e.getChannelType());
    if (!direct) {
      boolean maybeFollowUp = thread.isPresent()
          && !SlackText.mentions(e.getText(), botUserId)
          && !SlackText.mentionsSomeoneElse(e.getText(), botUserId);
      if (!maybeFollowUp) {
        return;
      }
      if (!memory.answeredBefore(e.getChannel(), thread.get())) {
        if (memory.shared() && firstDelivery(eventId)) {
          // Another replica may have answered in the thread: looked up off Bolt's thread.
          answers.run("look up thread " + thread.get(), () -> {
            if (memory.answeredElsewhere(e.getChannel(), thread.get())) {
              ask(e.getUser(), e.getChannel(), false, thread, e.getText(), eventId);
            }
          });
        }
        return;
      }
    }
    if (!firstDelivery(eventId)) {
      return;
    }
    ask(e.getUser(), e.getChannel(), direct, thread, e.getText(), eventId);
  }

  /**
   * Answers in {@code thread}; in a channel, later messages there are follow-ups for a day. With
   * replicas, the answering thread first claims the event in the shared store, and answers only
   * if it is the first replica to.
   */
  private void ask(String userId, String channel, boolean direct, Optional<String> thread,
      String text, String eventId) {
    if (!direct) {
      thread.ifPresent(t -> memory.answeredIn(channel, t));
    }
    Incoming incoming = new Incoming(new User(PLATFORM, userId, null, false),
        new Room(PLATFORM, channel, direct, thread), SlackText.neutral(text, botUserId), eventId,
        clock.instant());
    answers.submit(incoming, new Destination.Channel(channel, thread), () -> {
      if (eventId != null && !memory.claim(eventId)) {
        LOG.debug("Slack: event {} is answered by another replica", eventId);
        return false;
      }
      if (!direct) {
        thread.ifPresent(t -> memory.shareAnsweredIn(channel, t));
      }
      return true;
    });
  }

  /** {@code /bg ...}: answered privately, with a button to share it. */
  void command(SlashCommandPayload p) {
    if (!present(p.getUserId()) || !present(p.getChannelId())) {
      return;
    }
    String id = present(p.getTriggerId()) ? p.getTriggerId() : "command-" + clock.millis();
    boolean direct = p.getChannelId().startsWith("D") || "directmessage".equals(p.getChannelName());
    Incoming incoming = new Incoming(new User(PLATFORM, p.getUserId(), p.getUserName(), false),
        new Room(PLATFORM, p.getChannelId(), direct, Optional.empty()),
        SlackText.command(p.getText(), subcommands), id, clock.instant());
    answers.submit(incoming, new Destination.Privately(p.getChannelId(), p.getUserId(),
        Optional.ofNullable(p.getResponseUrl()).filter(Conversations::present)));
  }

  /** A press of "Share in channel". */
  void share(BlockActionPayload p) {
    pressed(p).ifPresent(press -> answers.run("share a reply", () ->
        answers.share(press.value(), press.user().id(), press.channel(), press.responseUrl())));
  }

  /** A press of a thumb. */
  void feedback(BlockActionPayload p, boolean helpful) {
    pressed(p).ifPresent(press -> answers.run("record feedback", () ->
        answers.feedback(press.value(), helpful, press.user(), press.channel(),
            press.responseUrl())));
  }

  private record Press(User user, String channel, String value, Optional<String> responseUrl) {}

  private static Optional<Press> pressed(BlockActionPayload p) {
    if (p.getUser() == null || p.getActions() == null || p.getActions().isEmpty()) {
      return Optional.empty();
    }
    String channel = p.getChannel() != null ? p.getChannel().getId()
        : p.getContainer() != null ? p.getContainer().getChannelId() : null;
    if (!present(channel) || !present(p.getUser().getId())) {
      LOG.debug("Slack: a button press without a channel or user; ignored");
      return Optional.empty();
    }
    String name = p.getUser().getUsername() != null ? p.getUser().getUsername()
        : p.getUser().getName();
    return Optional.of(new Press(new User(PLATFORM, p.getUser().getId(), name, false), channel,
        p.getActions().get(0).getValue(),
        Optional.ofNullable(p.getResponseUrl()).filter(Conversations::present)));
  }

  private boolean fromBot(String botId, String user) {
    return present(botId) || !present(user) || user.equals(botUserId);
  }

  private boolean firstDelivery(String eventId) {
    if (eventId == null) {
      return true;
    }
    boolean first = memory.firstDelivery(eventId);
    if (!first) {
      LOG.debug("Slack: event {} was delivered again; answered already", eventId);
    }
    return first;
  }

  static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}

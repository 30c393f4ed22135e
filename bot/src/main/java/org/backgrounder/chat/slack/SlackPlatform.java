package org.backgrounder.chat.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.backgrounder.chat.ChatException;
import org.backgrounder.chat.ChatPlatform;
import org.backgrounder.chat.FeedbackSink;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.Reply;
import org.backgrounder.chat.Room;
import org.backgrounder.config.SlackSettings;
import org.backgrounder.store.KeyValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot on Slack. {@link #start} checks the tokens (naming the one that is missing or
 * rejected), then connects in Socket Mode or serves the HTTP endpoint; from then on mentions,
 * direct messages, thread follow-ups and {@code /bg} go to the handler, off Slack's
 * acknowledgement path, and its replies come back as Block Kit.
 */
public final class SlackPlatform implements ChatPlatform {

  private static final Logger LOG = LoggerFactory.getLogger(SlackPlatform.class);

  /** The waits the adapter makes, so tests can shorten them. */
  record Tuning(Sleeper sleeper, Duration reconnectDelay, Duration connectWait,
      Duration closeGrace) {
    static final Tuning DEFAULT = new Tuning(Sleeper.REAL, Duration.ofSeconds(1),
        Duration.ofSeconds(10), Duration.ofSeconds(5));

    Tuning {
      Objects.requireNonNull(sleeper, "sleeper");
      Objects.requireNonNull(reconnectDelay, "reconnectDelay");
      Objects.requireNonNull(connectWait, "connectWait");
      Objects.requireNonNull(closeGrace, "closeGrace");
    }
  }

  private final SlackSettings settings;
  private final Clock clock;
  private final Tuning tuning;
  private final Slack slack;
  private final WebApi api;
  private final Answers answers;
  private final Conversations conversations;
  private volatile Connection connection;

  private SlackPlatform(SlackSettings settings, Function<Incoming, Reply> handler,
      Set<String> commands, FeedbackSink feedback, Clock clock, Tuning tuning,
      Runnable answerFailed, Optional<KeyValues> shared) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tuning = tuning;
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiUrl().toString());
    config.setStatsEnabled(false);
    this.slack = Slack.getInstance(config);
    this.api = new WebApi(slack, botToken(), tuning.sleeper());
    Memory memory = new Memory(clock, shared);
    this.answers = new Answers(Objects.requireNonNull(handler, "handler"), api, memory,
        Objects.requireNonNull(feedback, "feedback"), clock, answerFailed);
    this.conversations = new Conversations(answers, memory, commands, clock);
  }

  /**
   * The Slack adapter for {@code settings}; nothing connects until {@link #start}.
   *
   * @param handler turns a neutral message into a reply (the dispatcher); runs on the adapter's
   *     own threads, never on Slack's acknowledgement path
   * @param feedback where thumbs-up and thumbs-down presses go
   */
  public static SlackPlatform create(SlackSettings settings, Function<Incoming, Reply> handler,
      FeedbackSink feedback, Clock clock) {
    return new SlackPlatform(settings, handler, SlackText.SUBCOMMANDS, feedback, clock,
        Tuning.DEFAULT, () -> { }, Optional.empty());
  }

  /**
   * As {@link #create(SlackSettings, Function, FeedbackSink, Clock)}, with the command set's names:
   * {@code /bg NAME ...} runs the command NAME, and {@code /bg} followed by anything else is a
   * question.
   */
  public static SlackPlatform create(SlackSettings settings, Function<Incoming, Reply> handler,
      Collection<String> commands, FeedbackSink feedback, Clock clock) {
    return create(settings, handler, commands, feedback, clock, () -> { });
  }

  /**
   * As {@link #create(SlackSettings, Function, Collection, FeedbackSink, Clock)}, telling
   * {@code answerFailed} each time an answer could not be posted (for the chat-errors metric).
   */
  public static SlackPlatform create(SlackSettings settings, Function<Incoming, Reply> handler,
      Collection<String> commands, FeedbackSink feedback, Clock clock, Runnable answerFailed) {
    return new SlackPlatform(settings, handler, Set.copyOf(commands), feedback, clock,
        Tuning.DEFAULT, answerFailed, Optional.empty());
  }

  /**
   * As {@link #create(SlackSettings, Function, Collection, FeedbackSink, Clock, Runnable)}, with
   * the key-values of a store replicas may share: an event is answered by the one replica that
   * claims it there first, whichever of them Slack delivered it to.
   */
  public static SlackPlatform create(SlackSettings settings, Function<Incoming, Reply> handler,
      Collection<String> commands, FeedbackSink feedback, Clock clock, Runnable answerFailed,
      KeyValues shared) {
    return new SlackPlatform(settings, handler, Set.copyOf(commands), feedback, clock,
        Tuning.DEFAULT, answerFailed, Optional.of(shared));
  }

  static SlackPlatform create(SlackSettings settings, Function<Incoming, Reply> handler,
      FeedbackSink feedback, Clock clock, Tuning tuning) {
    return create(settings, handler, feedback, clock, tuning, () -> { });
  }

  static SlackPlatform create(SlackSettings settings, Function<Incoming, Reply> handler,
      FeedbackSink feedback, Clock clock, Tuning tuning, Runnable answerFailed) {
    return create(settings, handler, feedback, clock, tuning, answerFailed, Optional.empty());
  }

  static SlackPlatform create(SlackSettings settings, Function<Incoming, Reply> handler,
      FeedbackSink feedback, Clock clock, Tuning tuning, Runnable answerFailed,
      Optional<KeyValues> shared) {
    return new SlackPlatform(settings, handler, SlackText.SUBCOMMANDS, feedback, clock, tuning,
        answerFailed, shared);
  }

  @Override
  public String name() {
    return "slack";
  }

  @Override
  public void start() throws ChatException {
    if (connection != null) {
      throw new IllegalStateException("the Slack adapter is already started");
    }
    requireCredentials();
    AuthTestResponse me = checkBotToken();
    conversations.botUserId(me.getUserId());
    App app = boltApp();
    Connection c = settings.socketMode()
        ? new SocketConnection(app, api, slack, settings.appToken().reveal(),
            tuning.reconnectDelay(), tuning.connectWait())
        : new HttpEndpoint(app, new RequestSignature(settings.signingSecret().reveal(), clock),
            settings.listen());
    try {
      c.open();
    } catch (ChatException | RuntimeException e) {
      c.close(); // a half-open socket or a started Bolt app must not outlive the failed start
      throw e;
    }
    connection = c;
    LOG.info("Slack: started as {} in {} mode", me.getUser(), settings.mode());
  }

  @Override
  public void signInToPost() throws ChatException {
    if (!settings.configured()) {
      throw new ChatException("Slack is not configured: SLACK_BOT_TOKEN (slack.bot_token) is"
          + " empty; it needs the Bot User OAuth Token (xoxb-...)");
    }
    checkBotToken();
  }

  private String botToken() {
    return settings.botToken() == null ? "" : settings.botToken().reveal();
  }

  private void requireCredentials() throws ChatException {
    if (!settings.configured()) {
      throw new ChatException("Slack is not configured: SLACK_BOT_TOKEN (slack.bot_token) is"
          + " empty; it needs the Bot User OAuth Token (xoxb-...)");
    }
    if (botToken().startsWith("xapp-")) {
      throw new ChatException("SLACK_BOT_TOKEN (slack.bot_token) holds an app-level token"
          + " (xapp-...); it needs the Bot User OAuth Token (xoxb-...) from OAuth & Permissions");
    }
    if (settings.socketMode()) {
      if (settings.appTokenIfSet().isEmpty()) {
        throw new ChatException("Slack is configured but SLACK_APP_TOKEN (slack.app_token) is"
            + " empty: Socket Mode needs an app-level token (xapp-...) with connections:write,"
            + " or set slack.mode: http");
      }
      if (settings.appToken().reveal().startsWith("xox")) {
        throw new ChatException("SLACK_APP_TOKEN (slack.app_token) holds an OAuth token (xox...);"
            + " Socket Mode needs the app-level token (xapp-...) from Basic Information");
      }
    } else if (settings.signingSecretIfSet().isEmpty()) {
      throw new ChatException("Slack is configured for HTTP mode but SLACK_SIGNING_SECRET"
          + " (slack.signing_secret) is empty: HTTP mode needs the app's signing secret (Basic"
          + " Information > App Credentials) to verify Slack's requests");
    }
  }

  /** auth.test first: a wrong token fails here, with its name, not on the first question. */
  private AuthTestResponse checkBotToken() throws ChatException {
    AuthTestResponse r;
    try {
      r = api.authTest();
    } catch (IOException e) {
      throw new ChatException("Could not reach Slack at " + settings.apiUrl() + " to check the"
          + " bot token: " + e.getMessage(), e);
    } catch (SlackApiException e) {
      throw new ChatException("Slack answered HTTP " + e.getResponse().code() + " to auth.test",
          e);
    }
    if (!r.isOk()) {
      String error = WebApi.error(r);
      if (WebApi.REJECTED.contains(error)) {
        throw new ChatException("Slack rejected the bot token (" + error + "): check"
            + " SLACK_BOT_TOKEN");
      }
      throw new ChatException("Slack refused auth.test (" + error + "): check SLACK_BOT_TOKEN");
    }
    if (r.getUserId() == null) {
      throw new ChatException("SLACK_BOT_TOKEN is not a bot token (auth.test names no bot"
          + " user); use the Bot User OAuth Token (xoxb-...)");
    }
    return r;
  }

  /**
   * The Bolt app: every listener hands its work on and acknowledges at once. Bolt's own signature
   * check is off because {@link HttpEndpoint} has checked already (and Socket Mode needs none);
   * its auth.test is cached so that acknowledging does not wait on a Web API call each time;
   * events nobody listens for (edits, deletions, bot messages) are acknowledged too, so Slack
   * does not send them again.
   */
  private App boltApp() {
    AppConfig config = AppConfig.builder()
        .slack(slack)
        .singleTeamBotToken(botToken())
        .signingSecret(settings.signingSecretIfSet().map(s -> s.reveal()).orElse(null))
        .requestVerificationEnabled(false)
        .authTestCacheEnabled(true)
        .allEventsApiAutoAckEnabled(true)
        .build();
    App app = new App(config);
    app.event(AppMentionEvent.class, (p, ctx) ->
        ack(ctx, () -> conversations.mention(p.getEvent(), p.getEventId())));
    app.event(MessageEvent.class, (p, ctx) ->
        ack(ctx, () -> conversations.message(p.getEvent(), p.getEventId())));
    app.command(Pattern.compile("^/.+$"), (req, ctx) ->
        ack(ctx, () -> conversations.command(req.getPayload())));
    app.blockAction(BlockKit.SHARE, (req, ctx) ->
        ack(ctx, () -> conversations.share(req.getPayload())));
    app.blockAction(BlockKit.FEEDBACK_UP, (req, ctx) ->
        ack(ctx, () -> conversations.feedback(req.getPayload(), true)));
    app.blockAction(BlockKit.FEEDBACK_DOWN, (req, ctx) ->
        ack(ctx, () -> conversations.feedback(req.getPayload(), false)));
    return app;
  }

  private static Response ack(Context ctx, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.error("Slack: failed to take a request in", e);
    }
    return ctx.ack();
  }

  @Override
  public boolean connected() {
    Connection c = connection;
    return c != null && c.connected();
  }

  /** Posts with chat.postMessage, in the room's thread when it has one. */
  @Override
  public void send(Room room, Reply reply) throws ChatException {
    if (reply.isEmpty()) {
      return;
    }
    answers.post(room.id(), room.thread(), reply);
  }

  /** HTTP mode's address (tests listen on port 0). */
  InetSocketAddress httpAddress() {
    if (connection instanceof HttpEndpoint h) {
      return h.address();
    }
    throw new IllegalStateException("not serving HTTP");
  }

  @Override
  public void close() {
    Connection c = connection;
    connection = null;
    if (c != null) {
      c.close();
    }
    answers.close(tuning.closeGrace());
    try {
      slack.close();
    } catch (Exception e) {
      LOG.debug("Slack: closing the HTTP client: {}", e.getMessage());
    }
  }
}

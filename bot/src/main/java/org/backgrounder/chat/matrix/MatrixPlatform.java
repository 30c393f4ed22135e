package org.backgrounder.chat.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.backgrounder.chat.ChatException;
import org.backgrounder.chat.ChatPlatform;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.Reply;
import org.backgrounder.chat.Room;
import org.backgrounder.chat.User;
import org.backgrounder.config.MatrixSettings;
import org.backgrounder.store.KeyValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot in Matrix rooms. It joins rooms it is invited to by allowed users (and declines the
 * rest), answers {@code !bg} commands, mentions and every message of a direct room, in the
 * message's thread, and remembers both where its sync stopped and which messages it answered, so
 * a restart neither repeats nor loses anything. The first sync only takes the bot's bearings:
 * nothing said before the bot started is answered.
 */
public final class MatrixPlatform implements ChatPlatform {

  private static final Logger LOG = LoggerFactory.getLogger(MatrixPlatform.class);
  static final String ENCRYPTED_NOTICE = "This room is end-to-end encrypted, and I cannot read"
      + " encrypted messages yet. Ask me in an unencrypted room, or in a direct chat without"
      + " encryption.";

  /** How the sync loop waits; tests replace it so they do not sleep. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final MatrixSettings settings;
  private final Function<Incoming, Reply> handler;
  private final Set<String> commands;
  private final KeyValues state;
  private final MatrixClient client;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollTimeout;
  private final Globs inviters;
  private final Map<String, Boolean> directRooms = new ConcurrentHashMap<>();
  private volatile String botId;
  private volatile Optional<String> displayName = Optional.empty();
  private volatile String filterId;
  private volatile boolean running;
  private volatile boolean connected;
  private volatile boolean inSync;
  private volatile String stopReason;
  private Thread loop;
  private Instant lastPrune;

  MatrixPlatform(MatrixSettings settings, Function<Incoming, Reply> handler, Set<String> commands,
      KeyValues state, OkHttpClient http, Clock clock, Sleeper sleeper, Duration pollTimeout) {
    this.settings = settings;
    this.handler = handler;
    this.commands = Set.copyOf(commands);
    this.state = state;
    this.client = new MatrixClient(http, settings.homeserver());
    this.clock = clock;
    this.sleeper = sleeper;
    this.pollTimeout = pollTimeout;
    this.inviters = new Globs(settings.allowedInviters());
  }

  /**
   * @param commands the command names {@code !bg} may be followed by; anything else after
   *     {@code !bg} is a question
   */
  public static MatrixPlatform create(MatrixSettings settings, Function<Incoming, Reply> handler,
      Set<String> commands, KeyValues state, OkHttpClient http, Clock clock) {
    return new MatrixPlatform(settings, handler, commands, state, http, clock, d -> Thread.sleep(
        d.toMillis()), Duration.ofSeconds(30));
  }

  @Override
  public String name() {
    return "matrix";
  }

  @Override
  public boolean connected() {
    return connected;
  }

  /** Why the adapter stopped by itself, if it did (an unknown token). */
  public Optional<String> stopReason() {
    return Optional.ofNullable(stopReason);
  }

  @Override
  public void start() throws ChatException {
    signIn(settings.deviceId());
    running = true;
    loop = new Thread(this::syncLoop, "matrix-sync");
    loop.setDaemon(true);
    loop.start();
    LOG.info("Matrix: signed in as {}", botId);
  }

  /**
   * Signs in without syncing. With a password it logs in as a device of its own, so that a
   * running bot's session (same user, the usual device) is left alone.
   */
  @Override
  public void signInToPost() throws ChatException {
    signIn(settings.deviceId() + "_POST");
  }

  private void signIn(String device) throws ChatException {
    try {
      if (settings.accessTokenIfSet().isPresent()) {
        client.useToken(settings.accessTokenIfSet().get().reveal());
      } else if (settings.passwordIfSet().isPresent()) {
        client.login(settings.user(), settings.passwordIfSet().get().reveal(), device);
      } else {
        throw new ChatException("Matrix is configured (matrix.homeserver) but neither"
            + " MATRIX_ACCESS_TOKEN (matrix.access_token) nor MATRIX_PASSWORD (matrix.password) is set");
      }
      botId = client.whoami();
      if (settings.user() != null && !settings.user().equals(botId)) {
        throw new ChatException("the Matrix token belongs to " + botId + ", not to matrix.user "
            + settings.user());
      }
      displayName = client.displayName(botId);
      filterId = client.createFilter(botId, filter());
    } catch (MatrixException e) {
      if (e.unknownToken() || e.status() == 401 || e.status() == 403) {
        throw new ChatException("Matrix rejected the bot's credentials (" + e.errcode() + "): check"
            + " MATRIX_ACCESS_TOKEN or MATRIX_PASSWORD for " + settings.user());
      }
      throw new ChatException("cannot reach the Matrix homeserver " + settings.homeserver() + ": "
          + e.getMessage(), e);
    }
  }

  private static JsonNode filter() {
    ObjectNode f = MatrixClient.JSON.createObjectNode();
    f.putObject("presence").putArray("types");
    f.putObject("account_data").putArray("types");
    ObjectNode room = f.putObject("room");
    ObjectNode timeline = room.putObject("timeline");
    timeline.put("limit", 50);
    ArrayNode types = timeline.putArray("types");
    types.add("m.room.message").add("m.room.encrypted").add("m.room.encryption").add("m.room.member");
    room.putObject("state").put("lazy_load_members", true);
    room.putObject("ephemeral").putArray("types");
    room.putObject("account_data").putArray("types");
    return f;
  }

  private String key(String what) {
    return "matrix:" + botId + ":" + what;
  }

  private void syncLoop() {
    Duration backoff = Duration.ofSeconds(1);
    while (running) {
      try {
        Optional<String> since = state.get(key("since"));
        inSync = true;
        JsonNode sync;
        try {
          sync = client.sync(since, filterId, since.isEmpty() ? Duration.ZERO : pollTimeout);
        } finally {
          inSync = false;
        }
        if (!running) {
          break;
        }
        handleBatch(sync, since.isEmpty());
        // Only now is the batch done: a restart resumes after it, never before or in its middle.
        state.put(key("since"), sync.path("next_batch").asText());
        state.put(key("synced-at"), Long.toString(clock.millis()));
        forgetOldAnswers();
        connected = true;
        backoff = Duration.ofSeconds(1);
      } catch (MatrixException e) {
        if (!running) {
          break; // the long-poll was cancelled by close()
        }
        if (e.unknownToken()) {
          stopReason = "Matrix no longer accepts the bot's token (" + e.errcode() + "); the Matrix"
              + " adapter has stopped. Set a new MATRIX_ACCESS_TOKEN (or MATRIX_PASSWORD) and restart.";
          LOG.error(stopReason);
          connected = false;
          running = false;
          break;
        }
        Duration wait = e.rateLimited() ? e.retryAfter().orElse(backoff) : backoff;
        if (!e.rateLimited()) {
          connected = false;
          backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(60)) > 0
              ? Duration.ofSeconds(60) : backoff.multipliedBy(2);
        }
        LOG.info("Matrix sync: {}; retrying in {} ms", e.getMessage(), wait.toMillis());
        if (!pause(wait)) {
          break;
        }
      } catch (RuntimeException e) {
        LOG.error("Matrix sync failed unexpectedly; retrying", e);
        if (!pause(backoff)) {
          break;
        }
      }
    }
  }

  private boolean pause(Duration d) {
    try {
      sleeper.sleep(d);
      return running;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  void handleBatch(JsonNode sync, boolean first) throws MatrixException {
    JsonNode invites = sync.path("rooms").path("invite");
    for (var it = invites.fields(); it.hasNext(); ) {
      var room = it.next();
      invited(room.getKey(), room.getValue().path("invite_state").path("events"));
    }
    JsonNode joined = sync.path("rooms").path("join");
    for (var it = joined.fields(); it.hasNext(); ) {
      var room = it.next();
      joinedRoom(room.getKey(), room.getValue(), first);
    }
  }

  private void invited(String roomId, JsonNode events) throws MatrixException {
    String inviter = null;
    boolean direct = false;
    for (JsonNode e : events) {
      if (e.path("type").asText().equals("m.room.member") && botId.equals(e.path("state_key").asText())
          && e.path("content").path("membership").asText().equals("invite")) {
        inviter = e.path("sender").asText();
        direct = e.path("content").path("is_direct").asBoolean(false);
      }
    }
    if (inviter != null && inviters.matches(inviter)) {
      try {
        client.join(roomId);
      } catch (MatrixException e) {
        if (!refusedForGood(e)) {
          throw e;
        }
        LOG.warn("Matrix: could not join {} on {}'s invite: {}", roomId, inviter, e.getMessage());
        return;
      }
      // What was said before the bot arrived is history, not questions for it.
      state.put(key("joined-at:" + roomId), Long.toString(clock.millis()));
      if (direct) {
        state.put(key("direct:" + roomId), "1");
      }
      LOG.info("Matrix: joined {} on {}'s invite", roomId, inviter);
    } else {
      try {
        client.leave(roomId, "Backgrounder accepts invites only from " + String.join(", ",
            settings.allowedInviters()));
      } catch (MatrixException e) {
        if (!refusedForGood(e)) {
          throw e;
        }
        LOG.warn("Matrix: could not decline the invite to {}: {}", roomId, e.getMessage());
        return;
      }
      LOG.info("Matrix: declined the invite to {} from {}", roomId, inviter);
    }
  }

  private void joinedRoom(String roomId, JsonNode room, boolean first) throws MatrixException {
    JsonNode timeline = room.path("timeline");
    boolean encrypted = hasType(room.path("state").path("events"), "m.room.encryption")
        || hasType(timeline.path("events"), "m.room.encryption")
        || hasType(timeline.path("events"), "m.room.encrypted");
    if (encrypted || state.get(key("encrypted:" + roomId)).isPresent()) {
      if (state.putIfAbsent(key("encrypted:" + roomId), "1")) {
        sendWithRetry(roomId, "bg-encrypted-" + sha(roomId), MatrixRenderer.content(
            Reply.info(ENCRYPTED_NOTICE), Optional.empty(), Optional.empty()));
      }
      return;
    }
    if (hasType(timeline.path("events"), "m.room.member")) {
      directRooms.remove(roomId);
    }
    if (first) {
      return;
    }
    List<JsonNode> events = new ArrayList<>();
    if (timeline.path("limited").asBoolean(false) && timeline.hasNonNull("prev_batch")) {
      events.addAll(gap(roomId, timeline.path("prev_batch").asText()));
    }
    timeline.path("events").forEach(events::add);
    for (JsonNode e : events) {
      if (running && e.path("type").asText().equals("m.room.message")) {
        message(roomId, e);
      }
    }
  }

  /**
   * A limited timeline skipped messages: fetch the ones said since the last batch was handled
   * (those older were already seen), oldest first.
   */
  private List<JsonNode> gap(String roomId, String prevBatch) throws MatrixException {
    Optional<Long> handledUpTo = state.get(key("handled-ts:" + roomId)).map(Long::parseLong)
        .or(() -> state.get(key("synced-at")).map(Long::parseLong));
    if (handledUpTo.isEmpty()) {
      return List.of();
    }
    List<JsonNode> older = new ArrayList<>();
    JsonNode page = client.messagesBefore(roomId, prevBatch, 100);
    for (JsonNode e : page.path("chunk")) {
      if (e.path("origin_server_ts").asLong() <= handledUpTo.get()) {
        break;
      }
      older.add(0, e);
    }
    LOG.info("Matrix: {} had a gap; {} earlier messages fetched", roomId, older.size());
    return older;
  }

  private void message(String roomId, JsonNode e) throws MatrixException {
    String eventId = e.path("event_id").asText();
    String sender = e.path("sender").asText();
    JsonNode content = e.path("content");
    long ts = e.path("origin_server_ts").asLong();
    state.put(key("handled-ts:" + roomId), Long.toString(ts));
    if (ts < state.get(key("joined-at:" + roomId)).map(Long::parseLong).orElse(0L)) {
      return;
    }
    if (sender.equals(botId) || content.path("msgtype").asText().equals("m.notice")
        || content.path("m.relates_to").path("rel_type").asText().equals("m.replace")
        || !content.path("body").isTextual()) {
      return;
    }
    String body = content.path("body").asText();
    Optional<String> text = addressed(roomId, body, content);
    if (text.isEmpty() || state.get(key("answered:" + eventId)).isPresent()) {
      return;
    }
    JsonNode rel = content.path("m.relates_to");
    String root = rel.path("rel_type").asText().equals("m.thread") ? rel.path("event_id").asText()
        : eventId;
    typing(roomId, true);
    Reply reply;
    try {
      reply = handler.apply(new Incoming(new User("matrix", sender, null, false),
          new Room("matrix", roomId, isDirect(roomId), Optional.of(root)), text.get(), eventId,
          clock.instant()));
    } finally {
      typing(roomId, false);
    }
    if (!reply.isEmpty()) {
      // The transaction id comes from the question: a retry, or a restart before the question
      // was recorded as answered, sends the same message again, which the homeserver drops.
      try {
        sendWithRetry(roomId, "bg-" + sha(eventId), MatrixRenderer.content(reply,
            Optional.of(root), Optional.of(eventId)));
      } catch (MatrixException ex) {
        if (!refusedForGood(ex)) {
          throw ex; // transient: the batch is handled again and the answer sent then
        }
        // Refused for good (no permission to post there): retrying the batch would hold up
        // every room; the question is given up, and said so in the log.
        LOG.warn("Matrix: could not answer {} in {}: {}", eventId, roomId, ex.getMessage());
      }
    }
    state.put(key("answered:" + eventId), Long.toString(clock.millis()));
  }

  /** The question, when the message is for the bot: a command, a mention, or a direct message. */
  Optional<String> addressed(String roomId, String body, JsonNode content) throws MatrixException {
    String t = body.strip();
    if (t.equals("!bg") || t.startsWith("!bg ")) {
      String rest = t.substring(3).strip();
      if (rest.isEmpty()) {
        return Optional.of("/help");
      }
      String word = rest.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
      return Optional.of(commands.contains(word) ? "/" + rest : rest);
    }
    boolean mentioned = false;
    for (JsonNode id : content.path("m.mentions").path("user_ids")) {
      mentioned |= botId.equals(id.asText());
    }
    String stripped = t;
    if (t.contains(botId)) {
      mentioned = true;
      stripped = t.replace(botId, " ");
    }
    if (displayName.isPresent()) {
      String name = displayName.get();
      if (t.regionMatches(true, 0, name, 0, name.length()) && t.length() > name.length()
          && ":, ".indexOf(t.charAt(name.length())) >= 0) {
        mentioned = true;
        stripped = t.substring(name.length());
      }
    }
    if (mentioned) {
      stripped = stripped.replaceFirst("^[\\s:,]+", "").strip();
      if (stripped.startsWith("!bg")) {
        return addressed(roomId, stripped, MatrixClient.JSON.createObjectNode());
      }
      return Optional.of(stripped.isEmpty() ? "/help" : stripped);
    }
    return isDirect(roomId) ? Optional.of(t) : Optional.empty();
  }

  private boolean isDirect(String roomId) {
    if (state.get(key("direct:" + roomId)).isPresent()) {
      return true;
    }
    return directRooms.computeIfAbsent(roomId, r -> {
      try {
        return client.joinedMembers(r) == 2;
      } catch (MatrixException e) {
        return false;
      }
    });
  }

  private void typing(String roomId, boolean on) {
    try {
      client.typing(roomId, botId, on);
    } catch (MatrixException e) {
      LOG.debug("typing notice failed: {}", e.getMessage());
    }
  }

  /**
   * Once a day, forgets which messages were answered more than a week ago: the sync token and
   * each room's last handled time already keep those from being seen again.
   */
  private void forgetOldAnswers() {
    Instant now = clock.instant();
    if (lastPrune != null && Duration.between(lastPrune, now).compareTo(Duration.ofDays(1)) < 0) {
      return;
    }
    lastPrune = now;
    int gone = state.prune(key("answered:"), now.minus(Duration.ofDays(7)));
    if (gone > 0) {
      LOG.debug("Matrix: forgot {} answered messages older than a week", gone);
    }
  }

  /**
   * Whether the homeserver refused for good (4xx other than a rate limit, e.g. no permission to
   * post in a room): trying again would fail again.
   */
  private static boolean refusedForGood(MatrixException e) {
    return e.status() >= 400 && e.status() < 500 && !e.rateLimited() && !e.unknownToken();
  }

  /** Sends with the same transaction id until it goes through (rate limits, dropped connections). */
  private void sendWithRetry(String roomId, String txnId, JsonNode content) throws MatrixException {
    Duration backoff = Duration.ofSeconds(1);
    for (int attempt = 1; ; attempt++) {
      try {
        client.send(roomId, txnId, content);
        return;
      } catch (MatrixException e) {
        boolean again = (e.rateLimited() || e.networkFailure() || e.status() >= 500) && attempt < 6;
        if (!again) {
          throw e;
        }
        Duration wait = e.rateLimited() ? e.retryAfter().orElse(backoff) : backoff;
        backoff = backoff.multipliedBy(2);
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  @Override
  public void send(Room room, Reply reply) throws ChatException {
    send(room, reply, Optional.empty());
  }

  @Override
  public void send(Room room, Reply reply, Optional<String> key) throws ChatException {
    String txn = key.map(k -> "bg-" + sha(k)).orElse("bg-" + UUID.randomUUID());
    try {
      sendWithRetry(room.id(), txn, MatrixRenderer.content(reply, room.thread(), room.thread()));
    } catch (MatrixException e) {
      throw new ChatException("Matrix refused the message for " + room.id() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    running = false;
    Thread t = loop;
    if (t == null) {
      return;
    }
    client.cancelSync();
    try {
      t.join(5000);
      if (t.isAlive()) {
        t.interrupt();
        t.join(2000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connected = false;
  }

  private static boolean hasType(JsonNode events, String type) {
    for (JsonNode e : events) {
      if (e.path("type").asText().equals(type)) {
        return true;
      }
    }
    return false;
  }

  static String sha(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

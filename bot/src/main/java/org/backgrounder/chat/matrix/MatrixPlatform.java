package org.backgrounder.chat.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.backgrounder.chat.ChatException;
import org.backgrounder.chat.ChatPlatform;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.Reply;
import org.backgrounder.chat.Room;
import org.backgrounder.config.MatrixSettings;
import org.backgrounder.store.KeyValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot in Matrix rooms. It joins rooms it is invited to by allowed users (and declines the
 * rest), answers {@code !bg} commands, mentions and every message of a direct room, in the
 * message's thread, and remembers both where its sync stopped and which messages it answered, so
 * a restart neither repeats nor loses anything. The first sync only takes the bot's bearings:
 * nothing said before the bot started is answered. The sync thread only reads: answers are made
 * and sent in each room's lane ({@link Lanes}), so a busy or rate-limited room delays no other.
 *
 * <p>Of replicas sharing a store only the leader syncs; the others are signed in (they post
 * digests and admin notes when asked) but read nothing. The sync position is in the shared
 * key-values, so a replica that comes to lead carries on from where the last leader stopped.
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

  /** Where a keyed message carries its key (hashed), so a repeat can be recognised in the room. */
  static final String KEY_FIELD = "org.backgrounder.key";

  /** How many rooms are answered at once, and how many questions a room may have waiting. */
  static final int ANSWER_THREADS = 4;
  static final int ROOM_BACKLOG = 50;

  /** How often a replica that does not lead looks again whether it does. */
  static final Duration FOLLOWER_WAIT = Duration.ofSeconds(1);

  private final MatrixSettings settings;
  private final KeyValues state;
  private final MatrixClient client;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollTimeout;
  private final Invites invites;
  private final Sender sender;
  private final Lanes lanes = new Lanes(ANSWER_THREADS, ROOM_BACKLOG);
  private final RoomMessages messages;
  private final Cursor cursor;
  private final BooleanSupplier leads;
  private volatile String botId;
  private volatile String filterId;
  private volatile boolean running;
  private volatile boolean connected;
  private volatile boolean inSync;
  private volatile String stopReason;
  private Thread loop;
  private Instant lastPrune;

  MatrixPlatform(MatrixSettings settings, Function<Incoming, Reply> handler, Set<String> commands,
      KeyValues state, OkHttpClient http, Clock clock, Sleeper sleeper, Duration pollTimeout,
      Runnable answerFailed) {
    this(settings, handler, commands, state, http, clock, sleeper, pollTimeout, answerFailed,
        () -> true);
  }

  /** @param leads whether this replica leads now, and so syncs (one process: always) */
  MatrixPlatform(MatrixSettings settings, Function<Incoming, Reply> handler, Set<String> commands,
      KeyValues state, OkHttpClient http, Clock clock, Sleeper sleeper, Duration pollTimeout,
      Runnable answerFailed, BooleanSupplier leads) {
    this.leads = leads;
    this.settings = settings;
    this.state = state;
    this.client = new MatrixClient(http, settings.homeserver());
    this.clock = clock;
    this.sleeper = sleeper;
    this.pollTimeout = pollTimeout;
    this.invites = new Invites(client, settings.allowedInviters(), state, this::key,
        () -> botId, clock);
    this.sender = new Sender(client, sleeper);
    this.messages = new RoomMessages(client, sender, lanes, state, this::key, handler, commands,
        clock, () -> running, answerFailed);
    this.cursor = new Cursor(next -> state.put(key("since"), next));
  }

  /**
   * @param commands the command names {@code !bg} may be followed by; anything else after
   *     {@code !bg} is a question
   */
  public static MatrixPlatform create(MatrixSettings settings, Function<Incoming, Reply> handler,
      Set<String> commands, KeyValues state, OkHttpClient http, Clock clock) {
    return create(settings, handler, commands, state, http, clock, () -> { });
  }

  /**
   * As {@link #create(MatrixSettings, Function, Set, KeyValues, OkHttpClient, Clock)}, telling
   * {@code answerFailed} each time an answer could not be sent (for the chat-errors metric).
   */
  public static MatrixPlatform create(MatrixSettings settings, Function<Incoming, Reply> handler,
      Set<String> commands, KeyValues state, OkHttpClient http, Clock clock,
      Runnable answerFailed) {
    return create(settings, handler, commands, state, http, clock, answerFailed, () -> true);
  }

  /**
   * As {@link #create(MatrixSettings, Function, Set, KeyValues, OkHttpClient, Clock, Runnable)},
   * syncing only while {@code leads} says this replica leads; {@code state} is the store the
   * replicas share, where the sync position is kept.
   */
  public static MatrixPlatform create(MatrixSettings settings, Function<Incoming, Reply> handler,
      Set<String> commands, KeyValues state, OkHttpClient http, Clock clock,
      Runnable answerFailed, BooleanSupplier leads) {
    return new MatrixPlatform(settings, handler, commands, state, http, clock, d -> Thread.sleep(
        d.toMillis()), Duration.ofSeconds(30), answerFailed, leads);
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
      messages.signedIn(new RoomMessages.Self(botId, client.displayName(botId)));
      filterId = client.createFilter(botId, MatrixClient.syncFilter());
    } catch (MatrixException e) {
      if (e.unknownToken() || e.status() == 401 || e.status() == 403) {
        throw new ChatException("Matrix rejected the bot's credentials (" + e.errcode() + "): check"
            + " MATRIX_ACCESS_TOKEN or MATRIX_PASSWORD for " + settings.user());
      }
      throw new ChatException("cannot reach the Matrix homeserver " + settings.homeserver() + ": "
          + e.getMessage(), e);
    }
  }

  private String key(String what) {
    return "matrix:" + botId + ":" + what;
  }

  private void syncLoop() {
    Duration backoff = Duration.ofSeconds(1);
    Optional<String> since = Optional.empty();
    boolean syncing = false;
    while (running) {
      try {
        if (!leads.getAsBoolean()) {
          if (syncing || !connected) {
            LOG.info("Matrix: this replica does not lead, so it does not sync; the leader does");
          }
          syncing = false;
          connected = true; // signed in, and able to post
          if (!pause(FOLLOWER_WAIT)) {
            break;
          }
          continue;
        }
        if (!syncing) {
          // Where the last leader (this replica or another) stopped.
          since = state.get(key("since"));
          syncing = true;
        }
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
        if (!leads.getAsBoolean()) {
          continue; // leadership moved during the long-poll: the new leader reads this batch
        }
        String next = sync.path("next_batch").asText();
        Cursor.Batch batch = cursor.begin(next);
        try {
          handleBatch(sync, since, batch);
        } catch (MatrixException | RuntimeException e) {
          batch.abandon(); // read again from the same position, below
          throw e;
        }
        // A restart resumes after the batch once its answers are sent, never in its middle.
        batch.release();
        since = Optional.of(next);
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

  /** Handles one batch as the sync loop would (tests feed the spec's example through it). */
  void handleBatch(JsonNode sync) throws MatrixException {
    Cursor.Batch batch = new Cursor(next -> { }).begin("");
    handleBatch(sync, state.get(key("since")), batch);
  }

  /** @param since the position the batch follows; none for the first sync, which answers nothing */
  private void handleBatch(JsonNode sync, Optional<String> since, Cursor.Batch batch)
      throws MatrixException {
    JsonNode invitedTo = sync.path("rooms").path("invite");
    for (var it = invitedTo.fields(); it.hasNext(); ) {
      var room = it.next();
      invites.invited(room.getKey(), room.getValue().path("invite_state").path("events"));
    }
    JsonNode joined = sync.path("rooms").path("join");
    for (var it = joined.fields(); it.hasNext(); ) {
      var room = it.next();
      messages.joined(room.getKey(), room.getValue(), since, batch);
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

  @Override
  public void send(Room room, Reply reply) throws ChatException {
    send(room, reply, Optional.empty());
  }

  /**
   * Posts {@code reply}; with a {@code key}, at most once. The key's transaction id makes the
   * homeserver drop a repeat from the same session; a restart that logs in again has a new
   * session, so the key also travels in the message ({@link #KEY_FIELD}), and the bot's latest
   * messages in the room are checked for it first.
   */
  @Override
  public void send(Room room, Reply reply, Optional<String> key) throws ChatException {
    String txn = key.map(k -> "bg-" + Sender.sha(k)).orElse("bg-" + UUID.randomUUID());
    ObjectNode content = MatrixRenderer.content(reply, room.thread(), room.thread());
    try {
      if (key.isPresent()) {
        String mark = Sender.sha(key.get());
        if (sender.alreadyPosted(room.id(), botId, KEY_FIELD, mark)) {
          LOG.info("Matrix: {} already has the message for {}; not posting it again", room.id(),
              key.get());
          return;
        }
        content.put(KEY_FIELD, mark);
      }
      sender.send(room.id(), txn, content);
    } catch (MatrixException e) {
      throw new ChatException("Matrix refused the message for " + room.id() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    running = false;
    Thread t = loop;
    if (t == null) {
      lanes.close(Duration.ZERO);
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
    lanes.close(Duration.ofSeconds(10)); // the answers in flight are finished and sent
    connected = false;
  }


}

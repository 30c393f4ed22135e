package org.backgrounder.chat.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.Reply;
import org.backgrounder.chat.Room;
import org.backgrounder.chat.User;
import org.backgrounder.store.KeyValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages of the rooms the bot is in, one sync batch at a time: which are for the bot (a
 * {@code !bg} command, a mention, anything in a direct room), fetching those a limited timeline
 * skipped, and answering each in its thread, in its room's lane, off the sync thread.
 */
final class RoomMessages {

  private static final Logger LOG = LoggerFactory.getLogger(RoomMessages.class);

  /** Who the bot is, as the homeserver knows it once signed in. */
  record Self(String id, Optional<String> displayName) {}

  private final MatrixClient client;
  private final Sender sender;
  private final Lanes lanes;
  private final KeyValues state;
  private final UnaryOperator<String> key;
  private final Function<Incoming, Reply> handler;
  private final Set<String> commands;
  private final Clock clock;
  private final BooleanSupplier running;
  private final Runnable answerFailed;
  private final Map<String, Boolean> directRooms = new ConcurrentHashMap<>();
  private volatile Self self;

  RoomMessages(MatrixClient client, Sender sender, Lanes lanes, KeyValues state,
      UnaryOperator<String> key, Function<Incoming, Reply> handler, Set<String> commands,
      Clock clock, BooleanSupplier running, Runnable answerFailed) {
    this.client = client;
    this.sender = sender;
    this.lanes = lanes;
    this.state = state;
    this.key = key;
    this.handler = handler;
    this.commands = Set.copyOf(commands);
    this.clock = clock;
    this.running = running;
    this.answerFailed = answerFailed;
  }

  void signedIn(Self who) {
    this.self = who;
  }

  /** A room the bot is in: its messages, unless it is encrypted (said once, then silence). */
  void joined(String roomId, JsonNode room, Optional<String> since,
      Cursor.Batch batch) throws MatrixException {
    JsonNode timeline = room.path("timeline");
    boolean encrypted = hasType(room.path("state").path("events"), "m.room.encryption")
        || hasType(timeline.path("events"), "m.room.encryption")
        || hasType(timeline.path("events"), "m.room.encrypted");
    if (encrypted || state.get(key.apply("encrypted:" + roomId)).isPresent()) {
      if (state.putIfAbsent(key.apply("encrypted:" + roomId), "1")) {
        sender.send(roomId, "bg-encrypted-" + Sender.sha(roomId), MatrixRenderer.content(
            Reply.info(MatrixPlatform.ENCRYPTED_NOTICE), Optional.empty(), Optional.empty()));
      }
      return;
    }
    if (hasType(timeline.path("events"), "m.room.member")) {
      membershipChanged(roomId);
    }
    if (since.isPresent()) {
      timeline(roomId, timeline, since.get(), batch);
    }
  }

  /** A member joined or left: whether the room is a direct chat is looked up again. */
  void membershipChanged(String roomId) {
    directRooms.remove(roomId);
  }

  /**
   * The room's new messages (after the gap, if the timeline was limited), oldest first.
   *
   * @param since the sync position this batch follows
   */
  void timeline(String roomId, JsonNode timeline, String since, Cursor.Batch batch)
      throws MatrixException {
    List<JsonNode> events = new ArrayList<>();
    if (timeline.path("limited").asBoolean(false) && timeline.hasNonNull("prev_batch")) {
      events.addAll(gap(roomId, timeline.path("prev_batch").asText(), since));
    }
    timeline.path("events").forEach(events::add);
    for (JsonNode e : events) {
      if (running.getAsBoolean() && e.path("type").asText().equals("m.room.message")) {
        message(roomId, e, batch);
      }
    }
  }

  /**
   * A limited timeline skipped messages: fetch those between the previous sync position and the
   * start of this timeline, oldest first. Positions, not the senders' timestamps, bound the gap:
   * a timestamp is whatever the sender's server says, and one dated next year must not hide
   * everything said until then.
   */
  private List<JsonNode> gap(String roomId, String prevBatch, String since)
      throws MatrixException {
    List<JsonNode> older = new ArrayList<>();
    for (JsonNode e : client.messagesBetween(roomId, prevBatch, since, 100).path("chunk")) {
      older.add(0, e);
    }
    LOG.info("Matrix: {} had a gap; {} earlier messages fetched", roomId, older.size());
    return older;
  }

  private void message(String roomId, JsonNode e, Cursor.Batch batch) throws MatrixException {
    String eventId = e.path("event_id").asText();
    String sender = e.path("sender").asText();
    JsonNode content = e.path("content");
    long ts = e.path("origin_server_ts").asLong();
    if (ts < state.get(key.apply("joined-at:" + roomId)).map(Long::parseLong).orElse(0L)) {
      return;
    }
    if (sender.equals(self.id()) || content.path("msgtype").asText().equals("m.notice")
        || content.path("m.relates_to").path("rel_type").asText().equals("m.replace")
        || !content.path("body").isTextual()) {
      return;
    }
    Optional<String> text = addressed(roomId, content.path("body").asText(), content);
    if (text.isEmpty() || state.get(key.apply("answered:" + eventId)).isPresent()) {
      return;
    }
    JsonNode rel = content.path("m.relates_to");
    String root = rel.path("rel_type").asText().equals("m.thread") ? rel.path("event_id").asText()
        : eventId;
    Incoming incoming = new Incoming(new User("matrix", sender, null, false),
        new Room("matrix", roomId, isDirect(roomId), Optional.of(root)), text.get(), eventId,
        clock.instant());
    batch.hold();
    boolean queued = lanes.submit(roomId, () -> {
      try {
        answer(incoming);
      } finally {
        batch.release();
      }
    });
    if (!queued) {
      batch.release();
      LOG.warn("Matrix: {} has too many questions waiting; {} from {} is not answered", roomId,
          eventId, sender);
    }
  }

  /** In the room's lane: asks the handler, sends the reply, and records the question answered. */
  private void answer(Incoming in) {
    String roomId = in.room().id();
    String eventId = in.id();
    typing(roomId, true);
    Reply reply;
    try {
      reply = handler.apply(in);
    } finally {
      typing(roomId, false);
    }
    if (!reply.isEmpty()) {
      // The transaction id comes from the question: a retry, or a restart before the question
      // was recorded as answered, sends the same message again, which the homeserver drops.
      try {
        sender.send(roomId, "bg-" + Sender.sha(eventId), MatrixRenderer.content(reply,
            in.room().thread(), Optional.of(eventId)));
      } catch (MatrixException ex) {
        // Refused for good (no permission to post there), or still failing after the retries:
        // the question is given up rather than holding the room's lane and the sync position.
        answerFailed.run();
        LOG.warn("Matrix: could not answer {} in {}: {}", eventId, roomId, ex.getMessage());
      }
    }
    state.put(key.apply("answered:" + eventId), Long.toString(clock.millis()));
  }

  /** The question, when the message is for the bot: a command, a mention, or a direct message. */
  Optional<String> addressed(String roomId, String body, JsonNode content) {
    String botId = self.id();
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
    if (self.displayName().isPresent()) {
      String name = self.displayName().get();
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
    if (state.get(key.apply("direct:" + roomId)).isPresent()) {
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
      client.typing(roomId, self.id(), on);
    } catch (MatrixException e) {
      LOG.debug("typing notice failed: {}", e.getMessage());
    }
  }

  private static boolean hasType(JsonNode events, String type) {
    for (JsonNode e : events) {
      if (e.path("type").asText().equals(type)) {
        return true;
      }
    }
    return false;
  }
}

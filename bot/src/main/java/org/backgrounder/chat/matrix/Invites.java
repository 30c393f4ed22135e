package org.backgrounder.chat.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.backgrounder.store.KeyValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Invites: joined when an allowed user sent them, declined (with the reason) otherwise. */
final class Invites {

  private static final Logger LOG = LoggerFactory.getLogger(Invites.class);

  private final MatrixClient client;
  private final Globs inviters;
  private final List<String> allowed;
  private final KeyValues state;
  private final UnaryOperator<String> key;
  private final Supplier<String> self;
  private final Clock clock;

  Invites(MatrixClient client, List<String> allowed, KeyValues state, UnaryOperator<String> key,
      Supplier<String> self, Clock clock) {
    this.client = client;
    this.inviters = new Globs(allowed);
    this.allowed = List.copyOf(allowed);
    this.state = state;
    this.key = key;
    this.self = self;
    this.clock = clock;
  }

  void invited(String roomId, JsonNode events) throws MatrixException {
    String inviter = null;
    boolean direct = false;
    for (JsonNode e : events) {
      if (e.path("type").asText().equals("m.room.member")
          && self.get().equals(e.path("state_key").asText())
          && e.path("content").path("membership").asText().equals("invite")) {
        inviter = e.path("sender").asText();
        direct = e.path("content").path("is_direct").asBoolean(false);
      }
    }
    if (inviter != null && inviters.matches(inviter)) {
      try {
        client.join(roomId);
      } catch (MatrixException e) {
        if (!Sender.refusedForGood(e)) {
          throw e;
        }
        LOG.warn("Matrix: could not join {} on {}'s invite: {}", roomId, inviter, e.getMessage());
        return;
      }
      // What was said before the bot arrived is history, not questions for it.
      state.put(key.apply("joined-at:" + roomId), Long.toString(clock.millis()));
      if (direct) {
        state.put(key.apply("direct:" + roomId), "1");
      }
      LOG.info("Matrix: joined {} on {}'s invite", roomId, inviter);
    } else {
      try {
        client.leave(roomId, "Backgrounder accepts invites only from " + String.join(", ", allowed));
      } catch (MatrixException e) {
        if (!Sender.refusedForGood(e)) {
          throw e;
        }
        LOG.warn("Matrix: could not decline the invite to {}: {}", roomId, e.getMessage());
        return;
      }
      LOG.info("Matrix: declined the invite to {} from {}", roomId, inviter);
    }
  }
}

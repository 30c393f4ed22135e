package org.backgrounder.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.backgrounder.TestPaths;

/**
 * Slack's own payload shapes, read from the shared corpus at test time (never copied into the
 * repository) and adapted field by field: who wrote, where, what, and the ids. The event
 * templates list every field Slack may send, with empty values; Slack leaves absent fields out,
 * so {@link #pruned} drops the empty ones before a test fills in what it needs.
 */
final class SlackCorpus {

  static final ObjectMapper JSON = new ObjectMapper();
  /** The bot's own user id, as the fake auth.test reports it. */
  static final String BOT_USER = "U222";

  private SlackCorpus() {}

  static Path dir() {
    return TestPaths.corpus("slack");
  }

  static ObjectNode read(String relative) {
    try {
      return (ObjectNode) JSON.readTree(dir().resolve(relative).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String hello() {
    return read("socket-mode-envelopes/hello.json").toString();
  }

  /** The {@code event} of one of {@code events/*.json}, with empty fields left out. */
  static ObjectNode event(String file) {
    return (ObjectNode) pruned(read("events/" + file).get("event"));
  }

  /** A person's {@code app_mention} in a channel. */
  static ObjectNode mention(String user, String channel, String ts, String text) {
    ObjectNode e = event("AppMentionPayload.json");
    e.remove(java.util.List.of("bot_id", "bot_profile", "app_id", "username", "subtype", "edited",
        "thread_ts", "user_profile"));
    e.put("user", user).put("channel", channel).put("ts", ts).put("event_ts", ts).put("text", text);
    return e;
  }

  /** A person's plain {@code message} ({@code channel_type} im, channel or group). */
  static ObjectNode message(String user, String channel, String channelType, String ts,
      String text) {
    ObjectNode e = event("MessagePayload.json");
    e.remove(java.util.List.of("bot_id", "bot_profile", "edited", "thread_ts", "parent_user_id",
        "metadata", "subtype"));
    e.put("user", user).put("channel", channel).put("channel_type", channelType).put("ts", ts)
        .put("event_ts", ts).put("text", text);
    return e;
  }

  /** An {@code events_api} envelope around {@code event}, as Socket Mode delivers it. */
  static String eventsApi(String envelopeId, String eventId, ObjectNode event) {
    ObjectNode envelope = read("socket-mode-envelopes/events_api.json");
    envelope.put("envelope_id", envelopeId);
    ObjectNode payload = (ObjectNode) envelope.get("payload");
    payload.put("event_id", eventId);
    payload.set("event", event);
    ArrayNode auths = (ArrayNode) payload.get("authorizations");
    ((ObjectNode) auths.get(0)).put("user_id", BOT_USER);
    return envelope.toString();
  }

  /** The Events API body Slack POSTs in HTTP mode: the envelope's payload, on its own. */
  static String eventCallback(String eventId, ObjectNode event) {
    try {
      return JSON.readTree(eventsApi("unused", eventId, event)).get("payload").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A slash command's fields, from the payload template with the test's values. */
  static ObjectNode command(String user, String channel, String text, String responseUrl,
      String triggerId) {
    ObjectNode p = read("slash-commands/SlashCommandPayload.json");
    p.put("token", "test-not-real").put("team_id", "T111").put("team_domain", "newsroom")
        .put("channel_id", channel).put("channel_name", "desk").put("user_id", user)
        .put("user_name", "reporter").put("command", "/bg").put("text", text)
        .put("api_app_id", "A111").put("response_url", responseUrl).put("trigger_id", triggerId);
    p.remove(java.util.List.of("enterprise_id", "enterprise_name"));
    return p;
  }

  /** A {@code slash_commands} envelope. */
  static String slashCommand(String envelopeId, ObjectNode command) {
    ObjectNode envelope = read("socket-mode-envelopes/slash_commands.json");
    envelope.put("envelope_id", envelopeId);
    envelope.set("payload", command);
    return envelope.toString();
  }

  /** An {@code interactive} envelope: {@code user} pressed {@code actionId} carrying {@code value}. */
  static String buttonPress(String envelopeId, String user, String channel, String actionId,
      String value, String responseUrl) {
    ObjectNode envelope = read("socket-mode-envelopes/interactive.json");
    envelope.put("envelope_id", envelopeId);
    ObjectNode payload = (ObjectNode) envelope.get("payload");
    ((ObjectNode) payload.get("user")).put("id", user).put("username", "reporter")
        .put("name", "reporter");
    ((ObjectNode) payload.get("container")).put("channel_id", channel);
    ((ObjectNode) payload.get("channel")).put("id", channel);
    payload.put("response_url", responseUrl);
    ObjectNode action = (ObjectNode) payload.get("actions").get(0);
    action.put("action_id", actionId).put("block_id", "bg_actions").put("value", value);
    return envelope.toString();
  }

  /** {@code node} without empty strings, and without objects and arrays left empty by that. */
  static JsonNode pruned(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = ((ObjectNode) node).deepCopy();
      Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        JsonNode v = pruned(f.getValue());
        if (isEmpty(v)) {
          it.remove();
        } else {
          f.setValue(v);
        }
      }
      return o;
    }
    if (node.isArray()) {
      ArrayNode a = JSON.createArrayNode();
      node.forEach(n -> {
        JsonNode v = pruned(n);
        if (!isEmpty(v)) {
          a.add(v);
        }
      });
      return a;
    }
    return node;
  }

  private static boolean isEmpty(JsonNode v) {
    return (v.isTextual() && v.asText().isEmpty()) || (v.isContainerNode() && v.size() == 0);
  }
}

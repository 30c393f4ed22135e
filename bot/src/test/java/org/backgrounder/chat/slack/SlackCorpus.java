package org.backgrounder.chat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.backgrounder.TestPaths;

/**
 * Slack's payload shapes, from the project's own fixtures under {@code src/test/resources/slack}
 * (written from Slack's documented envelope and event shapes; see the README there), filled in
 * field by field with each test's values: who wrote, where, what, and the ids.
 */
final class SlackCorpus {

  static final ObjectMapper JSON = new ObjectMapper();
  /** The bot's own user id, as the fake auth.test reports it. */
  static final String BOT_USER = "U222";

  private SlackCorpus() {}

  static ObjectNode read(String relative) {
    try {
      return (ObjectNode) JSON.readTree(TestPaths.resource("slack").resolve(relative).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String hello() {
    return read("socket-mode/hello.json").toString();
  }

  /** One of {@code events/*.json}. */
  static ObjectNode event(String file) {
    return read("events/" + file);
  }

  /** A person's {@code app_mention} in a channel. */
  static ObjectNode mention(String user, String channel, String ts, String text) {
    return event("app_mention.json").put("user", user).put("channel", channel).put("ts", ts)
        .put("event_ts", ts).put("text", text);
  }

  /** A person's plain {@code message} ({@code channel_type} im, channel or group). */
  static ObjectNode message(String user, String channel, String channelType, String ts,
      String text) {
    return event("message.json").put("user", user).put("channel", channel)
        .put("channel_type", channelType).put("ts", ts).put("event_ts", ts).put("text", text);
  }

  /** An {@code events_api} envelope around {@code event}, as Socket Mode delivers it. */
  static String eventsApi(String envelopeId, String eventId, ObjectNode event) {
    ObjectNode envelope = read("socket-mode/events_api.json");
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

  /** A slash command's form fields, with the test's values. */
  static ObjectNode command(String user, String channel, String text, String responseUrl,
      String triggerId) {
    return read("slash-command.json").put("channel_id", channel).put("user_id", user)
        .put("text", text).put("response_url", responseUrl).put("trigger_id", triggerId);
  }

  /** A {@code slash_commands} envelope. */
  static String slashCommand(String envelopeId, ObjectNode command) {
    ObjectNode envelope = read("socket-mode/slash_commands.json");
    envelope.put("envelope_id", envelopeId);
    envelope.set("payload", command);
    return envelope.toString();
  }

  /** An {@code interactive} envelope: {@code user} pressed {@code actionId} carrying {@code value}. */
  static String buttonPress(String envelopeId, String user, String channel, String actionId,
      String value, String responseUrl) {
    ObjectNode envelope = read("socket-mode/interactive.json");
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
}

package org.backgrounder.chat.slack;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backgrounder.chat.Reply;

/**
 * What a button press needs, as text for the key-values replicas share: JSON stamped with when
 * it was kept, so a replica reading it can tell whether it has expired. The blocks are written
 * and read with the Slack SDK's own Gson, the one that posts them.
 */
final class KeptButtons {

  private static final Gson GSON = GsonFactory.createSnakeCase();
  private static final Type BLOCKS = new TypeToken<List<LayoutBlock>>() { }.getType();

  /** A kept value and when it was kept. */
  record Stamped<T>(Instant at, T value) {}

  private KeptButtons() {}

  static String write(Memory.Shareable s, Instant at) {
    JsonObject o = stamp(at);
    o.addProperty("channel", s.channel());
    o.addProperty("text", s.message().text());
    o.add("blocks", GSON.toJsonTree(s.message().blocks(), BLOCKS));
    s.feedbackId().ifPresent(id -> o.addProperty("feedback_id", id));
    // Not Slack's response_url: a link that can post into the conversation stays in memory only;
    // a press on another replica brings its own.
    return GSON.toJson(o);
  }

  /** @throws RuntimeException when {@code json} is not a shareable this class wrote */
  static Stamped<Memory.Shareable> shareable(String json) {
    JsonObject o = JsonParser.parseString(json).getAsJsonObject();
    List<LayoutBlock> blocks = GSON.fromJson(o.get("blocks"), BLOCKS);
    return new Stamped<>(at(o), new Memory.Shareable(o.get("channel").getAsString(),
        new SlackMessage(o.get("text").getAsString(), blocks), optional(o, "feedback_id"),
        java.util.Optional.empty()));
  }

  static String write(Reply.Feedback f, Instant at) {
    JsonObject o = stamp(at);
    o.addProperty("question", f.question());
    o.add("facts", strings(f.facts()));
    o.add("links", strings(f.links()));
    return GSON.toJson(o);
  }

  /** @throws RuntimeException when {@code json} is not feedback this class wrote */
  static Stamped<Reply.Feedback> feedback(String json) {
    JsonObject o = JsonParser.parseString(json).getAsJsonObject();
    return new Stamped<>(at(o), new Reply.Feedback(o.get("question").getAsString(),
        strings(o.getAsJsonArray("facts")), strings(o.getAsJsonArray("links"))));
  }

  private static JsonObject stamp(Instant at) {
    JsonObject o = new JsonObject();
    o.addProperty("at", at.toEpochMilli());
    return o;
  }

  private static Instant at(JsonObject o) {
    return Instant.ofEpochMilli(o.get("at").getAsLong());
  }

  private static Optional<String> optional(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e == null || e.isJsonNull() ? Optional.empty() : Optional.of(e.getAsString());
  }

  private static JsonArray strings(List<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>(a.size());
    a.forEach(e -> out.add(e.getAsString()));
    return out;
  }
}

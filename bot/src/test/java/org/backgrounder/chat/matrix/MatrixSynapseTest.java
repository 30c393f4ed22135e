package org.backgrounder.chat.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.backgrounder.Eventually;
import org.backgrounder.TestPaths;
import org.backgrounder.answer.AnswerEngine;
import org.backgrounder.command.CommandRegistry;
import org.backgrounder.command.Dispatcher;
import org.backgrounder.command.StandardCommands;
import org.backgrounder.config.MatrixSettings;
import org.backgrounder.config.Secret;
import org.backgrounder.facts.FactFileLoader;
import org.backgrounder.index.SearchIndex;
import org.backgrounder.store.Database;
import org.backgrounder.store.SqlKeyValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot against a real Synapse (../shared/tools/synapse-up, as root; .ci/run starts it). Alice
 * invites the bot, asks, and the bot answers in threads with the shipped story's links; after a
 * restart, nothing old is answered twice and new questions are answered.
 */
class MatrixSynapseTest {

  private static final String HOMESERVER = System.getenv().getOrDefault("SYNAPSE_URL",
      "http://127.0.0.1:18008");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType TYPE = MediaType.get("application/json");
  private final OkHttpClient http = new OkHttpClient.Builder()
      .callTimeout(Duration.ofSeconds(30)).build();

  @TempDir
  Path data;

  @Test
  void alice_invitesAndAsks_botAnswersInThreadsOnce_evenAcrossARestart() throws Exception {
    assumeTrue(reachable(), "skipped: no Synapse at " + HOMESERVER + "; start one with"
        + " ../shared/tools/synapse-up (as root)");
    String alice = login("alice", "alicepass");
    String room = post(alice, "createRoom", "{\"preset\":\"private_chat\",\"name\":\"desk-"
        + UUID.randomUUID() + "\"}").path("room_id").asText();
    post(alice, "rooms/" + enc(room) + "/invite", "{\"user_id\":\"@bot:localhost\"}");

    try (Database db = Database.open(data); SearchIndex index = SearchIndex.inMemory()) {
      index.rebuild(FactFileLoader.standard().load(TestPaths.shippedConfig().resolve("facts"),
          Path::toString).factBase(), List.of());
      AnswerEngine engine = new AnswerEngine(index, Clock.systemUTC(), AnswerEngine.Options.DEFAULT);
      CommandRegistry registry = StandardCommands.register(new CommandRegistry(), engine);
      Dispatcher dispatcher = new Dispatcher(registry, List.of());
      MatrixSettings settings = new MatrixSettings(URI.create(HOMESERVER), "@bot:localhost", null,
          Secret.of("botpass"), List.of("@alice:localhost"), "BGTEST");
      SqlKeyValues state = new SqlKeyValues(db, Clock.systemUTC());

      MatrixPlatform bot = MatrixPlatform.create(settings, dispatcher::handle,
          Set.copyOf(dispatcher.commandNames()), state, http, Clock.systemUTC());
      bot.start();
      Eventually.await(Duration.ofSeconds(30), () -> joined(alice, room));

      String question = send(alice, room, "bot: Who designated the cartels as terrorist organizations?",
          "@bot:localhost");
      String command = send(alice, room, "!bg sources palantir", null);
      Eventually.await(Duration.ofSeconds(30), () -> repliesTo(alice, room, question) == 1
          && repliesTo(alice, room, command) == 1);

      JsonNode answer = reply(alice, room, question);
      assertThat(answer.path("content").path("msgtype").asText()).isEqualTo("m.notice");
      assertThat(answer.at("/content/m.relates_to/rel_type").asText()).isEqualTo("m.thread");
      assertThat(answer.at("/content/formatted_body").asText())
          .contains("<a href=\"https://www.state.gov/foreign-terrorist-organizations/\">");
      assertThat(reply(alice, room, command).at("/content/formatted_body").asText())
          .contains("<a href=\"https://osintsights.com/2025/06/17/");

      bot.close();
      String whileDown = send(alice, room, "!bg timeline", null);
      MatrixPlatform restarted = MatrixPlatform.create(settings, dispatcher::handle,
          Set.copyOf(dispatcher.commandNames()), state, http, Clock.systemUTC());
      restarted.start();
      String after = send(alice, room, "@bot:localhost when was the executive order published?",
          "@bot:localhost");
      Eventually.await(Duration.ofSeconds(30), () -> repliesTo(alice, room, after) == 1
          && repliesTo(alice, room, whileDown) == 1);
      Thread.sleep(1500);
      restarted.close();

      assertThat(repliesTo(alice, room, question)).isEqualTo(1);
      assertThat(repliesTo(alice, room, command)).isEqualTo(1);
      assertThat(reply(alice, room, after).at("/content/formatted_body").asText())
          .contains("federalregister.gov");
    }
  }

  private boolean reachable() {
    try (Response r = http.newCall(new Request.Builder().url(HOMESERVER + "/_matrix/client/versions")
        .build()).execute()) {
      return r.isSuccessful();
    } catch (IOException e) {
      return false;
    }
  }

  private String login(String user, String password) throws IOException {
    return post(null, "login", "{\"type\":\"m.login.password\",\"identifier\":{\"type\":\"m.id.user\","
        + "\"user\":\"" + user + "\"},\"password\":\"" + password + "\"}").path("access_token").asText();
  }

  private String send(String token, String room, String body, String mention) throws IOException {
    ObjectNode c = JSON.createObjectNode();
    c.put("msgtype", "m.text");
    c.put("body", body);
    if (mention != null) {
      c.putObject("m.mentions").putArray("user_ids").add(mention);
    }
    return call("PUT", token, "rooms/" + enc(room) + "/send/m.room.message/" + UUID.randomUUID(),
        c.toString()).path("event_id").asText();
  }

  private boolean joined(String token, String room) {
    try {
      return call("GET", token, "rooms/" + enc(room) + "/joined_members", null).path("joined")
          .has("@bot:localhost");
    } catch (IOException e) {
      return false;
    }
  }

  private List<JsonNode> botReplies(String token, String room) {
    try {
      JsonNode page = call("GET", token, "rooms/" + enc(room) + "/messages?dir=b&limit=100", null);
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode e : page.path("chunk")) {
        if (e.path("sender").asText().equals("@bot:localhost")
            && e.path("type").asText().equals("m.room.message")) {
          out.add(e);
        }
      }
      return out;
    } catch (IOException e) {
      return List.of();
    }
  }

  private long repliesTo(String token, String room, String eventId) {
    return botReplies(token, room).stream()
        .filter(e -> e.at("/content/m.relates_to/m.in_reply_to/event_id").asText().equals(eventId))
        .count();
  }

  private JsonNode reply(String token, String room, String eventId) {
    return botReplies(token, room).stream()
        .filter(e -> e.at("/content/m.relates_to/m.in_reply_to/event_id").asText().equals(eventId))
        .findFirst().orElseThrow();
  }

  private JsonNode post(String token, String path, String body) throws IOException {
    return call("POST", token, path, body);
  }

  private JsonNode call(String method, String token, String path, String body) throws IOException {
    Request.Builder b = new Request.Builder().url(HOMESERVER + "/_matrix/client/v3/" + path)
        .method(method, body == null ? null : RequestBody.create(body, TYPE));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try (Response r = http.newCall(b.build()).execute()) {
      String text = r.body() == null ? "" : r.body().string();
      if (!r.isSuccessful()) {
        throw new IOException(method + " " + path + ": HTTP " + r.code() + " " + text);
      }
      return JSON.readTree(text);
    }
  }

  private static String enc(String s) {
    return MatrixClient.enc(s);
  }
}

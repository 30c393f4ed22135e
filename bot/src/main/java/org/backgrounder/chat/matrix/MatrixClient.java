package org.backgrounder.chat.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The few Client-Server API (v3) calls the bot needs, over OkHttp and Jackson. Every failure is
 * a {@link MatrixException} with the status, the Matrix error code and, for rate limits, how long
 * to wait (from {@code retry_after_ms} or the {@code Retry-After} header).
 */
final class MatrixClient {

  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient http;
  private final HttpUrl base;
  private volatile String token;
  private volatile Call syncCall;

  MatrixClient(OkHttpClient http, URI homeserver) {
    // Our own retries (sync back-off, sends with the same transaction id) decide what to repeat.
    this.http = http.newBuilder().retryOnConnectionFailure(false).build();
    HttpUrl parsed = HttpUrl.get(homeserver.toString());
    this.base = parsed.newBuilder().encodedPath("/_matrix/client/v3/").build();
  }

  void useToken(String accessToken) {
    this.token = accessToken;
  }

  /** Logs in with a password; keeps and returns the access token. */
  String login(String user, String password, String deviceId) throws MatrixException {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "m.login.password");
    ObjectNode id = body.putObject("identifier");
    id.put("type", "m.id.user");
    id.put("user", user);
    body.put("password", password);
    body.put("device_id", deviceId);
    body.put("initial_device_display_name", "Backgrounder");
    JsonNode r = call("POST", "login", body, false, Duration.ofSeconds(30));
    token = r.path("access_token").asText();
    return token;
  }

  /** The user the token belongs to. */
  String whoami() throws MatrixException {
    return call("GET", "account/whoami", null, true, Duration.ofSeconds(30)).path("user_id").asText();
  }

  String createFilter(String userId, JsonNode filter) throws MatrixException {
    return call("POST", "user/" + enc(userId) + "/filter", filter, true, Duration.ofSeconds(30))
        .path("filter_id").asText();
  }

  /** What the bot syncs: messages and memberships of its rooms, nothing else. */
  static JsonNode syncFilter() {
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

  /** One long-poll; {@code since} empty for the first. */
  JsonNode sync(Optional<String> since, String filter, Duration timeout) throws MatrixException {
    StringBuilder path = new StringBuilder("sync?timeout=").append(timeout.toMillis())
        .append("&filter=").append(enc(filter));
    since.ifPresent(s -> path.append("&since=").append(enc(s)));
    return call("GET", path.toString(), null, true, timeout.plusSeconds(30));
  }

  void join(String roomId) throws MatrixException {
    call("POST", "rooms/" + enc(roomId) + "/join", JSON.createObjectNode(), true, Duration.ofSeconds(30));
  }

  void leave(String roomId, String reason) throws MatrixException {
    ObjectNode body = JSON.createObjectNode();
    body.put("reason", reason);
    call("POST", "rooms/" + enc(roomId) + "/leave", body, true, Duration.ofSeconds(30));
  }

  /** Sends a message; the same {@code txnId} sent twice is one message. Returns the event id. */
  String send(String roomId, String txnId, JsonNode content) throws MatrixException {
    return call("PUT", "rooms/" + enc(roomId) + "/send/m.room.message/" + enc(txnId), content, true,
        Duration.ofSeconds(30)).path("event_id").asText();
  }

  void typing(String roomId, String userId, boolean typing) throws MatrixException {
    ObjectNode body = JSON.createObjectNode();
    body.put("typing", typing);
    if (typing) {
      body.put("timeout", 15000);
    }
    call("PUT", "rooms/" + enc(roomId) + "/typing/" + enc(userId), body, true, Duration.ofSeconds(10));
  }

  Optional<String> displayName(String userId) throws MatrixException {
    try {
      String n = call("GET", "profile/" + enc(userId) + "/displayname", null, true,
          Duration.ofSeconds(10)).path("displayname").asText("");
      return n.isBlank() ? Optional.empty() : Optional.of(n);
    } catch (MatrixException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Number of joined members of a room. */
  int joinedMembers(String roomId) throws MatrixException {
    return call("GET", "rooms/" + enc(roomId) + "/joined_members", null, true, Duration.ofSeconds(10))
        .path("joined").size();
  }

  /** Events before {@code from} and after {@code to} (both sync positions), newest first. */
  JsonNode messagesBetween(String roomId, String from, String to, int limit)
      throws MatrixException {
    return call("GET", "rooms/" + enc(roomId) + "/messages?dir=b&limit=" + limit + "&from="
        + enc(from) + "&to=" + enc(to), null, true, Duration.ofSeconds(30));
  }

  /** The latest messages {@code sender} sent in the room, newest first. */
  JsonNode latestMessagesBy(String roomId, String sender, int limit) throws MatrixException {
    ObjectNode filter = JSON.createObjectNode();
    filter.putArray("senders").add(sender);
    filter.putArray("types").add("m.room.message");
    return call("GET", "rooms/" + enc(roomId) + "/messages?dir=b&limit=" + limit + "&filter="
        + enc(filter.toString()), null, true, Duration.ofSeconds(30));
  }

  private JsonNode call(String method, String path, JsonNode body, boolean auth, Duration timeout)
      throws MatrixException {
    HttpUrl url = HttpUrl.get(base + path);
    Request.Builder rb = new Request.Builder().url(url)
        .header("User-Agent", "Backgrounder (Matrix bot)");
    if (auth) {
      if (token == null) {
        throw new MatrixException(401, "M_MISSING_TOKEN", "not logged in", null);
      }
      rb.header("Authorization", "Bearer " + token);
    }
    try {
      rb.method(method, body == null ? null : RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE));
    } catch (IOException e) {
      throw new IllegalStateException("JSON always serializes", e);
    }
    OkHttpClient client = http.newBuilder().callTimeout(timeout).readTimeout(timeout).build();
    Call call = client.newCall(rb.build());
    boolean longPoll = path.startsWith("sync?");
    if (longPoll) {
      syncCall = call;
    }
    try (Response r = call.execute()) {
      ResponseBody rbody = r.body();
      String text = rbody == null ? "" : rbody.string();
      JsonNode json = text.isBlank() ? JSON.createObjectNode() : parse(text);
      if (r.isSuccessful()) {
        return json;
      }
      Duration wait = null;
      if (json.has("retry_after_ms")) {
        wait = Duration.ofMillis(json.get("retry_after_ms").asLong());
      } else if (r.header("Retry-After") != null) {
        try {
          wait = Duration.ofSeconds(Long.parseLong(r.header("Retry-After").strip()));
        } catch (NumberFormatException ignored) {
          // an HTTP date; the default back-off applies
        }
      }
      throw new MatrixException(r.code(), json.path("errcode").asText(null),
          method + " " + url.encodedPath() + ": HTTP " + r.code() + " "
              + json.path("errcode").asText("") + " " + json.path("error").asText(""), wait);
    } catch (InterruptedIOException e) {
      throw new MatrixException(0, null, method + " " + url.encodedPath() + ": timed out", null);
    } catch (IOException e) {
      throw new MatrixException(0, null, method + " " + url.encodedPath() + ": " + e.getMessage(), null);
    } finally {
      if (longPoll) {
        syncCall = null;
      }
    }
  }

  /** Ends a {@code /sync} long-poll under way at once (on stop), instead of waiting it out. */
  void cancelSync() {
    Call c = syncCall;
    if (c != null) {
      c.cancel();
    }
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

package org.backgrounder.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Slack's Web API on 127.0.0.1: answers what the adapter calls (auth.test as bot U222,
 * apps.connections.open with the fake socket's URL, chat.postMessage, chat.postEphemeral) and
 * response_url posts, records every request, and plays scripted answers (a 429, an error) when a
 * test asks for them.
 */
final class FakeWebApi implements AutoCloseable {

  static final String BOT_USER = SlackCorpus.BOT_USER;
  static final String BOT_ID = "B222";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request the adapter made: the method (or "response_url") and what it sent. */
  record Call(String method, String path, Map<String, String> form, JsonNode json,
      String authorization) {

    String param(String name) {
      if (form.containsKey(name)) {
        return form.get(name);
      }
      JsonNode v = json == null ? null : json.get(name);
      return v == null || v.isNull() ? null : v.asText();
    }

    /** The blocks, parsed, from the form field or the JSON body. */
    JsonNode blocks() {
      try {
        if (form.containsKey("blocks")) {
          return JSON.readTree(form.get("blocks"));
        }
        return json == null ? null : json.get("blocks");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Everything the message would show, as one string of mrkdwn. */
    String shown() {
      return String.valueOf(param("text")) + "\n" + blocks();
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
  private final AtomicInteger messages = new AtomicInteger();
  private volatile String socketUrl = "ws://127.0.0.1:1/unset";

  FakeWebApi() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  URI apiUrl() {
    return server.url("/api/").uri();
  }

  String responseUrl(String name) {
    return server.url("/response/" + name).toString();
  }

  void socketUrl(String url) {
    this.socketUrl = url;
  }

  /** The next calls of {@code method} get these answers, in order, then the defaults again. */
  void script(String method, MockResponse... responses) {
    scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(responses));
  }

  static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status)
        .setHeader("Content-Type", "application/json; charset=utf-8").setBody(body);
  }

  static MockResponse error(String error) {
    return json(200, "{\"ok\":false,\"error\":\"" + error + "\"}");
  }

  static MockResponse rateLimited(int retryAfterSeconds) {
    return json(429, "{\"ok\":false,\"error\":\"ratelimited\"}")
        .setHeader("Retry-After", String.valueOf(retryAfterSeconds));
  }

  List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** Waits (briefly) until {@code method} was called {@code n} times, and returns the n-th call. */
  Call await(String method, int n) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      List<Call> made = calls(method);
      if (made.size() >= n) {
        return made.get(n - 1);
      }
      pause();
    }
    throw new AssertionError("expected " + n + " call(s) of " + method + " within 5s; got "
        + calls(method).size() + ". All calls: " + calls.stream().map(Call::method).toList());
  }

  private static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private MockResponse answer(RecordedRequest request) {
    String path = request.getPath() == null ? "" : request.getPath();
    String body = request.getBody().readUtf8();
    String method = path.startsWith("/api/") ? path.substring("/api/".length()).replaceAll("\\?.*", "")
        : path.startsWith("/response/") ? "response_url" : path;
    Map<String, String> form = new LinkedHashMap<>();
    JsonNode json = null;
    String type = request.getHeader("Content-Type");
    if (type != null && type.startsWith("application/json")) {
      try {
        json = JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    } else if (!body.isEmpty()) {
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    calls.add(new Call(method, path, form, json, request.getHeader("Authorization")));
    Deque<MockResponse> queue = scripted.get(method);
    synchronized (this) {
      if (queue != null && !queue.isEmpty()) {
        return queue.poll();
      }
    }
    return switch (method) {
      case "auth.test" -> json(200, "{\"ok\":true,\"url\":\"https://newsroom.example.slack.com/\","
          + "\"team\":\"Newsroom\",\"user\":\"backgrounder\",\"team_id\":\"T111\",\"user_id\":\""
          + BOT_USER + "\",\"bot_id\":\"" + BOT_ID + "\"}");
      case "apps.connections.open" -> json(200, "{\"ok\":true,\"url\":\"" + socketUrl + "\"}");
      case "chat.postMessage" -> json(200, "{\"ok\":true,\"channel\":\"" + form.get("channel")
          + "\",\"ts\":\"1700000000.00" + String.format("%04d", messages.incrementAndGet())
          + "\"}");
      case "chat.postEphemeral" -> json(200, "{\"ok\":true,\"message_ts\":\"1700000001.000100\"}");
      case "response_url" -> new MockResponse().setResponseCode(200).setBody("ok");
      default -> error("unknown_method");
    };
  }

  /** Every call so far, for failure messages. */
  List<String> log() {
    List<String> out = new ArrayList<>();
    calls.forEach(c -> out.add(c.method() + " " + c.form() + (c.json() == null ? "" : c.json())));
    return out;
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}

package org.backgrounder.chat.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A homeserver on MockWebServer that plays a script: each /sync returns the next queued response
 * (or an empty batch after a short wait), and every send is recorded. Responses for other calls
 * can be overridden per path prefix, once or always.
 */
final class FakeHomeserver implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  final MockWebServer server = new MockWebServer();
  final BlockingQueue<MockResponse> syncs = new LinkedBlockingQueue<>();
  final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  final Map<String, BlockingQueue<MockResponse>> once = new ConcurrentHashMap<>();
  final Map<String, JsonNode> sent = new ConcurrentHashMap<>();
  final List<String> sendOrder = Collections.synchronizedList(new ArrayList<>());
  volatile int joinedMembers = 3;
  /** Long-polls being answered now; one cancelled by a client still takes the next queued batch. */
  final AtomicInteger syncsWaiting = new AtomicInteger();
  private int batch;

  FakeHomeserver() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
        requests.add(r);
        String path = r.getPath();
        for (var e : once.entrySet()) {
          if (path.contains(e.getKey())) {
            MockResponse m = e.getValue().poll();
            if (m != null) {
              return m;
            }
          }
        }
        if (path.contains("/account/whoami")) {
          return json("{\"user_id\":\"@bot:test\"}");
        }
        if (path.contains("/login")) {
          return json("{\"user_id\":\"@bot:test\",\"access_token\":\"test-token-not-real\",\"device_id\":\"BG\"}");
        }
        if (path.contains("/filter")) {
          return json("{\"filter_id\":\"f1\"}");
        }
        if (path.contains("/displayname")) {
          return json("{\"displayname\":\"Backgrounder\"}");
        }
        if (path.contains("/joined_members")) {
          StringBuilder b = new StringBuilder("{\"joined\":{");
          for (int i = 0; i < joinedMembers; i++) {
            b.append(i == 0 ? "" : ",").append("\"@u").append(i).append(":test\":{}");
          }
          return json(b.append("}}").toString());
        }
        if (path.contains("/sync")) {
          syncsWaiting.incrementAndGet();
          try {
            MockResponse m = syncs.poll(200, TimeUnit.MILLISECONDS);
            return m != null ? m : json("{\"next_batch\":\"s" + (++batch + 1000) + "\"}");
          } finally {
            syncsWaiting.decrementAndGet();
          }
        }
        if (path.contains("/send/m.room.message/")) {
          String txn = path.substring(path.lastIndexOf('/') + 1);
          try {
            JsonNode body = JSON.readTree(r.getBody().readUtf8());
            if (sent.putIfAbsent(txn, body) == null) {
              sendOrder.add(txn);
            }
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
          return json("{\"event_id\":\"$reply-" + txn + "\"}");
        }
        return json("{}");
      }
    });
    server.start();
  }

  static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  void queueSync(String body) {
    syncs.add(json(body));
  }

  void failOnce(String pathPart, MockResponse response) {
    once.computeIfAbsent(pathPart, k -> new LinkedBlockingQueue<>()).add(response);
  }

  /** A sync batch with messages in one joined room. */
  static String batch(String next, String room, String... events) {
    return "{\"next_batch\":\"" + next + "\",\"rooms\":{\"join\":{\"" + room + "\":{\"timeline\":"
        + "{\"events\":[" + String.join(",", events) + "]}}}}}";
  }

  static String message(String id, String sender, String body) {
    return message(id, sender, body, "");
  }

  static String message(String id, String sender, String body, String extraContent) {
    ObjectNode e = JSON.createObjectNode();
    e.put("type", "m.room.message");
    e.put("event_id", id);
    e.put("sender", sender);
    e.put("origin_server_ts", System.currentTimeMillis());
    ObjectNode c = e.putObject("content");
    c.put("msgtype", "m.text");
    c.put("body", body);
    String s = e.toString();
    return extraContent.isEmpty() ? s : s.substring(0, s.length() - 2) + "," + extraContent + "}}";
  }

  List<JsonNode> sentMessages() {
    List<JsonNode> out = new ArrayList<>();
    synchronized (sendOrder) {
      for (String txn : sendOrder) {
        out.add(sent.get(txn));
      }
    }
    return out;
  }

  long count(String pathPart) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.getPath().contains(pathPart)).count();
    }
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}

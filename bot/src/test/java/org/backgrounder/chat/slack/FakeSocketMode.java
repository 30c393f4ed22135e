package org.backgrounder.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode server on 127.0.0.1: greets every connection with the corpus's
 * {@code hello}, sends the envelopes a test gives it on the newest connection, records what the
 * client sends back (the acks), and can drop connections the way a network does.
 */
final class FakeSocketMode extends WebSocketServer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String hello;
  private final CountDownLatch started = new CountDownLatch(1);
  private final List<WebSocket> connections = new CopyOnWriteArrayList<>();
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();

  FakeSocketMode(String hello) {
    super(new InetSocketAddress("127.0.0.1", 0));
    this.hello = hello;
    setReuseAddr(true);
  }

  FakeSocketMode begin() throws InterruptedException {
    start();
    if (!started.await(5, TimeUnit.SECONDS)) {
      throw new AssertionError("the fake Socket Mode server did not start");
    }
    return this;
  }

  String url() {
    return "ws://127.0.0.1:" + getPort() + "/link/?ticket=test-not-real";
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    connections.add(conn);
    conn.send(hello);
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    // a closed connection stays in the list: tests count how many were opened
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    try {
      received.add(JSON.readTree(message));
    } catch (IOException e) {
      throw new AssertionError("the client sent something that is not JSON: " + message, e);
    }
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    // the client going away mid-test shows up here; tests assert on what was received
  }

  /** Sends an envelope on the newest open connection. */
  void send(String envelope) {
    WebSocket conn = newest();
    conn.send(envelope);
  }

  private WebSocket newest() {
    for (int i = connections.size() - 1; i >= 0; i--) {
      if (connections.get(i).isOpen()) {
        return connections.get(i);
      }
    }
    throw new AssertionError("no open Socket Mode connection");
  }

  /** Drops every connection without a close handshake, as a lost network would. */
  void dropAll() {
    for (WebSocket c : connections) {
      if (c.isOpen()) {
        c.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the test");
      }
    }
  }

  int opened() {
    return connections.size();
  }

  /** Waits until {@code n} connections were opened (and greeted). */
  void awaitOpened(int n) {
    awaitOpened(n, Duration.ofSeconds(5));
  }

  void awaitOpened(int n, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (connections.size() >= n && connections.get(n - 1).isOpen()) {
        return;
      }
      pause();
    }
    throw new AssertionError("expected " + n + " Socket Mode connection(s) within " + within
        + ", got " + opened());
  }

  /** Waits for the ack of {@code envelopeId} and returns it. */
  JsonNode awaitAck(String envelopeId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode m : received) {
        if (envelopeId.equals(m.path("envelope_id").asText(null))) {
          return m;
        }
      }
      pause();
    }
    throw new AssertionError("no ack for envelope " + envelopeId + " within 5s; received "
        + received);
  }

  List<JsonNode> received() {
    return List.copyOf(received);
  }

  private static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  void shutdown() throws InterruptedException {
    stop(1000);
  }
}

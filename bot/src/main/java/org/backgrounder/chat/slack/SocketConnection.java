package org.backgrounder.chat.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.impl.SocketModeClientJavaWSImpl;
import com.slack.api.socket_mode.response.AckResponse;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.backgrounder.chat.ChatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode: the SDK's WebSocket client (Java-WebSocket backend) delivers envelopes, Bolt's
 * parser and {@link App#run} handle them, and every envelope is acknowledged with its
 * {@code envelope_id} as soon as Bolt returns, which is at once, since the answering happens
 * elsewhere. The first WebSocket URL is fetched here rather than inside Bolt's
 * {@code SocketModeApp}, which logs a refused app token and carries on with no client; this way
 * {@link #open} can say which token is wrong. When the socket drops, a reconnect is tried shortly
 * after (the SDK's own session monitor keeps trying too); envelopes Slack sends again after a
 * reconnect are dropped by the event-id memory, so nothing is answered twice.
 */
final class SocketConnection implements Connection {

  private static final Logger LOG = LoggerFactory.getLogger(SocketConnection.class);

  private final App app;
  private final WebApi api;
  private final Slack slack;
  private final String appToken;
  private final Duration reconnectDelay;
  private final Duration connectWait;
  private final AtomicBoolean connected = new AtomicBoolean();
  private final CountDownLatch hello = new CountDownLatch(1);
  private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "slack-reconnect");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean closing;
  private volatile SocketModeClient client;

  SocketConnection(App app, WebApi api, Slack slack, String appToken, Duration reconnectDelay,
      Duration connectWait) {
    this.app = app;
    this.api = api;
    this.slack = slack;
    this.appToken = appToken;
    this.reconnectDelay = reconnectDelay;
    this.connectWait = connectWait;
  }

  @Override
  public void open() throws ChatException {
    String url = socketUrl();
    app.start();
    SocketModeRequestParser parser = new SocketModeRequestParser(app.config());
    try {
      client = new SocketModeClientJavaWSImpl(slack, appToken, url);
    } catch (URISyntaxException e) {
      throw new ChatException("Slack gave a Socket Mode URL that is not a URL: " + e.getMessage());
    }
    client.addWebSocketMessageListener(message -> receive(parser, message));
    client.addWebSocketCloseListener((code, reason) -> dropped(code, reason));
    try {
      client.connect();
    } catch (IOException e) {
      throw new ChatException("Could not open the Socket Mode connection: " + e.getMessage(), e);
    }
    try {
      if (!hello.await(connectWait.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Slack: the Socket Mode connection is not open after {}s; still trying",
            connectWait.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String socketUrl() throws ChatException {
    AppsConnectionsOpenResponse r;
    try {
      r = api.openConnection(appToken);
    } catch (IOException e) {
      throw new ChatException("Could not reach Slack to open a Socket Mode connection: "
          + e.getMessage(), e);
    } catch (SlackApiException e) {
      throw new ChatException("Slack answered HTTP " + e.getResponse().code()
          + " to apps.connections.open; is Socket Mode enabled for the app?", e);
    }
    if (r.isOk() && r.getUrl() != null) {
      return r.getUrl();
    }
    String error = WebApi.error(r);
    if (WebApi.REJECTED.contains(error)) {
      throw new ChatException("Slack rejected the app-level token (" + error + "): check"
          + " SLACK_APP_TOKEN (an xapp-... token with the connections:write scope)");
    }
    if (error.equals("not_allowed_token_type")) {
      throw new ChatException("SLACK_APP_TOKEN is not an app-level token (" + error + "): Socket"
          + " Mode needs the xapp-... token from the app's Basic Information > App-Level Tokens");
    }
    throw new ChatException("Slack refused to open a Socket Mode connection (" + error + "):"
        + " check that Socket Mode is enabled in the app's settings");
  }

  private void receive(SocketModeRequestParser parser, String message) {
    if (isHello(message)) {
      connected.set(true);
      hello.countDown();
      LOG.info("Slack: connected in Socket Mode");
      return;
    }
    SocketModeRequest request = parser.parse(message);
    if (request == null) {
      return;
    }
    try {
      com.slack.api.bolt.response.Response r = app.run(request.getBoltRequest());
      if (r.getStatusCode() != 200) {
        LOG.debug("Slack: Bolt answered {} to a {} envelope", r.getStatusCode(),
            request.getEnvelope().getType());
      }
    } catch (Exception e) {
      LOG.error("Slack: failed to handle a {} envelope", request.getEnvelope().getType(), e);
    }
    // Acknowledged whatever happened: Slack's retry could not go any better.
    client.sendSocketModeResponse(new AckResponse(request.getEnvelope().getEnvelopeId()));
  }

  private static boolean isHello(String message) {
    try {
      JsonElement json = JsonParser.parseString(message);
      return json.isJsonObject() && json.getAsJsonObject().has("type")
          && "hello".equals(json.getAsJsonObject().get("type").getAsString());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void dropped(Integer code, String reason) {
    connected.set(false);
    if (closing) {
      return;
    }
    LOG.info("Slack: the Socket Mode connection closed ({} {}); reconnecting", code, reason);
    reconnects.schedule(this::reconnectIfDown, reconnectDelay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void reconnectIfDown() {
    SocketModeClient c = client;
    if (closing || c == null) {
      return;
    }
    if (c.verifyConnection()) {
      connected.set(true);
      return;
    }
    try {
      c.connectToNewEndpoint();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Slack: reconnecting failed ({}); the client keeps trying", e.getMessage());
    }
  }

  @Override
  public boolean connected() {
    return connected.get() && !closing;
  }

  @Override
  public void close() {
    closing = true;
    reconnects.shutdownNow();
    SocketModeClient c = client;
    if (c != null) {
      try {
        c.close();
      } catch (IOException | RuntimeException e) {
        LOG.debug("Slack: closing the socket: {}", e.getMessage());
      }
    }
    connected.set(false);
    app.stop();
  }
}

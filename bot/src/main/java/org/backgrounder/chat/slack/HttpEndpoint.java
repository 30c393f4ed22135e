package org.backgrounder.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.backgrounder.chat.ChatException;
import org.backgrounder.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: Events API, slash commands and interactivity all arrive as POSTs to
 * {@value #PATH} on the JDK's HTTP server. Each request's signature is checked here, before Bolt
 * sees a byte of it; Bolt then answers at once (the acknowledgement), and the answering happens
 * on other threads.
 */
final class HttpEndpoint implements Connection {

  static final String PATH = "/slack/events";
  private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);
  /** Slack's payloads are a few kilobytes; anything this big is not from Slack. */
  private static final int MAX_BODY = 1 << 20;

  private final App app;
  private final RequestSignature signature;
  private final String listen;
  private final SlackRequestParser parser;
  private volatile HttpServer server;
  private volatile ExecutorService threads;

  HttpEndpoint(App app, RequestSignature signature, String listen) {
    this.app = app;
    this.signature = signature;
    this.listen = listen;
    this.parser = new SlackRequestParser(app.config());
  }

  @Override
  public void open() throws ChatException {
    InetSocketAddress unresolved = Settings.Addresses.parse(listen);
    InetSocketAddress address = new InetSocketAddress(unresolved.getHostString(),
        unresolved.getPort());
    app.start();
    try {
      HttpServer s = HttpServer.create(address, 0);
      AtomicInteger n = new AtomicInteger();
      threads = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "slack-http-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      s.setExecutor(threads);
      s.createContext(PATH, this::exchange);
      s.start();
      server = s;
    } catch (BindException e) {
      throw new ChatException("Slack HTTP mode cannot listen on " + listen + " (slack.listen): "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new ChatException("Slack HTTP mode cannot listen on " + listen + ": " + e.getMessage(),
          e);
    }
    LOG.info("Slack: receiving events at http://{}{}", listen, PATH);
  }

  /** Where the server listens (the real port when {@code listen} asked for port 0). */
  InetSocketAddress address() {
    return server.getAddress();
  }

  private void exchange(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"POST".equals(ex.getRequestMethod())) {
        ex.getResponseHeaders().add("Allow", "POST");
        reply(ex, 405, "text/plain", "POST only");
        return;
      }
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        reply(ex, 413, "text/plain", "too large");
        return;
      }
      RequestSignature.Verdict verdict = signature.verify(
          ex.getRequestHeaders().getFirst("X-Slack-Request-Timestamp"),
          ex.getRequestHeaders().getFirst("X-Slack-Signature"), body);
      if (verdict != RequestSignature.Verdict.VALID) {
        LOG.warn("Slack: refused a request from {}: signature {}", ex.getRemoteAddress(), verdict);
        reply(ex, 401, "text/plain", "invalid signature");
        return;
      }
      Response r = run(ex, new String(body, StandardCharsets.UTF_8));
      reply(ex, r.getStatusCode() == null ? 200 : r.getStatusCode(),
          r.getContentType() == null ? "text/plain" : r.getContentType(),
          r.getBody() == null ? "" : r.getBody());
    } catch (RuntimeException e) {
      LOG.error("Slack: failed to handle a request", e);
    }
  }

  private Response run(HttpExchange ex, String body) {
    Map<String, List<String>> headers = new HashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT),
        new ArrayList<>(v)));
    Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
        .requestUri(PATH)
        .queryString(query(ex.getRequestURI().getRawQuery()))
        .headers(new RequestHeaders(headers))
        .requestBody(body)
        .remoteAddress(ex.getRemoteAddress().getAddress().getHostAddress())
        .build());
    if (request == null) {
      return Response.builder().statusCode(400).contentType("text/plain").body("not a Slack request")
          .build();
    }
    try {
      return app.run(request);
    } catch (Exception e) {
      LOG.error("Slack: Bolt failed on a {} request", request.getRequestType(), e);
      return Response.builder().statusCode(500).contentType("text/plain").body("error").build();
    }
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> q = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return q;
  }

  private static void reply(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public boolean connected() {
    return server != null;
  }

  @Override
  public void close() {
    HttpServer s = server;
    server = null;
    if (s != null) {
      s.stop(0);
    }
    if (threads != null) {
      threads.shutdown();
    }
    app.stop();
  }
}

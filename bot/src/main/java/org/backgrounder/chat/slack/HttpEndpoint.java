package org.backgrounder.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.backgrounder.chat.ChatException;
import org.backgrounder.config.Settings;
import org.backgrounder.ops.HttpServers;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: Events API, slash commands and interactivity all arrive as POSTs to
 * {@value #PATH}, served by Jetty (see {@link HttpServers}): a client that connects and sends
 * nothing, or half a body, holds no thread. A body announced larger than Slack ever sends is
 * refused before it is read; the body is read without blocking and must arrive within
 * {@link #BODY_DEADLINE}; its signature is checked before Bolt sees a byte of it. Bolt then
 * answers at once (the acknowledgement), and the answering happens on other threads.
 */
final class HttpEndpoint implements Connection {

  static final String PATH = "/slack/events";
  private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);
  /** Slack's payloads are a few kilobytes; anything this big is not from Slack. */
  static final int MAX_BODY = 1 << 20;
  /** Slack gives up on an acknowledgement after 3 s; a body slower than that is not Slack's. */
  static final Duration BODY_DEADLINE = Duration.ofSeconds(3);
  private static final HttpServers.Limits LIMITS = new HttpServers.Limits(16, 256,
      Duration.ofSeconds(10));

  private final App app;
  private final RequestSignature signature;
  private final String listen;
  private final SlackRequestParser parser;
  private volatile Server server;

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
      server = HttpServers.start(address, "slack-http", LIMITS, new Handler.Abstract.NonBlocking() {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
          exchange(request, response, callback);
          return true;
        }
      });
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
    return HttpServers.address(server);
  }

  /** Runs on Jetty's selector: only checks that cost nothing, then reads the body without waiting. */
  private void exchange(Request request, Response response, Callback callback) {
    if (!PATH.equals(Request.getPathInContext(request))) {
      HttpServers.reply(response, callback, 404, "text/plain", "not found");
      return;
    }
    if (!"POST".equals(request.getMethod())) {
      response.getHeaders().put("Allow", "POST");
      HttpServers.reply(response, callback, 405, "text/plain", "POST only");
      return;
    }
    if (request.getLength() > MAX_BODY) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      HttpServers.reply(response, callback, 413, "text/plain", "too large");
      return;
    }
    Executor work = request.getComponents().getExecutor();
    Content.Source.asByteArrayAsync(request, MAX_BODY)
        .orTimeout(BODY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
        .whenCompleteAsync((body, failure) -> {
          try {
            if (failure != null) {
              refuseBody(request, response, callback, failure);
            } else {
              signed(request, response, callback, body);
            }
          } catch (RuntimeException e) {
            LOG.error("Slack: failed to handle a request", e);
            HttpServers.reply(response, callback, 500, "text/plain", "error");
          }
        }, work);
  }

  private static void refuseBody(Request request, Response response, Callback callback,
      Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    if (cause instanceof TimeoutException) {
      LOG.warn("Slack: dropped a request from {} whose body did not arrive within {} ms",
          Request.getRemoteAddr(request), BODY_DEADLINE.toMillis());
      HttpServers.reply(response, callback, 408, "text/plain", "too slow");
    } else if (cause instanceof IllegalArgumentException) {
      HttpServers.reply(response, callback, 413, "text/plain", "too large");
    } else {
      LOG.debug("Slack: could not read a request body: {}", cause.toString());
      callback.failed(cause);
    }
  }

  private void signed(Request request, Response response, Callback callback, byte[] body) {
    HttpFields headers = request.getHeaders();
    RequestSignature.Verdict verdict = signature.verify(
        headers.get("X-Slack-Request-Timestamp"), headers.get("X-Slack-Signature"), body);
    if (verdict == RequestSignature.Verdict.REPLAYED) {
      // Acknowledged, so that a duplicate delivery is not retried, and otherwise ignored.
      LOG.warn("Slack: ignored a signed request from {} seen before (a replay or a duplicate)",
          Request.getRemoteAddr(request));
      HttpServers.reply(response, callback, 200, "text/plain", "");
      return;
    }
    if (verdict != RequestSignature.Verdict.VALID) {
      LOG.warn("Slack: refused a request from {}: signature {}", Request.getRemoteAddr(request),
          verdict);
      HttpServers.reply(response, callback, 401, "text/plain", "invalid signature");
      return;
    }
    com.slack.api.bolt.response.Response r = run(request, new String(body, StandardCharsets.UTF_8));
    HttpServers.reply(response, callback, r.getStatusCode() == null ? 200 : r.getStatusCode(),
        r.getContentType() == null ? "text/plain" : r.getContentType(),
        r.getBody() == null ? "" : r.getBody());
  }

  private com.slack.api.bolt.response.Response run(Request ex, String body) {
    Map<String, List<String>> headers = new HashMap<>();
    for (HttpField f : ex.getHeaders()) {
      headers.computeIfAbsent(f.getLowerCaseName(), k -> new ArrayList<>()).add(f.getValue());
    }
    com.slack.api.bolt.request.Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
        .requestUri(PATH)
        .queryString(query(ex.getHttpURI().getQuery()))
        .headers(new RequestHeaders(headers))
        .requestBody(body)
        .remoteAddress(Request.getRemoteAddr(ex))
        .build());
    if (request == null) {
      return com.slack.api.bolt.response.Response.builder().statusCode(400).contentType("text/plain")
          .body("not a Slack request").build();
    }
    try {
      return app.run(request);
    } catch (Exception e) {
      LOG.error("Slack: Bolt failed on a {} request", request.getRequestType(), e);
      return com.slack.api.bolt.response.Response.builder().statusCode(500).contentType("text/plain").body("error")
          .build();
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

  @Override
  public boolean connected() {
    return server != null;
  }

  @Override
  public void close() {
    Server s = server;
    server = null;
    if (s != null) {
      HttpServers.stop(s);
    }
    app.stop();
  }
}

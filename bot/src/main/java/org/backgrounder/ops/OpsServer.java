package org.backgrounder.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code /healthz} (the process is alive), {@code /readyz} (the index is open and every configured
 * chat platform is connected; 503 otherwise, saying which is not) and {@code /metrics}.
 */
public final class OpsServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;

  private OpsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving on {@code address}.
   *
   * @param readiness each part the bot needs, and whether it is ready now
   */
  public static OpsServer start(InetSocketAddress address, Metrics metrics,
      Supplier<Map<String, Boolean>> readiness) throws IOException {
    HttpServer server = HttpServer.create(address, 16);
    ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "ops-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/healthz", ex -> respond(ex, 200, "text/plain", "ok\n"));
    server.createContext("/readyz", ex -> {
      Map<String, Boolean> parts = readiness.get();
      boolean ready = parts.values().stream().allMatch(Boolean::booleanValue);
      StringBuilder b = new StringBuilder(ready ? "ready\n" : "not ready\n");
      parts.forEach((k, v) -> b.append(k).append(": ").append(v ? "ok" : "not ready").append('\n'));
      respond(ex, ready ? 200 : 503, "text/plain", b.toString());
    });
    server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4",
        metrics.prometheus()));
    server.createContext("/", ex -> respond(ex, 404, "text/plain",
        "not found: try /healthz, /readyz or /metrics\n"));
    server.start();
    return new OpsServer(server, executor);
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  private static void respond(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type + (type.contains("charset") ? ""
        : "; charset=utf-8"));
    if (ex.getRequestMethod().equals("HEAD")) {
      ex.sendResponseHeaders(status, -1);
    } else {
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}

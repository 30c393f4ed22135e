package org.backgrounder.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /healthz} (the process is alive), {@code /readyz} (the index answers a search and every
 * configured chat platform is connected; 503 otherwise, saying which is not) and
 * {@code /metrics}. Clients that connect and send nothing, or half a request, cost no thread and
 * are closed after a few seconds, so an orchestrator's probe is always answered.
 */
public final class OpsServer implements AutoCloseable {

  static final HttpServers.Limits LIMITS = new HttpServers.Limits(6, 64, Duration.ofSeconds(5));

  private final Server server;

  private OpsServer(Server server) {
    this.server = server;
  }

  /**
   * Starts serving on {@code address}.
   *
   * @param readiness each part the bot needs, and whether it is ready now
   */
  public static OpsServer start(InetSocketAddress address, Metrics metrics,
      Supplier<Map<String, Boolean>> readiness) throws IOException {
    return new OpsServer(HttpServers.start(address, "ops-http", LIMITS, ops(metrics, readiness)));
  }

  /**
   * Starts serving on {@code address}, with {@code pages} asked first about every request: it
   * answers those it owns (the desk's, under {@code /desk}) and leaves the rest to the operations
   * endpoints, which stay as they are.
   */
  public static OpsServer start(InetSocketAddress address, Metrics metrics,
      Supplier<Map<String, Boolean>> readiness, Handler pages) throws IOException {
    return new OpsServer(HttpServers.start(address, "ops-http", LIMITS,
        new Handler.Sequence(pages, ops(metrics, readiness))));
  }

  private static Handler ops(Metrics metrics, Supplier<Map<String, Boolean>> readiness) {
    return new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
          response.getHeaders().put("Allow", "GET, HEAD");
          HttpServers.reply(response, callback, 405, "text/plain", "GET only\n");
          return true;
        }
        switch (Request.getPathInContext(request)) {
          case "/healthz" -> HttpServers.reply(response, callback, 200, "text/plain", "ok\n");
          case "/readyz" -> ready(response, callback, readiness.get(), metrics.isLeader());
          case "/metrics" -> HttpServers.reply(response, callback, 200,
              "text/plain; version=0.0.4; charset=utf-8", metrics.prometheus());
          default -> HttpServers.reply(response, callback, 404, "text/plain",
              "not found: try /healthz, /readyz or /metrics\n");
        }
        return true;
      }
    };
  }

  private static void ready(Response response, Callback callback, Map<String, Boolean> parts,
      boolean leader) {
    boolean ready = parts.values().stream().allMatch(Boolean::booleanValue);
    StringBuilder b = new StringBuilder(ready ? "ready\n" : "not ready\n");
    parts.forEach((k, v) -> b.append(k).append(": ").append(v ? "ok" : "not ready").append('\n'));
    // Information, not a condition: a replica that follows is as ready to answer as the leader.
    b.append("backgrounder_leader ").append(leader ? 1 : 0).append('\n');
    HttpServers.reply(response, callback, ready ? 200 : 503, "text/plain", b.toString());
  }

  public InetSocketAddress address() {
    return HttpServers.address(server);
  }

  @Override
  public void close() {
    HttpServers.stop(server);
  }
}

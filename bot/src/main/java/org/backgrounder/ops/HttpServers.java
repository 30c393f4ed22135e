package org.backgrounder.ops;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The bot's HTTP servers (Slack's HTTP mode, health and metrics), on Jetty's non-blocking
 * connector: requests are read on a selector, so a client that sends half a request holds no
 * thread; a connection silent for the idle timeout is closed; past the connection limit Jetty
 * stops accepting until some close. Handlers run on a small bounded pool.
 */
public final class HttpServers {

  /**
   * @param threads the most handler threads (Jetty's selector and acceptor take two of them)
   * @param connections the most open connections; more wait in the kernel's backlog
   * @param idleTimeout how long a connection may send nothing before it is closed
   */
  public record Limits(int threads, int connections, Duration idleTimeout) {
    public Limits {
      if (threads < 4) {
        throw new IllegalArgumentException("threads must be at least 4, not " + threads);
      }
      if (connections < 1) {
        throw new IllegalArgumentException("connections must be positive, not " + connections);
      }
      if (idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("idleTimeout must be positive, not " + idleTimeout);
      }
    }
  }

  private HttpServers() {}

  /**
   * Starts a server on {@code address} (port 0 picks a free one) handing every request to
   * {@code handler}.
   *
   * @param name names its threads
   * @throws IOException when it cannot listen there; a {@link BindException} when the address is
   *     taken or not the machine's
   */
  public static Server start(InetSocketAddress address, String name, Limits limits,
      Handler handler) throws IOException {
    QueuedThreadPool pool = new QueuedThreadPool(limits.threads(), 2);
    pool.setName(name);
    pool.setDaemon(true);
    pool.setReservedThreads(0);
    Server server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(8 * 1024);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(address.getHostString());
    connector.setPort(address.getPort());
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(limits.connections(), connector));
    server.setHandler(handler);
    server.setStopTimeout(2000);
    try {
      server.start();
    } catch (Exception e) {
      stop(server);
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BindException b) {
          throw b;
        }
      }
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
    return server;
  }

  /** Where {@code server} listens (the real port when it was started on port 0). */
  public static InetSocketAddress address(Server server) {
    ServerConnector c = (ServerConnector) server.getConnectors()[0];
    return new InetSocketAddress(c.getHost(), c.getLocalPort());
  }

  /** Stops {@code server}, closing its connections; never throws. */
  public static void stop(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      // stopping is best effort: the process is going away or the test is over
    }
  }

  /** Writes a whole text response and completes {@code callback}. */
  public static void reply(Response response, Callback callback, int status, String type,
      String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type + (type.contains("charset") ? ""
        : "; charset=utf-8"));
    Content.Sink.write(response, true, body, callback);
  }
}

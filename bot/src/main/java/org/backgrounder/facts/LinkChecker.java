package org.backgrounder.facts;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches every source link of the fact files (HEAD, then GET when a server refuses HEAD) so the
 * desk can find dead links, saying what went wrong in an editor's words ("could not connect",
 * "timed out"), never a Java exception's. Says plainly when there is no network rather than
 * calling every link dead.
 */
public final class LinkChecker {


  private final OkHttpClient client;

  private LinkChecker(OkHttpClient client) {
    this.client = client;
  }

  public static LinkChecker create(OkHttpClient client) {
    return new LinkChecker(client);
  }

  /**
   * One link's outcome. {@code status} is the HTTP status, or 0 when there was no answer, and
   * then {@code error} says why in plain words; {@code unreachable}: no connection was made.
   */
  public record Outcome(String file, String sourceId, URI url, int status, String error,
      boolean unreachable) {
    public boolean ok() {
      return status >= 200 && status < 400;
    }
  }

  /** Every link's outcome, and what to print. */
  public record Report(List<Outcome> outcomes, boolean offline) {
    public List<Outcome> broken() {
      return offline ? List.of() : outcomes.stream().filter(o -> !o.ok()).toList();
    }

    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      if (offline) {
        lines.add("links: not checked: no network (no source could be reached; first error: "
            + outcomes.stream().map(Outcome::error).filter(e -> e != null).findFirst().orElse("?")
            + ")");
        return lines;
      }
      for (Outcome o : broken()) {
        lines.add(o.file() + ": source '" + o.sourceId() + "': " + o.url() + " -> "
            + (o.status() == 0 ? o.error() : "HTTP " + o.status()));
      }
      lines.add("links: " + outcomes.size() + " checked, " + broken().size() + " broken");
      return lines;
    }
  }

  public Report check(List<FactFile> files) {
    List<Outcome> links = new ArrayList<>();
    for (FactFile f : files) {
      for (Source s : f.sources()) {
        links.add(new Outcome(f.file(), s.id(), s.url(), 0, null, false));
        s.archived().ifPresent(a -> links.add(new Outcome(f.file(), s.id() + " (archived)", a, 0,
            null, false)));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Map<URI, Future<Probe>> probes = new LinkedHashMap<>();
      for (Outcome o : links) {
        probes.computeIfAbsent(o.url(), u -> pool.submit(() -> probe(u)));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Outcome o : links) {
        Probe p = await(probes.get(o.url()));
        outcomes.add(new Outcome(o.file(), o.sourceId(), o.url(), p.status(), p.error(),
            p.unreachable()));
      }
      boolean offline = !outcomes.isEmpty() && outcomes.stream().allMatch(Outcome::unreachable);
      return new Report(outcomes, offline);
    } finally {
      pool.shutdownNow();
    }
  }

  private record Probe(int status, String error, boolean unreachable) {
    static Probe answered(int status) {
      return new Probe(status, null, false);
    }

    static Probe failed(String why) {
      return new Probe(0, why, false);
    }
  }

  private static Probe await(Future<Probe> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Probe.failed("not checked: interrupted");
    } catch (ExecutionException e) {
      return Probe.failed("could not be checked");
    }
  }

  private Probe probe(URI url) {
    try {
      int head = call(new Request.Builder().url(url.toString()).head().build());
      if (head >= 200 && head < 400) {
        return Probe.answered(head);
      }
      return Probe.answered(call(new Request.Builder().url(url.toString()).get().build()));
    } catch (UnknownHostException e) {
      return new Probe(0, "no such host", true);
    } catch (NoRouteToHostException | ConnectException e) {
      return new Probe(0, "could not connect", true);
    } catch (SocketTimeoutException e) {
      return Probe.failed("timed out");
    } catch (SSLException e) {
      return Probe.failed("its secure connection failed");
    } catch (IOException e) {
      return Probe.failed("the connection failed");
    } catch (IllegalArgumentException e) {
      return Probe.failed("not a web address");
    }
  }

  private int call(Request request) throws IOException {
    try (Response r = client.newCall(request).execute()) {
      return r.code();
    }
  }
}

package org.backgrounder.feeds;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.backgrounder.config.FeedSettings;

/**
 * Fetches one feed document, politely and defensively: a User-Agent naming the bot, conditional
 * GET, gzip taken and unpacked by us so that both the compressed and the unpacked body are capped,
 * redirects followed by hand (at most five, loops caught, permanent ones reported), and no
 * connection to loopback, private, link-local or other special-purpose addresses unless the
 * settings allow it: the {@link AddressGuard} checks every hop as OkHttp reads it, every name as
 * it resolves and every connection as it is made, so neither a spelling ({@code 127.1}), a
 * redirect nor a DNS answer gets around it.
 */
public final class Fetcher {

  static final int MAX_REDIRECTS = 5;
  private static final String ACCEPT = "application/rss+xml, application/atom+xml,"
      + " application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9,"
      + " */*;q=0.5";

  /** The client, made at the first http(s) fetch: reading local files needs none. */
  private final Supplier<OkHttpClient> client;
  private final AddressGuard guard;
  private final FeedSettings settings;
  private final Clock clock;

  private Fetcher(Supplier<OkHttpClient> client, AddressGuard guard, FeedSettings settings,
      Clock clock) {
    this.client = client;
    this.guard = guard;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * A fetcher on {@code base} (the project's one OkHttp client, whose pools it shares) with the
   * timeouts, redirect and address rules of {@code settings}. Feeds connect directly, whatever
   * proxy the JVM is set to use, unless {@code feeds.use_proxy} says otherwise: through a proxy,
   * names resolve where the address checks cannot see them.
   */
  public static Fetcher create(OkHttpClient base, FeedSettings settings, Clock clock) {
    return create(() -> base, settings, clock);
  }

  /**
   * As above, on the client {@code base} gives when the fetcher first fetches over http(s): a
   * client is some thousand classes and a trust store to load, and local files need none.
   */
  public static Fetcher create(Supplier<OkHttpClient> base, FeedSettings settings, Clock clock) {
    return create(base, settings, clock, settings.allowPrivateAddresses() ? a -> false
        : Addresses::isPrivate);
  }

  /** As above, with the rule saying which addresses are refused (tests move it). */
  static Fetcher create(OkHttpClient base, FeedSettings settings, Clock clock,
      Predicate<InetAddress> refused) {
    return create(() -> base, settings, clock, refused);
  }

  private static Fetcher create(Supplier<OkHttpClient> base, FeedSettings settings, Clock clock,
      Predicate<InetAddress> refused) {
    AddressGuard guard = new AddressGuard(refused);
    Supplier<OkHttpClient> client = new Supplier<>() {
      private OkHttpClient made;

      @Override
      public synchronized OkHttpClient get() {
        if (made == null) {
          OkHttpClient.Builder b = base.get().newBuilder()
              .followRedirects(false)
              .followSslRedirects(false)
              .retryOnConnectionFailure(true)
              .connectTimeout(settings.connectTimeout())
              .readTimeout(settings.readTimeout())
              .callTimeout(settings.callTimeout())
              .dns(guard.dns())
              .addNetworkInterceptor(guard.interceptor());
          if (!settings.useProxy()) {
            b.proxy(Proxy.NO_PROXY);
          }
          made = b.build();
        }
        return made;
      }
    };
    return new Fetcher(client, guard, settings, clock);
  }

  /**
   * What came back.
   *
   * @param notModified a 304: the feed has not changed since the validators were taken
   * @param movedTo where a chain of permanent redirects ended, to poll there from now on
   */
  public record Fetched(boolean notModified, byte[] body, Optional<String> contentType,
      Optional<String> etag, Optional<String> lastModified, URI url, Optional<URI> movedTo) {}

  /** Fetches {@code url}, sending the validators of the last fetch. */
  public Fetched fetch(URI url, Optional<String> etag, Optional<String> lastModified)
      throws FeedException {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("file")) {
      return file(url);
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FeedException(FeedException.Kind.REFUSED, "only http, https and file: feeds are"
          + " fetched, not " + scheme + ":");
    }
    // HttpUrl is how OkHttp reads an address: checking anything else checks the wrong host.
    HttpUrl current = HttpUrl.parse(url.toString());
    if (current == null) {
      throw new FeedException(FeedException.Kind.REFUSED, "not a valid http(s) URL: " + url);
    }
    boolean allPermanent = true;
    Set<String> visited = new HashSet<>();
    for (int hop = 0; ; hop++) {
      if (!visited.add(current.toString())) {
        throw new FeedException(FeedException.Kind.REDIRECTS, "redirect loop at " + current);
      }
      guard.checkLiteral(current);
      Request.Builder rb = new Request.Builder().url(current)
          .header("User-Agent", settings.userAgent())
          .header("Accept", ACCEPT)
          .header("Accept-Encoding", "gzip");
      etag.ifPresent(v -> rb.header("If-None-Match", v));
      lastModified.ifPresent(v -> rb.header("If-Modified-Since", v));
      try (Response r = client.get().newCall(rb.build()).execute()) {
        int code = r.code();
        if (code == 301 || code == 302 || code == 303 || code == 307 || code == 308) {
          String location = r.header("Location");
          if (location == null || location.isBlank()) {
            throw new FeedException(FeedException.Kind.REDIRECTS, "HTTP " + code + " without a"
                + " Location");
          }
          if (hop + 1 > MAX_REDIRECTS) {
            throw new FeedException(FeedException.Kind.REDIRECTS, "more than " + MAX_REDIRECTS
                + " redirects");
          }
          allPermanent &= code == 301 || code == 308;
          HttpUrl next = current.resolve(location.strip());
          if (next == null) {
            throw new FeedException(FeedException.Kind.REDIRECTS, "HTTP " + code
                + " to an address that is not valid: " + location.strip());
          }
          current = next;
          continue;
        }
        Optional<URI> moved = allPermanent && hop > 0 ? Optional.of(current.uri()) : Optional.empty();
        if (code == 304) {
          return new Fetched(true, new byte[0], Optional.empty(), etag, lastModified, current.uri(),
              moved);
        }
        if (code >= 200 && code < 300) {
          byte[] body = body(r);
          return new Fetched(false, body, Optional.ofNullable(r.header("Content-Type")),
              Optional.ofNullable(r.header("ETag")), Optional.ofNullable(r.header("Last-Modified")),
              current.uri(), moved);
        }
        throw failure(code, r);
      } catch (FeedException e) {
        throw e;
      } catch (InterruptedIOException e) {
        throw new FeedException(FeedException.Kind.UNAVAILABLE, "timed out", e);
      } catch (IOException e) {
        if (AddressGuard.isRefusal(e)) {
          throw new FeedException(FeedException.Kind.REFUSED, e.getMessage(), e);
        }
        if (e instanceof UnknownHostException) {
          throw new FeedException(FeedException.Kind.UNAVAILABLE, "host not found: "
              + e.getMessage(), e);
        }
        throw new FeedException(FeedException.Kind.UNAVAILABLE, "connection failed: "
            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
      }
    }
  }

  private FeedException failure(int code, Response r) {
    if (code == 410) {
      return new FeedException(FeedException.Kind.GONE, "HTTP 410 Gone: the outlet removed this feed");
    }
    if (code == 429 || code == 503) {
      Optional<Duration> wait = retryAfter(r.header("Retry-After"));
      return new FeedException(FeedException.Kind.THROTTLED, "HTTP " + code + (code == 429
          ? " Too Many Requests" : " Service Unavailable") + wait.map(d -> "; asked to wait "
          + org.backgrounder.config.Durations.format(d)).orElse(""), null, wait.orElse(null));
    }
    if (code >= 500) {
      return new FeedException(FeedException.Kind.UNAVAILABLE, "HTTP " + code);
    }
    return new FeedException(FeedException.Kind.CLIENT_ERROR, "HTTP " + code
        + (code == 404 ? " Not Found" : code == 403 ? " Forbidden" : code == 401 ? " Unauthorized" : ""));
  }

  /** Retry-After as seconds or as an HTTP date. */
  Optional<Duration> retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String h = header.strip();
    try {
      long seconds = Long.parseLong(h);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(clock.instant(), when.toInstant());
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException ignored) {
        return Optional.empty();
      }
    }
  }

  private byte[] body(Response r) throws IOException, FeedException {
    ResponseBody body = r.body();
    if (body == null) {
      return new byte[0];
    }
    long cap = settings.maxBytes();
    if (body.contentLength() > cap) {
      throw tooLarge("the server announces " + body.contentLength() + " bytes");
    }
    byte[] raw = readCapped(body.byteStream(), cap, "compressed");
    if ("gzip".equalsIgnoreCase(String.valueOf(r.header("Content-Encoding")).strip())) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        return readCapped(in, cap, "unpacked");
      }
    }
    return raw;
  }

  private byte[] readCapped(InputStream in, long cap, String what) throws IOException, FeedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[16384];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > cap) {
        throw tooLarge("the " + what + " body passed " + cap + " bytes");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private FeedException tooLarge(String why) {
    return new FeedException(FeedException.Kind.TOO_LARGE, "too large: " + why + "; the limit is "
        + settings.maxBytes() + " bytes (feeds.max_bytes)");
  }

  private Fetched file(URI url) throws FeedException {
    if (!settings.allowFileUrls()) {
      throw new FeedException(FeedException.Kind.REFUSED, "file: feeds are off; set"
          + " feeds.allow_file_urls to read snapshots");
    }
    Path p = Path.of(url);
    try {
      if (Files.size(p) > settings.maxBytes()) {
        throw tooLarge("the file has " + Files.size(p) + " bytes");
      }
      return new Fetched(false, Files.readAllBytes(p), Optional.empty(), Optional.empty(),
          Optional.empty(), url, Optional.empty());
    } catch (NoSuchFileException e) {
      throw new FeedException(FeedException.Kind.CLIENT_ERROR, "no such file: " + p);
    } catch (IOException e) {
      throw new FeedException(FeedException.Kind.UNAVAILABLE, "cannot read " + p + ": "
          + e.getMessage(), e);
    }
  }
}

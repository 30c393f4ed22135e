package org.backgrounder.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.backgrounder.config.FeedSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FetcherTest {

  static final String RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
      + "<item><title>One</title><link>https://example.org/1</link></item></channel></rss>";
  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  static FeedSettings settings(boolean allowPrivate, long maxBytes, Duration readTimeout) {
    return new FeedSettings("Backgrounder-Test/1.0 (+https://newsroom.example/bot)", false,
        allowPrivate, Duration.ofSeconds(2), readTimeout, Duration.ofSeconds(10), maxBytes, 4, true);
  }

  private Fetcher fetcher() {
    return Fetcher.create(new OkHttpClient(), settings(true, 64 * 1024, Duration.ofSeconds(5)),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private URI url(String path) {
    return server.url(path).uri();
  }

  @Test
  void fetch_sendsUserAgentAndValidators_andReadsA304() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(304));

    Fetcher.Fetched f = fetcher().fetch(url("/feed"), Optional.of("\"v1\""),
        Optional.of("Wed, 25 Nov 2026 10:00:00 GMT"));

    assertThat(f.notModified()).isTrue();
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeader("User-Agent")).isEqualTo("Backgrounder-Test/1.0 (+https://newsroom.example/bot)");
    assertThat(r.getHeader("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(r.getHeader("If-Modified-Since")).isEqualTo("Wed, 25 Nov 2026 10:00:00 GMT");
  }

  @Test
  void fetch_200_returnsBodyAndNewValidators() throws Exception {
    server.enqueue(new MockResponse().setBody(RSS).setHeader("ETag", "\"v2\"")
        .setHeader("Last-Modified", "Thu, 26 Nov 2026 10:00:00 GMT"));

    Fetcher.Fetched f = fetcher().fetch(url("/feed"), Optional.empty(), Optional.empty());

    assertThat(new String(f.body())).isEqualTo(RSS);
    assertThat(f.etag()).contains("\"v2\"");
    assertThat(f.lastModified()).contains("Thu, 26 Nov 2026 10:00:00 GMT");
    assertThat(f.movedTo()).isEmpty();
  }

  @Test
  void fetch_permanentRedirect_reportsTheNewAddress() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "/new-feed"));
    server.enqueue(new MockResponse().setBody(RSS));

    Fetcher.Fetched f = fetcher().fetch(url("/old-feed"), Optional.empty(), Optional.empty());

    assertThat(f.movedTo()).contains(url("/new-feed"));
    assertThat(server.takeRequest().getPath()).isEqualTo("/old-feed");
    assertThat(server.takeRequest().getPath()).isEqualTo("/new-feed");
  }

  @Test
  void fetch_temporaryRedirect_keepsTheOldAddress() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/elsewhere"));
    server.enqueue(new MockResponse().setBody(RSS));

    assertThat(fetcher().fetch(url("/feed"), Optional.empty(), Optional.empty()).movedTo()).isEmpty();
  }

  @Test
  void fetch_redirectLoop_isCaught() {
    server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/b"));
    server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/a"));

    assertThatThrownBy(() -> fetcher().fetch(url("/a"), Optional.empty(), Optional.empty()))
        .isInstanceOfSatisfying(FeedException.class, e -> {
          assertThat(e.kind()).isEqualTo(FeedException.Kind.REDIRECTS);
          assertThat(e.getMessage()).startsWith("redirect loop");
        });
  }

  @Test
  void fetch_moreThanFiveRedirects_stops() {
    for (int i = 0; i < 7; i++) {
      server.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", "/r" + (i + 1)));
    }

    assertThatThrownBy(() -> fetcher().fetch(url("/r0"), Optional.empty(), Optional.empty()))
        .hasMessage("more than 5 redirects");
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void fetch_410_isGone() {
    server.enqueue(new MockResponse().setResponseCode(410));

    assertThatThrownBy(() -> fetcher().fetch(url("/feed"), Optional.empty(), Optional.empty()))
        .isInstanceOfSatisfying(FeedException.class,
            e -> assertThat(e.kind()).isEqualTo(FeedException.Kind.GONE));
  }

  @Test
  void fetch_429WithSeconds_carriesRetryAfter() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "120"));

    assertThatThrownBy(() -> fetcher().fetch(url("/feed"), Optional.empty(), Optional.empty()))
        .isInstanceOfSatisfying(FeedException.class, e -> {
          assertThat(e.kind()).isEqualTo(FeedException.Kind.THROTTLED);
          assertThat(e.retryAfter()).contains(Duration.ofMinutes(2));
        });
  }

  @Test
  void fetch_503WithHttpDate_carriesRetryAfter() {
    server.enqueue(new MockResponse().setResponseCode(503)
        .setHeader("Retry-After", "Thu, 26 Nov 2026 13:30:00 GMT"));

    assertThatThrownBy(() -> fetcher().fetch(url("/feed"), Optional.empty(), Optional.empty()))
        .isInstanceOfSatisfying(FeedException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(90)));
  }

  @Test
  void fetch_slowServer_timesOut() {
    server.enqueue(new MockResponse().setBody(RSS).setBodyDelay(5, TimeUnit.SECONDS));
    Fetcher f = Fetcher.create(new OkHttpClient(), settings(true, 64 * 1024, Duration.ofMillis(300)),
        Clock.systemUTC());

    assertThatThrownBy(() -> f.fetch(url("/feed"), Optional.empty(), Optional.empty()))
        .isInstanceOfSatisfying(FeedException.class, e -> {
          assertThat(e.kind()).isEqualTo(FeedException.Kind.UNAVAILABLE);
          assertThat(e.kind().isTransient()).isTrue();
        });
  }

  @Test
  void fetch_endlessBody_stopsAtTheCap() {
    Buffer endless = new Buffer();
    byte[] chunk = new byte[8192];
    java.util.Arrays.fill(chunk, (byte) 'x');
    for (int i = 0; i < 200; i++) {
      endless.write(chunk);
    }
    server.enqueue(new MockResponse().setChunkedBody(endless, 4096));

    assertThatThrownBy(() -> fetcher().fetch(url("/feed"), Optional.empty(), Optional.empty()))
        .isInstanceOfSatisfying(FeedException.class, e -> {
          assertThat(e.kind()).isEqualTo(FeedException.Kind.TOO_LARGE);
          assertThat(e.getMessage()).contains("the compressed body passed 65536 bytes");
        });
  }

  @Test
  void fetch_gzipBomb_stopsAtTheCapWhenUnpacking() throws IOException {
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        gz.write(zeros);
      }
    }
    assertThat(packed.size()).isLessThan(64 * 1024);
    server.enqueue(new MockResponse().setBody(new Buffer().write(packed.toByteArray()))
        .setHeader("Content-Encoding", "gzip"));

    assertThatThrownBy(() -> fetcher().fetch(url("/feed"), Optional.empty(), Optional.empty()))
        .isInstanceOfSatisfying(FeedException.class, e -> {
          assertThat(e.kind()).isEqualTo(FeedException.Kind.TOO_LARGE);
          assertThat(e.getMessage()).contains("the unpacked body passed");
        });
  }

  @Test
  void fetch_gzippedFeed_isUnpacked() throws Exception {
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
      gz.write(RSS.getBytes());
    }
    server.enqueue(new MockResponse().setBody(new Buffer().write(packed.toByteArray()))
        .setHeader("Content-Encoding", "gzip"));

    assertThat(new String(fetcher().fetch(url("/feed"), Optional.empty(), Optional.empty()).body()))
        .isEqualTo(RSS);
    assertThat(server.takeRequest().getHeader("Accept-Encoding")).isEqualTo("gzip");
  }

  @Test
  void fetch_privateAddressWhenNotAllowed_isRefusedWithoutConnecting() {
    Fetcher strict = Fetcher.create(new OkHttpClient(), settings(false, 1024 * 1024,
        Duration.ofSeconds(2)), Clock.systemUTC());

    assertThatThrownBy(() -> strict.fetch(url("/feed"), Optional.empty(), Optional.empty()))
        .isInstanceOfSatisfying(FeedException.class, e -> {
          assertThat(e.kind()).isEqualTo(FeedException.Kind.REFUSED);
          assertThat(e.getMessage()).contains("private address");
        });
    assertThatThrownBy(() -> strict.fetch(URI.create("http://localhost:" + server.getPort() + "/feed"),
        Optional.empty(), Optional.empty()))
        .isInstanceOfSatisfying(FeedException.class,
            e -> assertThat(e.kind()).isEqualTo(FeedException.Kind.REFUSED));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void fetch_literalPrivateAddress_isRefusedBeforeAnyDns() {
    // OkHttp does not ask DNS about literal addresses, so they are checked on each hop directly.
    Fetcher strict = Fetcher.create(new OkHttpClient(), settings(false, 1024 * 1024,
        Duration.ofSeconds(2)), Clock.systemUTC());

    assertThatThrownBy(() -> strict.fetch(URI.create("http://127.0.0.1:9/x"), Optional.empty(),
        Optional.empty())).hasMessageContaining("127.0.0.1 is a private address");
  }

  @Test
  void fetch_otherSchemes_areRefused() {
    assertThatThrownBy(() -> fetcher().fetch(URI.create("ftp://example.org/feed"), Optional.empty(),
        Optional.empty())).hasMessageContaining("only http, https and file:");
    assertThatThrownBy(() -> fetcher().fetch(URI.create("file:///etc/hosts"), Optional.empty(),
        Optional.empty())).hasMessageContaining("file: feeds are off");
  }

  @Test
  void theClient_isMadeAtTheFirstHttpFetch_andNotForLocalFiles(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("feed.xml"), "<rss/>");
    java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
    FeedSettings files = new FeedSettings("Backgrounder-Test/1.0", true, true,
        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), 64 * 1024L, 4, true);
    Fetcher f = Fetcher.create(() -> {
      made.incrementAndGet();
      return new OkHttpClient();
    }, files, Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(f.fetch(file.toUri(), Optional.empty(), Optional.empty()).body())
        .isEqualTo("<rss/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(made).hasValue(0);

    server.enqueue(new MockResponse().setBody("<rss/>"));
    server.enqueue(new MockResponse().setBody("<rss/>"));
    f.fetch(url("/a"), Optional.empty(), Optional.empty());
    f.fetch(url("/b"), Optional.empty(), Optional.empty());
    assertThat(made).hasValue(1);
    assertThat(server.takeRequest().getHeader("User-Agent")).isEqualTo("Backgrounder-Test/1.0");
  }

  @Test
  void fetch_droppedConnection_isTransient() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));

    assertThatThrownBy(() -> fetcher().fetch(url("/feed"), Optional.empty(), Optional.empty()))
        .isInstanceOfSatisfying(FeedException.class,
            e -> assertThat(e.kind().isTransient()).isTrue());
  }
}

package org.backgrounder.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.backgrounder.config.FeedSettings;
import org.backgrounder.facts.FactBase;
import org.backgrounder.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The private-address block against the spellings and detours a hostile feed can use. Every
 * target is on this machine: "internal" is a server on 127.0.0.1 the bot must never reach;
 * "outlet" is a server on 127.0.0.2 that these tests alone treat as a public address.
 */
class AddressGuardTest {

  private static final String OUTLET_ADDRESS = "127.0.0.2";
  private final MockWebServer internal = new MockWebServer();
  private final MockWebServer outlet = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    internal.start(InetAddress.getByName("127.0.0.1"), 0);
    outlet.start(InetAddress.getByName(OUTLET_ADDRESS), 0);
  }

  @AfterEach
  void stop() throws IOException {
    internal.shutdown();
    outlet.shutdown();
  }

  private static FeedSettings strictSettings() {
    return FetcherTest.settings(false, 1024 * 1024, Duration.ofSeconds(2));
  }

  /** The production rules, except that the outlet's address counts as public. */
  private static Predicate<InetAddress> refusedButOutlet() {
    return a -> Addresses.isPrivate(a) && !a.getHostAddress().equals(OUTLET_ADDRESS);
  }

  private Fetcher strict() {
    return Fetcher.create(new OkHttpClient(), strictSettings(), Clock.systemUTC());
  }

  private static void assertRefused(Fetcher f, String url) {
    assertThatThrownBy(() -> f.fetch(URI.create(url), Optional.empty(), Optional.empty()))
        .as(url)
        .isInstanceOfSatisfying(FeedException.class,
            e -> assertThat(e.kind()).isEqualTo(FeedException.Kind.REFUSED));
  }

  @Test
  void fetch_loopbackInOtherSpellings_isRefusedWithoutConnecting() {
    int port = internal.getPort();
    for (String host : List.of("127.1", "127.0.0.%31", "2130706433", "0x7f.1", "0x7f000001",
        "127.0.0.1.", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:7f00:1]",
        "[::127.0.0.1]", "[64:ff9b::127.0.0.1]", "[2002:7f00:1::]", "[::1]")) {
      assertRefused(strict(), "http://" + host + ":" + port + "/feed");
    }
    assertThat(internal.getRequestCount()).isZero();
  }

  @Test
  void isPrivate_reservedAndEmbeddedRanges_areAllPrivate() throws IOException {
    for (String a : List.of("198.18.0.1", "198.19.255.254", "192.0.2.7", "198.51.100.7",
        "203.0.113.7", "100.64.0.1", "169.254.169.254", "0.0.0.0", "255.255.255.255",
        "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:c0a8:0101::1", "2001:db8::1",
        "fd00::1", "fe80::1", "::")) {
      assertThat(Addresses.isPrivate(InetAddress.getByName(a))).as(a).isTrue();
    }
    for (String a : List.of("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
        "64:ff9b::5db8:d70e", "2002:5db8:d70e::1")) {
      assertThat(Addresses.isPrivate(InetAddress.getByName(a))).as(a).isFalse();
    }
  }

  @Test
  void fetch_redirectToAnInternalAddress_isRefusedOnThatHop() {
    Fetcher f = Fetcher.create(new OkHttpClient(), strictSettings(), Clock.systemUTC(),
        refusedButOutlet());
    for (String to : List.of("http://127.1:" + internal.getPort() + "/secret",
        "http://localhost:" + internal.getPort() + "/secret",
        "http://[::ffff:127.0.0.1]:" + internal.getPort() + "/secret")) {
      outlet.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", to));
      assertRefused(f, outlet.url("/feed").toString());
    }
    assertThat(outlet.getRequestCount()).isEqualTo(3);
    assertThat(internal.getRequestCount()).isZero();
  }

  @Test
  void poll_permanentRedirectToAnInternalAddress_isNeitherFetchedNorStored() {
    Fetcher f = Fetcher.create(new OkHttpClient(), strictSettings(), Clock.systemUTC(),
        refusedButOutlet());
    outlet.enqueue(new MockResponse().setResponseCode(301)
        .setHeader("Location", "http://127.0.0.%31:" + internal.getPort() + "/admin"));
    internal.enqueue(new MockResponse().setBody(PollerTest.rss("internal secrets")));
    try (Database db = Database.inMemory()) {
      org.backgrounder.store.SqlFeedStore store = new org.backgrounder.store.SqlFeedStore(db);
      FeedConfig feed = new FeedConfig("wire", outlet.url("/feed").uri(), "Wire",
          Optional.empty(), List.of(), Duration.ofMinutes(15), true);

      List<Poller.Outcome> out = new Poller(store, f, FactBase::empty, changed -> { },
          Clock.systemUTC(), new Random(1), 1).pollAll(List.of(feed));

      assertThat(out).singleElement().extracting(Poller.Outcome::kind)
          .isEqualTo(Poller.Outcome.Kind.FAILED);
      assertThat(store.state("wire").currentUrl()).isEmpty();
      assertThat(store.state("wire").failureKind()).contains(FeedException.Kind.REFUSED);
    }
    assertThat(internal.getRequestCount()).isZero();
  }

  @Test
  void fetch_whenTheJvmHasAProxy_connectsDirectlyUnlessConfigured() throws Exception {
    MockWebServer proxy = new MockWebServer();
    proxy.start(InetAddress.getByName("127.0.0.1"), 0);
    try {
      ProxySelector jvmProxy = new ProxySelector() {
        @Override
        public List<Proxy> select(URI uri) {
          return List.of(proxy.toProxyAddress());
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException e) {}
      };
      OkHttpClient base = new OkHttpClient.Builder().proxySelector(jvmProxy).build();
      outlet.enqueue(new MockResponse().setBody(FetcherTest.RSS));
      proxy.enqueue(new MockResponse().setBody(FetcherTest.RSS));

      Fetcher f = Fetcher.create(base, strictSettings(), Clock.systemUTC(), refusedButOutlet());
      f.fetch(outlet.url("/feed").uri(), Optional.empty(), Optional.empty());

      assertThat(outlet.getRequestCount()).isEqualTo(1);
      assertThat(proxy.getRequestCount()).isZero();
    } finally {
      proxy.shutdown();
    }
  }

  @Test
  void interceptor_aConnectionToARefusedAddress_sendsNothing() {
    // The last of the three checks, alone: whatever led the client there, nothing is sent.
    OkHttpClient client = new OkHttpClient.Builder().proxy(Proxy.NO_PROXY)
        .addNetworkInterceptor(new AddressGuard(Addresses::isPrivate).interceptor()).build();
    okhttp3.Request request = new okhttp3.Request.Builder().url(internal.url("/feed")).build();

    assertThatThrownBy(() -> client.newCall(request).execute().close())
        .isInstanceOf(AddressGuard.RefusedAddress.class)
        .hasMessageContaining("a private address");
    assertThat(internal.getRequestCount()).isZero();
  }
}

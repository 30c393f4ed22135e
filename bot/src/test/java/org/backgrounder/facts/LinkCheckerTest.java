package org.backgrounder.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinkCheckerTest {

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient client = new OkHttpClient.Builder()
      .callTimeout(Duration.ofSeconds(10)).build();

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String path = r.getPath();
        if (path.equals("/ok")) {
          return new MockResponse().setResponseCode(200);
        }
        if (path.equals("/no-head")) {
          return new MockResponse().setResponseCode(r.getMethod().equals("HEAD") ? 405 : 200);
        }
        if (path.equals("/moved")) {
          return new MockResponse().setResponseCode(301).addHeader("Location", "/ok");
        }
        return new MockResponse().setResponseCode(404);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private static FactFile file(List<String> urls) {
    List<Source> sources = new java.util.ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      sources.add(new Source("s" + i, "T", "O", URI.create(urls.get(i)), Optional.empty(),
          Source.Kind.NEWS, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }
    Fact fact = new Fact("f", "t", Optional.empty(), List.of(), List.of(),
        sources.stream().map(Source::id).toList(), Fact.Status.CONFIRMED, List.of(), Optional.empty());
    return new FactFile("f.yaml", new Story("s", "S", Optional.empty(), List.of(), Optional.empty()),
        List.of(), sources, List.of(fact));
  }

  @Test
  void check_reportsOnlyLinksThatDoNotAnswer2xxOr3xx() {
    String base = server.url("/").toString();
    FactFile f = file(List.of(base + "ok", base + "no-head", base + "moved", base + "gone"));

    LinkChecker.Report report = LinkChecker.create(client).check(List.of(f));

    assertThat(report.offline()).isFalse();
    assertThat(report.broken()).singleElement().satisfies(o -> {
      assertThat(o.sourceId()).isEqualTo("s3");
      assertThat(o.status()).isEqualTo(404);
    });
    assertThat(report.lines()).containsExactly(
        "f.yaml: source 's3': " + base + "gone -> HTTP 404",
        "links: 4 checked, 1 broken");
  }

  @Test
  void check_withNothingReachable_saysThereIsNoNetwork() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    FactFile f = file(List.of("http://127.0.0.1:" + closedPort + "/a"));

    LinkChecker.Report report = LinkChecker.create(client).check(List.of(f));

    assertThat(report.offline()).isTrue();
    assertThat(report.broken()).isEmpty();
    assertThat(report.lines()).singleElement().asString()
        .startsWith("links: not checked: no network");
  }

  @Test
  void check_linksThatCannotBeReached_areDescribedInPlainWords() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String base = server.url("/").toString();
    FactFile f = file(List.of(base + "ok", "http://127.0.0.1:" + closedPort + "/a?key=s3cret"));

    LinkChecker.Report report = LinkChecker.create(client).check(List.of(f));

    assertThat(report.lines()).first().asString()
        .startsWith("f.yaml: source 's1': http://127.0.0.1:" + closedPort + "/a")
        .endsWith("-> could not connect")
        .doesNotContain("Exception");
  }
}

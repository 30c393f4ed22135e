package org.backgrounder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backgrounder.Eventually;
import org.backgrounder.TestPaths;
import org.backgrounder.config.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code run} services sharing one PostgreSQL (each with its own data folder, as replicas
 * are): one leads, the other says it follows, and takes over when the leader stops. Skipped,
 * saying why, without the PostgreSQL that {@code .ci/run} starts.
 */
class ReplicasTest {

  private static final String URL = System.getenv("BACKGROUNDER_TEST_PG_URL");
  private static final String USER = System.getenv("BACKGROUNDER_TEST_PG_USER");
  private static final String PASSWORD = System.getenv("BACKGROUNDER_TEST_PG_PASSWORD");

  @TempDir
  Path tmp;

  private final String schema = "r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final List<Wiring> wirings = new ArrayList<>();
  private final List<Service> services = new ArrayList<>();

  @BeforeEach
  void database() throws SQLException {
    assumeTrue(URL != null && !URL.isBlank(), "no PostgreSQL for the replica tests: set"
        + " BACKGROUNDER_TEST_PG_URL, _USER and _PASSWORD; .ci/run starts one");
    try (Connection c = DriverManager.getConnection(jdbc(), USER, PASSWORD)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
  }

  @AfterEach
  void stop() throws Exception {
    for (Service s : services) {
      s.close();
    }
    for (Wiring w : wirings) {
      w.close();
    }
    if (URL != null && !URL.isBlank()) {
      try (Connection c = DriverManager.getConnection(jdbc(), USER, PASSWORD)) {
        c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  private String jdbc() {
    return "jdbc:" + URL;
  }

  private Service replica(String name) throws Exception {
    Path config = Files.createDirectories(tmp.resolve(name).resolve("config"));
    Files.createDirectories(config.resolve("facts"));
    Files.copy(TestPaths.shippedConfig().resolve("facts/cartels-fto.yaml"),
        config.resolve("facts/cartels-fto.yaml"));
    Files.writeString(config.resolve("backgrounder.yaml"), String.join("\n",
        "http: { listen: \"127.0.0.1:0\" }",
        "store:",
        "  url: " + URL + "?currentSchema=" + schema,
        "  user: ${BACKGROUNDER_TEST_PG_USER}",
        "  password: ${BACKGROUNDER_TEST_PG_PASSWORD}",
        ""));
    BackgrounderCommand top = new BackgrounderCommand();
    top.config = config;
    top.data = tmp.resolve(name).resolve("data");
    Wiring w = Wiring.open(top);
    wirings.add(w);
    Service s = new Service(w, new Platforms(Map.of(Settings.Platform.SLACK,
        new FakePlatform("slack"))), new Service.Timing(Duration.ofMillis(100),
            Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)));
    services.add(s);
    s.start();
    return s;
  }

  private static String get(Service s, String path) {
    var address = s.opsAddress().orElseThrow();
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
          "http://127.0.0.1:" + address.getPort() + path)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void twoReplicas_oneLeads_andTheOtherTakesOverWhenItStops() throws Exception {
    Service first = replica("a");
    Service second = replica("b");

    assertThat(get(first, "/metrics")).contains("backgrounder_leader 1\n");
    assertThat(get(second, "/metrics")).contains("backgrounder_leader 0\n");
    assertThat(get(second, "/readyz")).startsWith("ready\n").contains("backgrounder_leader 0");
    assertThat(Files.exists(tmp.resolve("a/data/backgrounder.db"))).isFalse();

    // What run does on SIGTERM: the service stops, then the stores close and the lock goes.
    services.remove(first);
    first.close();
    wirings.remove(0).close();
    Eventually.await(Duration.ofSeconds(20),
        () -> get(second, "/metrics").contains("backgrounder_leader 1\n"));
  }
}

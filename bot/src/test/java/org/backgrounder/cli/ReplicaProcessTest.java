package org.backgrounder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.backgrounder.Eventually;
import org.backgrounder.SharedPostgres;
import org.backgrounder.TestPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replicas as real processes over one PostgreSQL: two {@code run}s, a feed server and a Slack
 * Web API on 127.0.0.1 that record who called them. Only the leader polls; after a kill -9 of
 * the leader the other takes over, and a digest slot that falls in the fail-over is posted
 * once; two {@code ingest}s at once store each item once. Skipped, saying why, without the
 * PostgreSQL that {@code .ci/run} starts.
 */
class ReplicaProcessTest {

  private static final String CHANNEL = "C0DIGEST";

  @TempDir
  Path tmp;

  private SharedPostgres pg;
  private ReplicaProcesses processes;
  private final MockWebServer feedServer = new MockWebServer();
  private final MockWebServer slackApi = new MockWebServer();
  /** Feed requests by the User-Agent they came with (each replica names itself). */
  private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
  /** The channels chat.postMessage was called for, in order. */
  private final List<String> posts = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    pg = SharedPostgres.create();
    processes = new ReplicaProcesses(tmp, Map.of(
        "SLACK_BOT_TOKEN", "xoxb-test-not-real",
        "SLACK_SIGNING_SECRET", "signing-secret-test-not-real"));
    feedServer.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        polls.computeIfAbsent(String.valueOf(r.getHeader("User-Agent")),
            k -> new AtomicInteger()).incrementAndGet();
        // Slow, so that a second poller starting at the same time would find the feed due too.
        return new MockResponse().setHeader("Content-Type", "application/rss+xml")
            .setHeadersDelay(3, TimeUnit.SECONDS).setBody(rss());
      }
    });
    feedServer.start(InetAddress.getByName("127.0.0.1"), 0);
    slackApi.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String path = String.valueOf(r.getPath());
        String body = r.getBody().readUtf8();
        if (path.startsWith("/api/auth.test")) {
          return json("{\"ok\":true,\"team_id\":\"T111\",\"user_id\":\"U0BOT\",\"bot_id\":"
              + "\"B0BOT\",\"user\":\"backgrounder\",\"team\":\"Newsroom\"}");
        }
        if (path.startsWith("/api/chat.postMessage")) {
          Matcher m = Pattern.compile("\"?channel\"?[=:]\"?([A-Z0-9]+)").matcher(body);
          posts.add(m.find() ? m.group(1) : "?");
          return json("{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"1700000000."
              + String.format("%06d", posts.size()) + "\"}");
        }
        return json("{\"ok\":true}");
      }
    });
    slackApi.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws Exception {
    if (processes != null) {
      processes.close();
    }
    feedServer.shutdown();
    slackApi.shutdown();
    if (pg != null) {
      pg.close();
    }
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  private static String rss() {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
        + "<title>Test Wire</title><link>https://wire.example/</link>");
    for (int i = 1; i <= 3; i++) {
      b.append("<item><title>Cartel designation story ").append(i).append("</title><link>")
          .append("https://wire.example/cartels-").append(i).append("</link><guid>wire-")
          .append(i).append("</guid><pubDate>Mon, 24 Nov 2025 1").append(i)
          .append(":00:00 GMT</pubDate><description>The cartels designated as terrorist"
              + " organizations.</description></item>");
    }
    return b.append("</channel></rss>").toString();
  }

  private static String userAgent(String name) {
    return "BackgrounderTest/1 (replica " + name + ")";
  }

  /** A replica's config: the shared store, the local feed, Slack and one digest at {@code at}. */
  private void configure(String name, Instant digestAt) throws IOException {
    Path config = processes.config(name);
    Files.createDirectories(config.resolve("facts"));
    Files.copy(TestPaths.shippedConfig().resolve("facts/cartels-fto.yaml"),
        config.resolve("facts/cartels-fto.yaml"));
    Files.writeString(config.resolve("feeds.yaml"), String.join("\n",
        "feeds:",
        "  - id: wire",
        "    url: " + feedServer.url("/wire.xml"),
        "    outlet: Test Wire",
        "    language: en",
        "    stories: [cartels-fto]",
        ""));
    Files.writeString(config.resolve("backgrounder.yaml"), String.join("\n",
        "slack:",
        "  mode: http",
        "  bot_token: ${SLACK_BOT_TOKEN}",
        "  signing_secret: ${SLACK_SIGNING_SECRET}",
        "  api_url: " + slackApi.url("/api/"),
        "  listen: \"127.0.0.1:0\"",
        "feeds:",
        "  user_agent: \"" + userAgent(name) + "\"",
        "  allow_private_addresses: true",
        "digests:",
        "  - platform: slack",
        "    channel: " + CHANNEL,
        "    at: \"" + digestAt.atZone(ZoneOffset.UTC).toLocalTime() + "\"",
        "    zone: UTC",
        "    skip_if_empty: false",
        "    grace: 10m",
        "http: { listen: \"127.0.0.1:0\" }",
        "logging: { format: json, level: info }",
        "store:",
        "  url: " + pg.url(),
        "  user: ${BACKGROUNDER_TEST_PG_USER}",
        "  password: ${BACKGROUNDER_TEST_PG_PASSWORD}",
        ""));
  }

  private int polledBy(String name) {
    AtomicInteger n = polls.get(userAgent(name));
    return n == null ? 0 : n.get();
  }

  private List<String> digestPosts() {
    return posts.stream().filter(CHANNEL::equals).toList();
  }

  @Test
  void twoRuns_onlyTheLeaderPolls_aKill9MovesLeadership_andTheSlotDueMeanwhileIsPostedOnce()
      throws Exception {
    // The digest's slot comes after both have started, and the leader is killed just before it.
    Instant begun = Instant.now();
    Instant slot = begun.plusSeconds(45).truncatedTo(ChronoUnit.SECONDS);
    configure("a", slot);
    configure("b", slot);
    ReplicaProcesses.Replica a = processes.start("a", "run");
    ReplicaProcesses.Replica b = processes.start("b", "run");

    Eventually.await(Duration.ofSeconds(60), () -> (a.leads() && b.follows())
        || (b.leads() && a.follows()));
    System.err.printf("two run replicas ready, one leading, after %.1f s%n",
        Duration.between(begun, Instant.now()).toMillis() / 1e3);
    ReplicaProcesses.Replica leader = a.leads() ? a : b;
    ReplicaProcesses.Replica follower = leader == a ? b : a;
    Eventually.await(Duration.ofSeconds(30), () -> polledBy(leader.name()) >= 1);
    Eventually.await(Duration.ofSeconds(30), () -> leader.ops("/metrics")
        .map(m -> m.contains("backgrounder_items_ingested_total 3")).orElse(false));
    assertThat(polledBy(follower.name())).as("the follower never polled").isZero();
    assertThat(polls.keySet()).as("every poll came from the leader")
        .containsExactly(userAgent(leader.name()));
    assertThat(Instant.now()).as("both started before the digest's slot").isBefore(
        slot.minusSeconds(3));
    assertThat(digestPosts()).as("nothing posted before the slot").isEmpty();

    // kill -9 just before the slot: nobody posts it until the other replica leads.
    while (Instant.now().isBefore(slot.minusSeconds(2))) {
      Thread.sleep(50);
    }
    long killed = System.nanoTime();
    leader.process().destroyForcibly();
    assertThat(leader.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
    Eventually.await(Duration.ofSeconds(30), follower::leads);
    double failover = (System.nanoTime() - killed) / 1e9;
    System.err.printf("fail-over after kill -9: %.1f s%n", failover);

    // The scheduler looks every 30 s: a replica that took over just before the slot posts it at
    // its next look, up to 30 s after the slot; one that took over after it, at once.
    Eventually.await(Duration.ofSeconds(60), () -> digestPosts().size() == 1);
    Thread.sleep(3000); // a second post of the slot would come at once, from the same tick
    assertThat(digestPosts()).as("the slot is posted once").hasSize(1);
    assertThat(follower.logged("now leads")).isTrue();
    try (Connection c = pg.connect(); PreparedStatement s = c.prepareStatement(
        "SELECT outcome FROM digest_slots WHERE slot = ?")) {
      s.setLong(1, slot.toEpochMilli());
      try (ResultSet r = s.executeQuery()) {
        assertThat(r.next()).as("the slot is in the shared ledger").isTrue();
        assertThat(r.getString(1)).isEqualTo("POSTED");
        assertThat(r.next()).isFalse();
      }
    }
  }

  @Test
  void twoIngestsAtOnce_storeEachItemOnce() throws Exception {
    Path story = TestPaths.resource("stories/port-strike");
    for (String name : List.of("a", "b")) {
      Path config = processes.config(name);
      Files.createDirectories(config.resolve("facts"));
      try (var files = Files.list(story.resolve("facts"))) {
        for (Path p : files.toList()) {
          Files.copy(p, config.resolve("facts").resolve(p.getFileName()));
        }
      }
      Files.createDirectories(config.resolve("snapshots"));
      try (var files = Files.list(story.resolve("snapshots"))) {
        for (Path p : files.toList()) {
          Files.copy(p, config.resolve("snapshots").resolve(p.getFileName()));
        }
      }
      Files.copy(story.resolve("feeds.yaml"), config.resolve("feeds.yaml"));
      Files.writeString(config.resolve("backgrounder.yaml"), String.join("\n",
          "feeds: { allow_file_urls: true }",
          "logging: { format: json, level: warn }",
          "store:",
          "  url: " + pg.url(),
          "  user: ${BACKGROUNDER_TEST_PG_USER}",
          "  password: ${BACKGROUNDER_TEST_PG_PASSWORD}",
          ""));
    }
    List<ReplicaProcesses.Replica> runs = new ArrayList<>();
    runs.add(processes.start("a", "ingest"));
    runs.add(processes.start("b", "ingest"));
    int added = 0;
    Pattern total = Pattern.compile("(\\d+) feeds: (\\d+) new items, (\\d+) failed");
    for (ReplicaProcesses.Replica r : runs) {
      assertThat(r.process().waitFor(90, TimeUnit.SECONDS)).as(r.name() + " finished").isTrue();
      assertThat(r.process().exitValue()).as(r.name() + ": " + r.output()).isZero();
      Matcher m = total.matcher(r.output());
      assertThat(m.find()).as(r.output()).isTrue();
      assertThat(m.group(1)).isEqualTo("3");
      assertThat(m.group(3)).isEqualTo("0");
      added += Integer.parseInt(m.group(2));
    }
    int stored;
    try (Connection c = pg.connect(); ResultSet r = c.createStatement().executeQuery(
        "SELECT count(*) FROM items")) {
      r.next();
      stored = r.getInt(1);
    }
    assertThat(stored).as("items in the shared store").isPositive();
    assertThat(added).as("items the two runs each reported new").isEqualTo(stored);
  }

}

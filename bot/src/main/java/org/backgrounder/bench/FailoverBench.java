package org.backgrounder.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.backgrounder.config.StoreSettings;

/**
 * How long a group of replicas goes without a leader when the leader is killed: {@code run}
 * processes (this JVM's class path) over a schema of their own in the configured PostgreSQL,
 * so a running group there is not disturbed (its leader lock, its rows); each round kills the
 * leader with SIGKILL and times until another replica's {@code /metrics} says it leads. With
 * SQLite there is one process and nothing to fail over to: the figure is null, with the reason.
 */
public final class FailoverBench {

  /** Rounds of kill -9; the figure is their median. */
  static final int ROUNDS = 3;

  private static final Duration START_WAIT = Duration.ofSeconds(120);
  private static final Duration TAKEOVER_WAIT = Duration.ofSeconds(60);
  private static final Pattern OPS = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  private final StoreSettings store;
  private final Path facts;
  private final Path folder;
  private final PrintWriter log;
  private final String schema;
  private final List<Process> processes = new ArrayList<>();
  private int started;

  private FailoverBench(StoreSettings store, Path facts, Path folder, PrintWriter log) {
    this.store = store;
    this.facts = facts;
    this.folder = folder;
    this.log = log;
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    this.schema = "bench_failover_" + HexFormat.of().formatHex(random);
  }

  /**
   * The figures {@code store} ({@code sqlite} or {@code postgresql}), {@code failover_s} (the
   * median of the rounds, or null) and, when null, {@code failover_note} saying why.
   *
   * @param facts the fact files the replicas load (the config's {@code facts} folder)
   * @param folder a scratch folder for the replicas' config, data and logs
   */
  public static Map<String, Object> run(StoreSettings store, Path facts, Path folder,
      PrintWriter log) {
    return run(store, facts, folder, log, ROUNDS);
  }

  /** As {@link #run(StoreSettings, Path, Path, PrintWriter)}, with {@code rounds} kills. */
  static Map<String, Object> run(StoreSettings store, Path facts, Path folder, PrintWriter log,
      int rounds) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("store", store.postgresql() ? "postgresql" : "sqlite");
    if (!store.postgresql()) {
      out.put("failover_s", null);
      out.put("failover_note", "store.url is sqlite: one process leads alone; set a"
          + " postgresql:// store.url to measure fail-over");
      return out;
    }
    log.printf("fail-over: %d rounds of kill -9 of the leader among run replicas...%n", rounds);
    log.flush();
    FailoverBench bench = new FailoverBench(store, facts, folder.resolve("failover"), log);
    try {
      List<Double> times = bench.measure(rounds);
      List<Double> sorted = times.stream().sorted().toList();
      out.put("failover_s", Bench.round(sorted.get(sorted.size() / 2)));
      out.put("failover_max_s", Bench.round(sorted.get(sorted.size() - 1)));
      log.printf("fail-over rounds (s): %s%n", times.stream().map(Bench::round).toList());
    } catch (IOException | SQLException | RuntimeException e) {
      out.put("failover_s", null);
      out.put("failover_note", "could not measure: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.put("failover_s", null);
      out.put("failover_note", "interrupted");
    } finally {
      bench.cleanUp();
    }
    log.flush();
    return out;
  }

  private List<Double> measure(int count) throws IOException, SQLException, InterruptedException {
    try (Connection c = connect()) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
    Replica leader = start();
    Replica follower = start();
    await(START_WAIT, () -> leader.leads() && follower.follows() || follower.leads()
        && leader.follows(), "two replicas to start, one leading");
    Replica[] pair = leader.leads() ? new Replica[] {leader, follower}
        : new Replica[] {follower, leader};
    List<Double> rounds = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Replica killed = pair[0];
      Replica survivor = pair[1];
      long t0 = System.nanoTime();
      killed.process.destroyForcibly();
      await(TAKEOVER_WAIT, survivor::leads, "the other replica to lead after kill -9");
      rounds.add((System.nanoTime() - t0) / 1e9);
      killed.process.waitFor(10, TimeUnit.SECONDS);
      if (i + 1 < count) {
        Replica next = start();
        await(START_WAIT, next::follows, "a new replica to start and follow");
        pair = new Replica[] {survivor, next};
      }
    }
    return rounds;
  }

  /** One {@code run} replica: its process and the log it writes (JSON lines). */
  private record Replica(Process process, Path log) {

    Optional<Integer> opsPort() {
      try (Stream<String> lines = Files.lines(log)) {
        return lines.filter(l -> l.startsWith("{")).map(l -> {
          try {
            return JSON.readTree(l).path("message").asText();
          } catch (IOException e) {
            return "";
          }
        }).filter(m -> m.startsWith("health and metrics on")).map(OPS::matcher)
            .filter(Matcher::find).map(m -> Integer.parseInt(m.group(1))).findFirst();
      } catch (IOException | UncheckedIOException e) {
        return Optional.empty();
      }
    }

    Optional<String> metrics() {
      Optional<Integer> port = opsPort();
      if (port.isEmpty() || !process.isAlive()) {
        return Optional.empty();
      }
      try {
        return Optional.of(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + port.get() + "/metrics")).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString()).body());
      } catch (IOException e) {
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }

    boolean leads() {
      return metrics().map(m -> m.contains("backgrounder_leader 1\n")).orElse(false);
    }

    boolean follows() {
      return metrics().map(m -> m.contains("backgrounder_leader 0\n")).orElse(false);
    }
  }

  /**
   * A replica with nothing to talk to: no chat, no feeds, no digests; only the store (user and
   * password passed in the environment, never written to its config) and the metrics endpoint.
   */
  private Replica start() throws IOException {
    Path dir = folder.resolve("r" + started++);
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.createDirectories(config.resolve("facts"));
    if (Files.isDirectory(facts)) {
      try (Stream<Path> files = Files.list(facts)) {
        for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
          Files.copy(p, config.resolve("facts").resolve(p.getFileName()));
        }
      }
    }
    String url = store.url() + (store.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    Files.writeString(config.resolve("backgrounder.yaml"), String.join("\n",
        "http: { listen: \"127.0.0.1:0\" }",
        "logging: { format: json, level: info }",
        "store:",
        "  url: \"" + url + "\"",
        "  user: ${BACKGROUNDER_BENCH_DB_USER}",
        "  password: ${BACKGROUNDER_BENCH_DB_PASSWORD}",
        ""));
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), "org.backgrounder.Main", "run",
        "--config", config.toString(), "--data", dir.resolve("data").toString())
        .redirectOutput(dir.resolve("stdout.log").toFile())
        .redirectError(dir.resolve("stderr.log").toFile());
    pb.environment().put("BACKGROUNDER_BENCH_DB_USER", store.user());
    pb.environment().put("BACKGROUNDER_BENCH_DB_PASSWORD", store.password().reveal());
    Process p = pb.start();
    processes.add(p);
    return new Replica(p, dir.resolve("stderr.log"));
  }

  private static void await(Duration atMost, java.util.function.BooleanSupplier condition,
      String what) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("waited " + atMost.toSeconds() + " s for " + what);
      }
      Thread.sleep(50);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(store.jdbcUrl().orElseThrow(), store.user(),
        store.password().reveal());
  }

  /** Stops every replica started and drops the trial's schema. */
  private void cleanUp() {
    for (Process p : processes) {
      p.destroyForcibly();
    }
    for (Process p : processes) {
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (Connection c = connect()) {
      c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      log.printf("fail-over: could not drop the schema %s: %s%n", schema, e.getMessage());
    }
  }
}

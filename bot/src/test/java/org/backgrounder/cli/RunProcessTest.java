package org.backgrounder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backgrounder.Eventually;
import org.backgrounder.TestPaths;
import org.backgrounder.store.Database;
import org.backgrounder.store.SqlFeedStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} as a real process: it starts, works, and stops cleanly on SIGTERM. */
class RunProcessTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern OPS = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

  @TempDir
  Path tmp;

  private Process process;

  @AfterEach
  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private Path config() throws IOException {
    Path story = TestPaths.resource("stories/port-strike");
    Path config = Files.createDirectories(tmp.resolve("config"));
    Files.createDirectories(config.resolve("facts"));
    Files.createDirectories(config.resolve("snapshots"));
    try (var files = Files.list(story.resolve("facts"))) {
      for (Path p : files.toList()) {
        Files.copy(p, config.resolve("facts").resolve(p.getFileName()));
      }
    }
    try (var files = Files.list(story.resolve("snapshots"))) {
      for (Path p : files.toList()) {
        Files.copy(p, config.resolve("snapshots").resolve(p.getFileName()));
      }
    }
    Files.copy(story.resolve("feeds.yaml"), config.resolve("feeds.yaml"));
    Files.writeString(config.resolve("backgrounder.yaml"), String.join("\n",
        "feeds: { allow_file_urls: true }",
        "http: { listen: \"127.0.0.1:0\" }",
        "logging: { format: json, level: info }",
        ""));
    return config;
  }

  /** The JSON log lines written so far (each line must be one JSON object). */
  private static List<JsonNode> log(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("{")) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  private static boolean logged(Path file, String text) {
    try {
      return log(file).stream().anyMatch(n -> n.path("message").asText().contains(text));
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void run_sigterm_stopsInOrderAndExitsZeroKeepingWhatItIngested() throws Exception {
    Path config = config();
    Path data = tmp.resolve("data");
    Path err = tmp.resolve("stderr.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.backgrounder.Main", "run", "--config", config.toString(), "--data", data.toString())
        .redirectError(err.toFile())
        .redirectOutput(tmp.resolve("stdout.log").toFile())
        .start();

    Eventually.await(Duration.ofSeconds(60), () -> logged(err, "Backgrounder is running"));
    String opsLine = log(err).stream().map(n -> n.path("message").asText())
        .filter(m -> m.startsWith("health and metrics on")).findFirst().orElseThrow();
    Matcher m = OPS.matcher(opsLine);
    assertThat(m.find()).isTrue();
    URI metrics = URI.create("http://127.0.0.1:" + m.group(1) + "/metrics");
    HttpClient http = HttpClient.newHttpClient();
    Eventually.await(Duration.ofSeconds(30), () -> {
      try {
        return !http.send(HttpRequest.newBuilder(metrics).build(),
            HttpResponse.BodyHandlers.ofString()).body()
            .contains("backgrounder_items_ingested_total 0");
      } catch (IOException | InterruptedException e) {
        return false;
      }
    });

    process.destroy(); // SIGTERM
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();

    assertThat(process.exitValue()).isZero();
    assertThat(logged(err, "asked to stop")).isTrue();
    assertThat(logged(err, "stopped")).isTrue();
    assertThat(log(err)).allSatisfy(n -> {
      assertThat(n.has("time")).isTrue();
      assertThat(n.has("level")).isTrue();
    });
    try (Database db = Database.open(data)) {
      assertThat(new SqlFeedStore(db).lastSeq()).isPositive();
    }
  }
}

package org.backgrounder.cli;

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
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backgrounder commands as real OS processes, from the test's own class path (so it works
 * before the jar exists), each with a config and data folder of its own and its JSON log in a
 * file: what replicas on separate hosts are, short of the hosts.
 */
final class ReplicaProcesses implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern OPS = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

  /** One process: its name, the process, where its log and output go. */
  record Replica(String name, Process process, Path log, Path out) {

    /** The messages of the JSON log lines written so far. */
    List<String> messages() {
      List<String> out = new ArrayList<>();
      try {
        for (String line : Files.readAllLines(log)) {
          if (line.startsWith("{")) {
            out.add(JSON.readTree(line).path("message").asText());
          }
        }
      } catch (IOException e) {
        // a line being written: read again next time
      }
      return out;
    }

    boolean logged(String text) {
      return messages().stream().anyMatch(m -> m.contains(text));
    }

    /** The port of the operations endpoint, once it has said where it listens. */
    Optional<Integer> opsPort() {
      return messages().stream().filter(m -> m.startsWith("health and metrics on"))
          .map(OPS::matcher).filter(Matcher::find).map(m -> Integer.parseInt(m.group(1)))
          .findFirst();
    }

    /** GET {@code path} on the operations endpoint; empty when it does not answer. */
    Optional<String> ops(String path) {
      Optional<Integer> port = opsPort();
      if (port.isEmpty() || !process.isAlive()) {
        return Optional.empty();
      }
      try {
        return Optional.of(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + port.get() + path)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString()).body());
      } catch (IOException e) {
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }

    /** Whether {@code /metrics} says this replica leads. */
    boolean leads() {
      return ops("/metrics").map(m -> m.contains("backgrounder_leader 1\n")).orElse(false);
    }

    boolean follows() {
      return ops("/metrics").map(m -> m.contains("backgrounder_leader 0\n")).orElse(false);
    }

    String output() {
      try {
        return Files.readString(out);
      } catch (IOException e) {
        return "";
      }
    }
  }

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(3)).build();

  private final Path root;
  private final Map<String, String> env;
  private final List<Replica> started = new ArrayList<>();

  /** @param env added to each process's environment (test tokens; never real secrets) */
  ReplicaProcesses(Path root, Map<String, String> env) {
    this.root = root;
    this.env = Map.copyOf(env);
  }

  /** The config folder of replica {@code name}, created empty. */
  Path config(String name) throws IOException {
    return Files.createDirectories(root.resolve(name).resolve("config"));
  }

  /** Starts {@code backgrounder COMMAND --config <name's> --data <name's> ARGS...}. */
  Replica start(String name, String command, String... args) throws IOException {
    Path dir = root.resolve(name);
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> line = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), "org.backgrounder.Main", command,
        "--config", dir.resolve("config").toString(), "--data", dir.resolve("data").toString()));
    line.addAll(List.of(args));
    Path log = dir.resolve("stderr.log");
    Path out = dir.resolve("stdout.log");
    ProcessBuilder pb = new ProcessBuilder(line).redirectError(log.toFile())
        .redirectOutput(out.toFile());
    pb.environment().putAll(env);
    Replica r = new Replica(name, pb.start(), log, out);
    started.add(r);
    return r;
  }

  /** kill -9 every process still running. */
  @Override
  public void close() {
    for (Replica r : started) {
      if (r.process().isAlive()) {
        r.process().destroyForcibly();
      }
    }
  }
}

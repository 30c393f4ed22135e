package org.backgrounder.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP mode under hostile clients on 127.0.0.1: connections that never finish their body, bodies
 * announced too large, bodies trickled in, and signed requests captured and sent again. Each
 * request is written here, inline, in the shape Slack documents for a slash command.
 */
class HttpEndpointTest {

  private SlackFixture slack;
  private final List<Socket> idle = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(3)).build();

  @BeforeEach
  void start() throws Exception {
    slack = SlackFixture.httpMode();
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket s : idle) {
      s.close();
    }
    slack.close();
  }

  private int port() {
    return slack.platform.httpAddress().getPort();
  }

  private String slashCommand(String text, String triggerId) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("token", "test-not-real");
    f.put("team_id", "T111");
    f.put("team_domain", "newsroom");
    f.put("channel_id", "C111");
    f.put("channel_name", "desk");
    f.put("user_id", "U111");
    f.put("user_name", "reporter");
    f.put("command", "/bg");
    f.put("text", text);
    f.put("api_app_id", "A111");
    f.put("response_url", slack.api.responseUrl("cmd"));
    f.put("trigger_id", triggerId);
    StringJoiner j = new StringJoiner("&");
    f.forEach((k, v) -> j.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }

  private HttpResponse<String> post(String body, String timestamp) throws Exception {
    String signature = new RequestSignature(SlackFixture.SIGNING_SECRET, slack.clock)
        .sign(timestamp, body.getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port()
            + HttpEndpoint.PATH)).timeout(Duration.ofSeconds(3))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", timestamp)
        .header("X-Slack-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String now() {
    return String.valueOf(slack.clock.instant().getEpochSecond());
  }

  /** A connection that sends a request's headers and a little of its body, then nothing. */
  private Socket stalled(int contentLength) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port()), 2000);
    s.setSoTimeout(5000);
    OutputStream out = s.getOutputStream();
    out.write(("POST " + HttpEndpoint.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\n"
        + "Content-Length: " + contentLength + "\r\n\r\ntoken=").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    idle.add(s);
    return s;
  }

  private static String statusLine(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    StringBuilder b = new StringBuilder();
    try {
      for (int c = in.read(); c >= 0 && c != '\r' && b.length() < 200; c = in.read()) {
        b.append((char) c);
      }
    } catch (SocketTimeoutException e) {
      return "(no answer in time)";
    }
    return b.toString();
  }

  @Test
  void signedCommand_withManyConnectionsStalledMidBody_isStillAnsweredPromptly() throws Exception {
    for (int i = 0; i < 16; i++) {
      stalled(1000);
    }

    long began = System.nanoTime();
    HttpResponse<String> r = post(slashCommand("sources palantir", "t1"), now());
    Duration took = Duration.ofNanos(System.nanoTime() - began);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(took).isLessThan(Duration.ofSeconds(2));
    assertThat(slack.api.await("chat.postEphemeral", 1).param("user")).isEqualTo("U111");
  }

  @Test
  void bodyAnnouncedTooLarge_isRefusedBeforeItArrives() throws Exception {
    Socket s = stalled(2 << 20);

    assertThat(statusLine(s)).startsWith("HTTP/1.1 413");
  }

  @Test
  void bodyThatNeverFinishes_isDroppedAtTheDeadline() throws Exception {
    Socket s = stalled(1000);

    long began = System.nanoTime();
    String status = statusLine(s);
    Duration took = Duration.ofNanos(System.nanoTime() - began);

    assertThat(status).startsWith("HTTP/1.1 408");
    assertThat(took).isLessThan(Duration.ofSeconds(5));
    assertThat(slack.asked).isEmpty();
  }

  @Test
  void signedCommand_capturedAndSentAgainWithinTheWindow_isHandledOnce() throws Exception {
    String body = slashCommand("sources palantir", "t2");
    String ts = now();

    HttpResponse<String> first = post(body, ts);
    slack.api.await("chat.postEphemeral", 1);
    slack.clock.advance(Duration.ofMinutes(2));
    HttpResponse<String> replayed = post(body, ts);
    slack.finish();

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(replayed.statusCode()).isEqualTo(200);
    assertThat(replayed.body()).isEmpty();
    assertThat(slack.asked).hasSize(1);
    assertThat(slack.api.calls("chat.postEphemeral")).hasSize(1);
  }

  @Test
  void mentionThatCannotBeAnswered_isCountedAsAChatError() throws Exception {
    slack.api.script("chat.postMessage", FakeWebApi.error("channel_not_found"));
    String event = "{\"token\":\"test-not-real\",\"team_id\":\"T111\",\"api_app_id\":\"A111\","
        + "\"type\":\"event_callback\",\"event_id\":\"EvErr1\",\"event_time\":1700000100,"
        + "\"authorizations\":[{\"team_id\":\"T111\",\"user_id\":\"" + FakeWebApi.BOT_USER
        + "\",\"is_bot\":true}],\"event\":{\"type\":\"app_mention\",\"user\":\"U111\","
        + "\"text\":\"<@" + FakeWebApi.BOT_USER + "> palantir\",\"ts\":\"1700000100.000100\","
        + "\"channel\":\"C111\",\"event_ts\":\"1700000100.000100\"}}";
    String signature = new RequestSignature(SlackFixture.SIGNING_SECRET, slack.clock)
        .sign(now(), event.getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + port() + HttpEndpoint.PATH)).timeout(Duration.ofSeconds(3))
        .header("Content-Type", "application/json")
        .header("X-Slack-Request-Timestamp", now()).header("X-Slack-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
    slack.api.await("chat.postMessage", 1);
    slack.finish();

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(slack.asked).hasSize(1);
    assertThat(slack.answersFailed).hasValue(1);
  }
}

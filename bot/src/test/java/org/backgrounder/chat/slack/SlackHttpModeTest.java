package org.backgrounder.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.StringJoiner;
import org.backgrounder.chat.Incoming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP mode end to end: Slack's signed POSTs (slash command, event, button press, URL check) to
 * {@code /slack/events} on 127.0.0.1, verified by our signature check and handled by the real
 * Bolt app; unsigned, tampered and stale requests never reach it.
 */
class SlackHttpModeTest {

  private SlackFixture slack;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(3)).build();

  @BeforeEach
  void start() throws Exception {
    slack = SlackFixture.httpMode();
  }

  @AfterEach
  void stop() throws Exception {
    if (slack != null) {
      slack.close();
    }
  }

  private URI endpoint() {
    return URI.create("http://127.0.0.1:" + slack.platform.httpAddress().getPort()
        + "/slack/events");
  }

  private String sign(String timestamp, String body) {
    return new RequestSignature(SlackFixture.SIGNING_SECRET, slack.clock)
        .sign(timestamp, body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String contentType, String body, String timestamp,
      String signature) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(endpoint()).timeout(Duration.ofSeconds(3))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (timestamp != null) {
      r.header("X-Slack-Request-Timestamp", timestamp);
    }
    if (signature != null) {
      r.header("X-Slack-Signature", signature);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts {@code body} signed as Slack signs it, now. */
  private HttpResponse<String> signed(String contentType, String body) throws Exception {
    String ts = String.valueOf(slack.clock.instant().getEpochSecond());
    return post(contentType, body, ts, sign(ts, body));
  }

  private static String form(ObjectNode fields) {
    StringJoiner j = new StringJoiner("&");
    Iterator<Map.Entry<String, JsonNode>> it = fields.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      j.add(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(f.getValue().asText(), StandardCharsets.UTF_8));
    }
    return j.toString();
  }

  private String slashCommand(String text) {
    return form(SlackCorpus.command("U111", "C111", text, slack.api.responseUrl("cmd"),
        "333.444.bbb"));
  }

  @Test
  void signedSlashCommand_isAckedAtOnce_andAnsweredPrivately() throws Exception {
    HttpResponse<String> r = signed("application/x-www-form-urlencoded",
        slashCommand("sources palantir"));
    FakeWebApi.Call shown = slack.api.await("chat.postEphemeral", 1);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(shown.param("user")).isEqualTo("U111");
    assertThat(shown.blocks().toString()).contains("bg_share");
    assertThat(slack.asked).extracting(Incoming::text).containsExactly("/sources palantir");
  }

  @Test
  void signedMention_isAnsweredInItsThread_andARetryIsNotAnsweredAgain() throws Exception {
    String body = SlackCorpus.eventCallback("EvHttp1",
        SlackCorpus.mention("U111", "C111", "1700000100.000100", "<@U222> palantir"));

    HttpResponse<String> first = signed("application/json", body);
    FakeWebApi.Call post = slack.api.await("chat.postMessage", 1);
    HttpResponse<String> retry = signed("application/json", body);
    slack.finish();

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(post.param("thread_ts")).isEqualTo("1700000100.000100");
    assertThat(post.shown()).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
    assertThat(slack.api.calls("chat.postMessage")).hasSize(1);
  }

  @Test
  void buttonPress_arrivesOnTheSameEndpoint() throws Exception {
    signed("application/x-www-form-urlencoded", slashCommand("timeline"));
    FakeWebApi.Call privately = slack.api.await("chat.postEphemeral", 1);
    String shareId = null;
    for (JsonNode b : privately.blocks()) {
      for (JsonNode e : b.path("elements")) {
        if (e.path("action_id").asText().equals("bg_share")) {
          shareId = e.get("value").asText();
        }
      }
    }
    String payload = SlackCorpus.JSON.readTree(SlackCorpus.buttonPress("unused", "U111", "C111",
        "bg_share", shareId, slack.api.responseUrl("action"))).get("payload").toString();

    HttpResponse<String> r = signed("application/x-www-form-urlencoded",
        "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(slack.api.await("chat.postMessage", 1).param("channel")).isEqualTo("C111");
  }

  @Test
  void urlVerification_isAnsweredWithTheChallenge() throws Exception {
    HttpResponse<String> r = signed("application/json",
        "{\"token\":\"test-not-real\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
            + "\"type\":\"url_verification\"}");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  }

  @Test
  void unsignedTamperedOrStaleRequests_areRefusedBeforeBolt() throws Exception {
    String body = slashCommand("sources palantir");
    String ts = String.valueOf(slack.clock.instant().getEpochSecond());
    String signature = sign(ts, body);

    HttpResponse<String> unsigned = post("application/x-www-form-urlencoded", body, null, null);
    HttpResponse<String> tampered = post("application/x-www-form-urlencoded",
        body.replace("palantir", "cartels"), ts, signature);
    slack.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    HttpResponse<String> stale = post("application/x-www-form-urlencoded", body, ts, signature);
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(endpoint()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    slack.finish();

    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(tampered.statusCode()).isEqualTo(401);
    assertThat(stale.statusCode()).isEqualTo(401);
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(slack.asked).isEmpty();
    assertThat(slack.api.calls("chat.postEphemeral")).isEmpty();
  }
}

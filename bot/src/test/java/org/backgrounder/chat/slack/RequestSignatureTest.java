package org.backgrounder.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP mode's own check of Slack's signature, against Slack's documented test vector. */
class RequestSignatureTest {

  private JsonNode vector;
  private String timestamp;
  private byte[] body;

  @BeforeEach
  void readVector() {
    vector = SlackCorpus.read("signing-vector.json");
    timestamp = vector.get("x_slack_request_timestamp").asText();
    body = vector.get("body").asText().getBytes(StandardCharsets.UTF_8);
  }

  private RequestSignature at(Duration afterSigning) {
    Instant signed = Instant.ofEpochSecond(Long.parseLong(timestamp));
    return new RequestSignature(vector.get("signing_secret").asText(),
        Clock.fixed(signed.plus(afterSigning), ZoneOffset.UTC));
  }

  @Test
  void verify_slacksTestVector_isValid() {
    String expected = vector.get("expected_x_slack_signature").asText();

    assertThat(at(Duration.ofSeconds(3)).sign(timestamp, body)).isEqualTo(expected);
    assertThat(at(Duration.ofSeconds(3)).verify(timestamp, expected, body))
        .isEqualTo(RequestSignature.Verdict.VALID);
  }

  @Test
  void verify_tamperedBody_isRefused() {
    String expected = vector.get("expected_x_slack_signature").asText();
    byte[] tampered = vector.get("body").asText().replace("text=", "text=%2Fsources+x")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(at(Duration.ZERO).verify(timestamp, expected, tampered))
        .isEqualTo(RequestSignature.Verdict.MISMATCH);
  }

  @Test
  void verify_timestampOlderThanFiveMinutes_isRefusedEvenWhenSignedRight() {
    String expected = vector.get("expected_x_slack_signature").asText();

    assertThat(at(Duration.ofMinutes(5)).verify(timestamp, expected, body))
        .isEqualTo(RequestSignature.Verdict.VALID);
    assertThat(at(Duration.ofMinutes(5).plusSeconds(1)).verify(timestamp, expected, body))
        .isEqualTo(RequestSignature.Verdict.STALE);
    assertThat(at(Duration.ofMinutes(-6)).verify(timestamp, expected, body))
        .isEqualTo(RequestSignature.Verdict.STALE);
  }

  @Test
  void verify_otherSecretOrTamperedTimestamp_isRefused() {
    String expected = vector.get("expected_x_slack_signature").asText();
    RequestSignature other = new RequestSignature("not-the-secret",
        Clock.fixed(Instant.ofEpochSecond(Long.parseLong(timestamp)), ZoneOffset.UTC));
    String laterTimestamp = String.valueOf(Long.parseLong(timestamp) + 1);

    assertThat(other.verify(timestamp, expected, body)).isEqualTo(RequestSignature.Verdict.MISMATCH);
    assertThat(at(Duration.ZERO).verify(laterTimestamp, expected, body))
        .isEqualTo(RequestSignature.Verdict.MISMATCH);
  }

  @Test
  void verify_missingOrGarbledHeaders_areRefused() {
    String expected = vector.get("expected_x_slack_signature").asText();

    assertThat(at(Duration.ZERO).verify(null, expected, body))
        .isEqualTo(RequestSignature.Verdict.MISSING);
    assertThat(at(Duration.ZERO).verify(timestamp, null, body))
        .isEqualTo(RequestSignature.Verdict.MISSING);
    assertThat(at(Duration.ZERO).verify("yesterday", expected, body))
        .isEqualTo(RequestSignature.Verdict.MISSING);
    assertThat(at(Duration.ZERO).verify(timestamp, "v0=" + "0".repeat(64), body))
        .isEqualTo(RequestSignature.Verdict.MISMATCH);
  }
}

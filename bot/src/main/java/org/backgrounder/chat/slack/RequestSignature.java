package org.backgrounder.chat.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing, checked before anything reaches Bolt: {@code v0=} and the hex
 * HMAC-SHA256, keyed with the app's signing secret, of {@code v0:timestamp:body}. A request whose
 * timestamp is more than five minutes from our clock is refused, so a captured request cannot be
 * replayed later; signatures are compared in constant time.
 */
final class RequestSignature {

  static final Duration MAX_AGE = Duration.ofMinutes(5);

  /** Why a request was accepted or refused; refusals are logged by name, never with the secret. */
  enum Verdict { VALID, MISSING, STALE, MISMATCH }

  private final SecretKeySpec key;
  private final Clock clock;

  RequestSignature(String signingSecret, Clock clock) {
    Objects.requireNonNull(signingSecret, "signingSecret");
    if (signingSecret.isEmpty()) {
      throw new IllegalArgumentException("the signing secret is empty");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param timestamp the {@code X-Slack-Request-Timestamp} header (seconds since the epoch)
   * @param signature the {@code X-Slack-Signature} header
   * @param body the raw body, exactly as received
   */
  Verdict verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null || body == null) {
      return Verdict.MISSING;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Verdict.MISSING;
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - seconds) > MAX_AGE.toSeconds()) {
      return Verdict.STALE;
    }
    byte[] expected = sign(timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.MISMATCH;
  }

  /** {@code v0=<hex>} for a timestamp and body: what Slack sends, and what tests sign with. */
  String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}

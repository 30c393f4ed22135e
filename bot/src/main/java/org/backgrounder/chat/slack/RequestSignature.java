package org.backgrounder.chat.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing, checked before anything reaches Bolt: {@code v0=} and the hex
 * HMAC-SHA256, keyed with the app's signing secret, of {@code v0:timestamp:body}. A request whose
 * timestamp is more than five minutes from our clock is refused, so a captured request cannot be
 * replayed later; within those minutes, a signature already seen with its timestamp is a replay
 * (slash commands and button presses carry no id of their own to de-duplicate by). Signatures are
 * compared in constant time.
 */
final class RequestSignature {

  static final Duration MAX_AGE = Duration.ofMinutes(5);

  /** Why a request was accepted or refused; refusals are logged by name, never with the secret. */
  enum Verdict { VALID, MISSING, STALE, MISMATCH, REPLAYED }

  private final SecretKeySpec key;
  private final Clock clock;
  /** Timestamp and signature of every valid request still inside the window, either way. */
  private final Cache<String, Boolean> seen;

  RequestSignature(String signingSecret, Clock clock) {
    Objects.requireNonNull(signingSecret, "signingSecret");
    if (signingSecret.isEmpty()) {
      throw new IllegalArgumentException("the signing secret is empty");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.seen = Caffeine.newBuilder()
        .expireAfterWrite(MAX_AGE.multipliedBy(2))
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .maximumSize(100_000)
        .build();
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
    if (!MessageDigest.isEqual(expected, given)) {
      return Verdict.MISMATCH;
    }
    boolean first = seen.asMap().putIfAbsent(seconds + ":" + signature.strip(), Boolean.TRUE) == null;
    return first ? Verdict.VALID : Verdict.REPLAYED;
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

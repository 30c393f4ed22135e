package org.backgrounder.chat.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends messages, retrying rate limits and dropped connections with the same transaction id. */
final class Sender {

  private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

  private final MatrixClient client;
  private final MatrixPlatform.Sleeper sleeper;

  Sender(MatrixClient client, MatrixPlatform.Sleeper sleeper) {
    this.client = client;
    this.sleeper = sleeper;
  }

  /** Sends with the same transaction id until it goes through (rate limits, dropped connections). */
  void send(String roomId, String txnId, JsonNode content) throws MatrixException {
    Duration backoff = Duration.ofSeconds(1);
    for (int attempt = 1; ; attempt++) {
      try {
        client.send(roomId, txnId, content);
        return;
      } catch (MatrixException e) {
        boolean again = (e.rateLimited() || e.networkFailure() || e.status() >= 500) && attempt < 6;
        if (!again) {
          throw e;
        }
        Duration wait = e.rateLimited() ? e.retryAfter().orElse(backoff) : backoff;
        backoff = backoff.multipliedBy(2);
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * Whether {@code self}'s latest 50 messages in the room include one whose {@code field} is
   * {@code mark}; false when the room cannot be read (the transaction id is then the only guard).
   */
  boolean alreadyPosted(String roomId, String self, String field, String mark) {
    try {
      for (JsonNode e : client.latestMessagesBy(roomId, self, 50).path("chunk")) {
        if (self.equals(e.path("sender").asText())
            && mark.equals(e.path("content").path(field).asText())) {
          return true;
        }
      }
    } catch (MatrixException e) {
      LOG.info("Matrix: could not check {} for an earlier post: {}", roomId, e.getMessage());
    }
    return false;
  }

  /**
   * Whether the homeserver refused for good (4xx other than a rate limit, e.g. no permission to
   * post in a room): trying again would fail again.
   */
  static boolean refusedForGood(MatrixException e) {
    return e.status() >= 400 && e.status() < 500 && !e.rateLimited() && !e.unknownToken();
  }

  static String sha(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

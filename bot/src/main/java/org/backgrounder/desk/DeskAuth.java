package org.backgrounder.desk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.backgrounder.config.Secret;

/**
 * Who may see the desk: whoever presents the configured token (as a bearer token, or once in the
 * sign-in form, which opens a session). Tokens are compared in constant time. Sessions live in
 * memory, keyed by a hash of their id, and end after {@link #SESSION} or on restart.
 */
final class DeskAuth {

  static final String COOKIE = "desk_session";
  static final Duration SESSION = Duration.ofHours(12);
  /** Sessions kept at most; past it the oldest go (each sign-in opens one). */
  private static final int MAX_SESSIONS = 1000;

  private final byte[] tokenHash;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Instant> sessions = new ConcurrentHashMap<>();

  DeskAuth(Secret token, Clock clock) {
    this.tokenHash = sha256(token.reveal());
    this.clock = clock;
  }

  /** Whether {@code presented} is the token; the time taken does not depend on where they differ. */
  boolean tokenMatches(String presented) {
    return presented != null && MessageDigest.isEqual(tokenHash, sha256(presented));
  }

  /** Opens a session; returns its id, for the cookie. */
  String openSession() {
    Instant now = clock.instant();
    sessions.values().removeIf(expiry -> !expiry.isAfter(now));
    while (sessions.size() >= MAX_SESSIONS) {
      sessions.entrySet().stream().min(Map.Entry.comparingByValue())
          .ifPresent(oldest -> sessions.remove(oldest.getKey()));
    }
    byte[] id = new byte[32];
    random.nextBytes(id);
    String session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    sessions.put(key(session), now.plus(SESSION));
    return session;
  }

  boolean sessionValid(String session) {
    if (session == null || session.isEmpty() || session.length() > 100) {
      return false;
    }
    Instant expiry = sessions.get(key(session));
    return expiry != null && expiry.isAfter(clock.instant());
  }

  void closeSession(String session) {
    if (session != null) {
      sessions.remove(key(session));
    }
  }

  /** The bearer token of an {@code Authorization} header, if it has one. */
  static Optional<String> bearer(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(header.substring(7).strip());
  }

  private static String key(String session) {
    return Base64.getEncoder().encodeToString(sha256(session));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

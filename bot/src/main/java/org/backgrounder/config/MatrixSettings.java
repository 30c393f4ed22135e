package org.backgrounder.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The Matrix adapter; it starts when {@code homeserver} is set.
 *
 * @param user the bot's full user id, {@code @name:server}
 * @param accessToken a token from the environment; or give {@code password}
 * @param allowedInviters glob patterns of users whose invites the bot accepts; default: users on
 *     the bot's own server
 * @param deviceId the device the bot logs in as with a password, kept stable across restarts
 */
public record MatrixSettings(URI homeserver, String user, Secret accessToken, Secret password,
    List<String> allowedInviters, String deviceId) {

  static final MatrixSettings DEFAULT = new MatrixSettings(null, null, null, null, null, null);

  public MatrixSettings {
    if (homeserver != null && homeserver.toString().isBlank()) {
      homeserver = null; // "${MATRIX_HOMESERVER:-}" with the variable unset: not configured
    }
    if (user != null && user.isBlank()) {
      user = null;
    }
    if (homeserver != null) {
      Settings.requireHttpUrl(homeserver, "homeserver");
      if (user == null || !user.matches("@[^:\\s]+:\\S+")) {
        throw new IllegalArgumentException("user must be the bot's full Matrix id, e.g."
            + " \"@backgrounder:newsroom.example\" (in quotes)");
      }
    }
    allowedInviters = allowedInviters == null
        ? (user == null ? List.of() : List.of("@*:" + user.substring(user.indexOf(':') + 1)))
        : List.copyOf(allowedInviters);
    deviceId = deviceId == null ? "BACKGROUNDER" : deviceId;
  }

  public boolean configured() {
    return homeserver != null;
  }

  public Optional<Secret> accessTokenIfSet() {
    return Optional.ofNullable(accessToken).filter(s -> !s.isEmpty());
  }

  public Optional<Secret> passwordIfSet() {
    return Optional.ofNullable(password).filter(s -> !s.isEmpty());
  }
}

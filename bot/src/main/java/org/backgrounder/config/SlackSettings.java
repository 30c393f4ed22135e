package org.backgrounder.config;

import java.net.URI;
import java.util.Optional;

/**
 * The Slack adapter; it starts when {@code bot_token} is set.
 *
 * @param mode {@code socket} (default: no public URL needed) or {@code http}
 * @param appToken {@code xapp-...}, Socket Mode only
 * @param signingSecret HTTP mode only
 * @param apiUrl the Web API base; tests point it at a local server
 * @param listen where HTTP mode serves Slack's requests ({@code host:port})
 */
public record SlackSettings(Mode mode, Secret botToken, Secret appToken, Secret signingSecret,
    URI apiUrl, String listen) {

  /** How the bot connects to Slack. */
  public enum Mode { SOCKET, HTTP }

  static final SlackSettings DEFAULT = new SlackSettings(null, null, null, null, null, null);

  public SlackSettings {
    mode = mode == null ? Mode.SOCKET : mode;
    apiUrl = apiUrl == null ? URI.create("https://slack.com/api/") : apiUrl;
    Settings.requireHttpUrl(apiUrl, "api_url");
    if (!apiUrl.toString().endsWith("/")) {
      apiUrl = URI.create(apiUrl + "/");
    }
    listen = listen == null ? "0.0.0.0:3000" : listen.strip();
    Settings.Addresses.parse(listen);
  }

  /** Whether the adapter should start: a bot token is configured and not empty. */
  public boolean configured() {
    return botToken != null && !botToken.isEmpty();
  }

  public Optional<Secret> appTokenIfSet() {
    return Optional.ofNullable(appToken).filter(s -> !s.isEmpty());
  }

  public Optional<Secret> signingSecretIfSet() {
    return Optional.ofNullable(signingSecret).filter(s -> !s.isEmpty());
  }

  public boolean socketMode() {
    return mode == Mode.SOCKET;
  }
}

package org.backgrounder.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.backgrounder.chat.ChatException;
import org.backgrounder.chat.Reply;
import org.backgrounder.config.Secret;
import org.backgrounder.config.SlackSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code start()} names the token that is missing or that Slack rejected, and never prints one. */
class SlackStartTest {

  private FakeWebApi api;

  @BeforeEach
  void fakeSlack() throws Exception {
    api = new FakeWebApi();
  }

  @AfterEach
  void stop() throws Exception {
    api.close();
  }

  private ChatException startFails(SlackSettings.Mode mode, String bot, String app,
      String secret) {
    SlackSettings settings = new SlackSettings(mode, bot == null ? null : Secret.of(bot),
        app == null ? null : Secret.of(app), secret == null ? null : Secret.of(secret),
        api.apiUrl(), "127.0.0.1:0");
    SlackPlatform p = SlackPlatform.create(settings, in -> Reply.none(),
        (u, f, h, at) -> { }, Clock.systemUTC(), new SlackPlatform.Tuning(d -> { },
            Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(1)));
    try {
      Throwable t = org.assertj.core.api.Assertions.catchThrowable(p::start);
      assertThat(t).isInstanceOf(ChatException.class);
      ChatException e = (ChatException) t;
      for (String token : new String[] {bot, app, secret}) {
        if (token != null && !token.isEmpty()) {
          assertThat(e.getMessage()).doesNotContain(token);
        }
      }
      assertThat(p.connected()).isFalse();
      return e;
    } finally {
      p.close();
    }
  }

  @Test
  void start_socketModeWithoutAppToken_namesSlackAppToken() {
    ChatException e = startFails(SlackSettings.Mode.SOCKET, "xoxb-test-not-real", "", null);

    assertThat(e).hasMessage("Slack is configured but SLACK_APP_TOKEN (slack.app_token) is empty:"
        + " Socket Mode needs an app-level token (xapp-...) with connections:write, or set"
        + " slack.mode: http");
    assertThat(api.calls("auth.test")).isEmpty();
  }

  @Test
  void start_httpModeWithoutSigningSecret_namesSlackSigningSecret() {
    ChatException e = startFails(SlackSettings.Mode.HTTP, "xoxb-test-not-real", null, null);

    assertThat(e.getMessage()).startsWith("Slack is configured for HTTP mode but"
        + " SLACK_SIGNING_SECRET (slack.signing_secret) is empty");
  }

  @Test
  void start_withoutBotToken_namesSlackBotToken() {
    assertThat(startFails(SlackSettings.Mode.SOCKET, "", "xapp-test-not-real", null).getMessage())
        .contains("SLACK_BOT_TOKEN (slack.bot_token) is empty");
  }

  @Test
  void start_swappedTokens_saysWhichIsWhich() {
    assertThat(startFails(SlackSettings.Mode.SOCKET, "xapp-test-not-real", "xoxb-test-not-real",
        null).getMessage()).contains("SLACK_BOT_TOKEN (slack.bot_token) holds an app-level token");
    assertThat(startFails(SlackSettings.Mode.SOCKET, "xoxb-test-not-real", "xoxb-test-not-real",
        null).getMessage()).contains("SLACK_APP_TOKEN (slack.app_token) holds an OAuth token");
  }

  @Test
  void start_botTokenRejected_saysSoAfterAuthTest() {
    api.script("auth.test", FakeWebApi.error("invalid_auth"));

    ChatException e = startFails(SlackSettings.Mode.SOCKET, "xoxb-test-not-real",
        "xapp-test-not-real", null);

    assertThat(e).hasMessage("Slack rejected the bot token (invalid_auth): check SLACK_BOT_TOKEN");
    assertThat(api.calls("apps.connections.open")).isEmpty();
  }

  @Test
  void start_appTokenRejected_saysSo() {
    api.script("apps.connections.open", FakeWebApi.error("invalid_auth"));

    ChatException e = startFails(SlackSettings.Mode.SOCKET, "xoxb-test-not-real",
        "xapp-test-not-real", null);

    assertThat(e.getMessage()).startsWith("Slack rejected the app-level token (invalid_auth):"
        + " check SLACK_APP_TOKEN");
    assertThat(api.await("apps.connections.open", 1).authorization())
        .isEqualTo("Bearer xapp-test-not-real");
  }

  @Test
  void start_authTestRateLimited_waitsAndCarriesOn() throws Exception {
    api.script("auth.test", FakeWebApi.rateLimited(2), FakeWebApi.error("invalid_auth"));

    ChatException e = startFails(SlackSettings.Mode.SOCKET, "xoxb-test-not-real",
        "xapp-test-not-real", null);

    assertThat(api.calls("auth.test")).hasSize(2);
    assertThat(e.getMessage()).contains("invalid_auth");
  }

  @Test
  void name_isSlack_andNothingConnectsBeforeStart() {
    SlackSettings settings = new SlackSettings(null, Secret.of("xoxb-test-not-real"),
        Secret.of("xapp-test-not-real"), null, api.apiUrl(), null);
    try (SlackPlatform p = SlackPlatform.create(settings, in -> Reply.none(), (u, f, h, at) -> { },
        Clock.systemUTC())) {
      assertThat(p.name()).isEqualTo("slack");
      assertThat(p.connected()).isFalse();
      assertThat(api.calls("auth.test")).isEmpty();
    }
  }

  @Test
  void start_twice_isAMistake() throws Exception {
    try (SlackFixture f = SlackFixture.socketMode()) {
      assertThat(f.platform.connected()).isTrue();
      assertThatThrownBy(f.platform::start).isInstanceOf(IllegalStateException.class);
    }
  }
}

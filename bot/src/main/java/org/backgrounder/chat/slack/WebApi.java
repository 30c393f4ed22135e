package org.backgrounder.chat.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web API calls the adapter makes, each retried after HTTP 429 for as long as Slack's
 * {@code Retry-After} says (the SDK's synchronous client does not retry). Tokens are held by the
 * SDK clients passed in and never appear in what this class logs or throws.
 */
final class WebApi {

  private static final Logger LOG = LoggerFactory.getLogger(WebApi.class);
  static final int MAX_ATTEMPTS = 4;
  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

  /** One Web API call. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException, SlackApiException;
  }

  private final Slack slack;
  private final MethodsClient bot;
  private final Sleeper sleeper;
  private final Gson gson = GsonFactory.createSnakeCase();

  WebApi(Slack slack, String botToken, Sleeper sleeper) {
    this.slack = slack;
    this.bot = slack.methods(botToken);
    this.sleeper = sleeper;
  }

  AuthTestResponse authTest() throws IOException, SlackApiException {
    return call("auth.test", () -> bot.authTest(r -> r));
  }

  AppsConnectionsOpenResponse openConnection(String appToken) throws IOException, SlackApiException {
    return call("apps.connections.open", () -> slack.methods(appToken).appsConnectionsOpen(r -> r));
  }

  ChatPostMessageResponse postMessage(String channel, Optional<String> thread, SlackMessage m)
      throws IOException, SlackApiException {
    return call("chat.postMessage", () -> bot.chatPostMessage(r -> r
        .channel(channel)
        .threadTs(thread.orElse(null))
        .text(m.text())
        .blocks(m.blocks())
        .unfurlLinks(false)
        .unfurlMedia(false)));
  }

  ChatPostEphemeralResponse postEphemeral(String channel, String user, SlackMessage m)
      throws IOException, SlackApiException {
    return call("chat.postEphemeral", () -> bot.chatPostEphemeral(r -> r
        .channel(channel)
        .user(user)
        .text(m.text())
        .blocks(m.blocks())));
  }

  /**
   * Posts to an interaction's {@code response_url}.
   *
   * @param responseType {@code ephemeral} or {@code in_channel}
   */
  WebhookResponse respond(String responseUrl, String responseType, SlackMessage m)
      throws IOException {
    JsonObject body = new JsonObject();
    body.addProperty("response_type", responseType);
    body.addProperty("replace_original", false);
    body.addProperty("text", m.text());
    body.add("blocks", gson.toJsonTree(m.blocks()));
    String json = gson.toJson(body);
    for (int attempt = 1; ; attempt++) {
      WebhookResponse r = slack.send(responseUrl, json);
      if (r.getCode() == null || r.getCode() != 429 || attempt == MAX_ATTEMPTS) {
        return r;
      }
      waitBeforeRetry("response_url", retryAfter(r.getHeaders()), attempt);
    }
  }

  /** Runs {@code call}, waiting and retrying while Slack answers 429. */
  <T> T call(String method, Call<T> call) throws IOException, SlackApiException {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.run();
      } catch (SlackApiException e) {
        if (e.getResponse() == null || e.getResponse().code() != 429 || attempt == MAX_ATTEMPTS) {
          throw e;
        }
        waitBeforeRetry(method, retryAfter(e.getResponse().headers().toMultimap()), attempt);
      }
    }
  }

  private void waitBeforeRetry(String method, Duration wait, int attempt) throws IOException {
    LOG.warn("Slack rate-limited {}; retrying in {}s (attempt {} of {})", method,
        wait.toSeconds(), attempt + 1, MAX_ATTEMPTS);
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to retry " + method, e);
    }
  }

  /** {@code Retry-After} in seconds, within reason; a second when absent or unreadable. */
  static Duration retryAfter(Map<String, List<String>> headers) {
    if (headers == null) {
      return DEFAULT_WAIT;
    }
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey() != null && h.getKey().equalsIgnoreCase("Retry-After")
          && !h.getValue().isEmpty()) {
        try {
          long seconds = Long.parseLong(h.getValue().get(0).strip());
          Duration wait = Duration.ofSeconds(Math.max(0, seconds));
          return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
        } catch (NumberFormatException e) {
          return DEFAULT_WAIT;
        }
      }
    }
    return DEFAULT_WAIT;
  }

  /** "not_in_channel", "invalid_auth", ...: Slack's own word for what went wrong. */
  /** Slack's errors for a token that is wrong, revoked or expired (not a passing trouble). */
  static final Set<String> REJECTED = Set.of("invalid_auth", "not_authed", "token_revoked",
      "token_expired", "account_inactive");

  static String error(SlackApiTextResponse r) {
    return r.getError() == null ? "unknown_error" : r.getError();
  }
}

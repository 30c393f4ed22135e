package org.backgrounder.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.backgrounder.TestPaths;
import org.junit.jupiter.api.Test;

/** The shipped app manifest asks Slack for exactly what the adapter handles. */
class SlackManifestTest {

  private static JsonNode manifest() throws IOException {
    return new ObjectMapper(new YAMLFactory())
        .readTree(TestPaths.shippedConfig().resolve("slack-manifest.yaml").toFile());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void manifest_asksForTheScopesEventsAndCommandTheAdapterUses() throws IOException {
    JsonNode m = manifest();

    assertThat(strings(m.at("/oauth_config/scopes/bot"))).containsExactlyInAnyOrder(
        "app_mentions:read", "chat:write", "commands", "im:history", "im:read", "im:write",
        "channels:history", "groups:history");
    assertThat(strings(m.at("/settings/event_subscriptions/bot_events")))
        .containsExactlyInAnyOrder("app_mention", "message.im", "message.channels",
            "message.groups");
    JsonNode command = m.at("/features/slash_commands/0");
    assertThat(command.get("command").asText()).isEqualTo(SlackText.SLASH);
    assertThat(command.get("usage_hint").asText()).contains("sources", "timeline", "help");
    assertThat(m.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
    assertThat(m.at("/settings/socket_mode_enabled").asBoolean()).isTrue();
    assertThat(m.at("/features/app_home/messages_tab_enabled").asBoolean()).isTrue();
  }
}

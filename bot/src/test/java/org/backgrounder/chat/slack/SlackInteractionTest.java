package org.backgrounder.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backgrounder.chat.ChatException;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.Reply;
import org.backgrounder.chat.Room;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /bg}, "Share in channel", the thumbs, and {@code send}, through the real Bolt app in
 * Socket Mode against a fake Slack on 127.0.0.1.
 */
class SlackInteractionTest {

  private SlackFixture slack;

  @BeforeEach
  void start() throws Exception {
    slack = SlackFixture.socketMode();
  }

  @AfterEach
  void stop() throws Exception {
    if (slack != null) {
      slack.close();
    }
  }

  private void command(String envelopeId, String text, String trigger) {
    slack.socket.send(SlackCorpus.slashCommand(envelopeId, SlackCorpus.command("U111", "C111",
        text, slack.api.responseUrl("cmd-" + trigger), trigger)));
  }

  private void press(String envelopeId, String user, String actionId, String value) {
    slack.socket.send(SlackCorpus.buttonPress(envelopeId, user, "C111", actionId, value,
        slack.api.responseUrl("action-" + envelopeId)));
  }

  /** The value of the button {@code actionId} in {@code blocks}. */
  private static String button(JsonNode blocks, String actionId) {
    for (JsonNode b : blocks) {
      for (JsonNode e : b.path("elements")) {
        if (actionId.equals(e.path("action_id").asText())) {
          return e.get("value").asText();
        }
      }
    }
    throw new AssertionError("no " + actionId + " button in " + blocks);
  }

  private static List<String> actionIds(JsonNode blocks) {
    List<String> ids = new ArrayList<>();
    blocks.forEach(b -> b.path("elements").forEach(e -> {
      if (e.has("action_id")) {
        ids.add(e.get("action_id").asText());
      }
    }));
    return ids;
  }

  /** The blocks that carry the reply itself (not its buttons or the "shared by" line). */
  private static List<JsonNode> content(JsonNode blocks) {
    List<JsonNode> out = new ArrayList<>();
    blocks.forEach(b -> {
      if (!b.path("type").asText().equals("actions")
          && !b.toString().contains("Shared by")) {
        out.add(b);
      }
    });
    return out;
  }

  @Test
  void slashCommand_withSubcommand_isAnsweredPrivatelyWithAShareButton() {
    slack.answering = in -> Replies.listing("palantir");
    command("env-1", "sources palantir", "111.222.aaa");

    JsonNode ack = slack.socket.awaitAck("env-1");
    FakeWebApi.Call shown = slack.api.await("chat.postEphemeral", 1);

    assertThat(ack.get("envelope_id").asText()).isEqualTo("env-1");
    assertThat(shown.param("channel")).isEqualTo("C111");
    assertThat(shown.param("user")).isEqualTo("U111");
    assertThat(actionIds(shown.blocks())).containsExactly("bg_share");
    assertThat(shown.shown()).contains("<https://example.org/sources|Listing>");
    Incoming in = slack.asked.get(0);
    assertThat(in.text()).isEqualTo("/sources palantir");
    assertThat(in.id()).isEqualTo("111.222.aaa");
    assertThat(in.user().displayName()).isEqualTo("reporter");
    assertThat(in.room().thread()).isEmpty();
    assertThat(slack.api.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void slashCommand_answeredWithAnError_offersNothingToShare() {
    slack.answering = in -> Reply.error("Usage: /sources TOPIC.");
    command("env-1", "sources", "t1");

    FakeWebApi.Call shown = slack.api.await("chat.postEphemeral", 1);

    assertThat(actionIds(shown.blocks())).isEmpty();
    assertThat(shown.shown()).contains("/bg sources");
  }

  @Test
  void slashCommand_aloneOrWithAQuestion_isHelpOrTheQuestion() {
    command("env-1", "", "t1");
    slack.api.await("chat.postEphemeral", 1);
    command("env-2", "who designated the cartels?", "t2");
    slack.api.await("chat.postEphemeral", 2);

    assertThat(slack.asked).extracting(Incoming::text)
        .containsExactly("/help", "who designated the cartels?");
  }

  @Test
  void shareButton_postsTheSameReplyForEveryone() {
    command("env-1", "ask who designated the cartels?", "t1");
    FakeWebApi.Call privately = slack.api.await("chat.postEphemeral", 1);

    press("env-2", "U111", "bg_share", button(privately.blocks(), "bg_share"));
    slack.socket.awaitAck("env-2");
    FakeWebApi.Call shared = slack.api.await("chat.postMessage", 1);

    assertThat(shared.param("channel")).isEqualTo("C111");
    assertThat(shared.param("thread_ts")).isNull();
    assertThat(content(shared.blocks())).isEqualTo(content(privately.blocks())).isNotEmpty();
    assertThat(actionIds(shared.blocks())).containsExactly("bg_feedback_up", "bg_feedback_down");
    assertThat(shared.blocks().toString()).contains("Shared by <@U111>");
    assertThat(shared.param("text")).isEqualTo(privately.param("text"));
  }

  @Test
  void botNotInChannel_answerAndShareGoThroughTheResponseUrl() {
    slack.api.script("chat.postEphemeral", FakeWebApi.error("channel_not_found"));
    command("env-1", "timeline", "t1");
    FakeWebApi.Call privately = slack.api.await("response_url", 1);

    slack.api.script("chat.postMessage", FakeWebApi.error("not_in_channel"));
    press("env-2", "U111", "bg_share", button(privately.blocks(), "bg_share"));
    FakeWebApi.Call shared = slack.api.await("response_url", 2);

    assertThat(privately.path()).isEqualTo("/response/cmd-t1");
    assertThat(privately.param("response_type")).isEqualTo("ephemeral");
    assertThat(shared.path()).isEqualTo("/response/action-env-2");
    assertThat(shared.param("response_type")).isEqualTo("in_channel");
    assertThat(content(shared.blocks())).isEqualTo(content(privately.blocks()));
    assertThat(shared.shown()).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
  }

  @Test
  void shareButton_afterAnHour_saysTheReplyIsGone() {
    command("env-1", "timeline", "t1");
    FakeWebApi.Call privately = slack.api.await("chat.postEphemeral", 1);
    slack.clock.advance(Duration.ofMinutes(61));

    press("env-2", "U111", "bg_share", button(privately.blocks(), "bg_share"));
    FakeWebApi.Call told = slack.api.await("chat.postEphemeral", 2);
    slack.finish();

    assertThat(told.param("text")).isEqualTo(Answers.SHARE_EXPIRED);
    assertThat(slack.api.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void thumbs_recordTheVerdictForTheDesk_andThankThePresserPrivately() {
    slack.socket.send(SlackCorpus.eventsApi("env-1", "Ev001",
        SlackCorpus.mention("U111", "C111", "1700000100.000100", "<@U222> palantir contracts")));
    FakeWebApi.Call answer = slack.api.await("chat.postMessage", 1);
    String feedbackId = button(answer.blocks(), "bg_feedback_up");
    assertThat(button(answer.blocks(), "bg_feedback_down")).isEqualTo(feedbackId);
    slack.clock.advance(Duration.ofMinutes(3));

    press("env-2", "U333", "bg_feedback_up", feedbackId);
    FakeWebApi.Call thanks = slack.api.await("chat.postEphemeral", 1);
    press("env-3", "U444", "bg_feedback_down", feedbackId);
    slack.api.await("chat.postEphemeral", 2);
    slack.finish();

    assertThat(slack.verdicts).hasSize(2);
    SlackFixture.Verdict up = slack.verdicts.stream().filter(v -> v.helpful()).findFirst()
        .orElseThrow();
    assertThat(up.user().id()).isEqualTo("U333");
    assertThat(up.user().platform()).isEqualTo("slack");
    assertThat(up.about().question()).isEqualTo("palantir contracts");
    assertThat(up.about().facts()).containsExactly("fact-one");
    assertThat(up.at()).isEqualTo(SlackFixture.START.plus(Duration.ofMinutes(3)));
    assertThat(slack.verdicts).filteredOn(v -> !v.helpful())
        .extracting(v -> v.user().id()).containsExactly("U444");
    assertThat(thanks.param("text")).isEqualTo("Thanks, noted for the desk.");
    assertThat(thanks.param("user")).isEqualTo("U333");
    assertThat(thanks.param("channel")).isEqualTo("C111");
  }

  @Test
  void repliesWithoutFeedback_haveNoThumbs() {
    slack.answering = in -> Replies.listing("x");
    slack.socket.send(SlackCorpus.eventsApi("env-1", "Ev001",
        SlackCorpus.mention("U111", "C111", "1700000100.000100", "<@U222> sources x")));

    assertThat(actionIds(slack.api.await("chat.postMessage", 1).blocks())).isEmpty();
  }

  @Test
  void send_postsInTheRoomsThread_andSaysWhySlackRefused() throws Exception {
    slack.platform.send(new Room("slack", "C999", false, Optional.of("1700000000.000001")),
        Replies.listing("digest"));
    FakeWebApi.Call posted = slack.api.await("chat.postMessage", 1);
    slack.api.script("chat.postMessage", FakeWebApi.error("not_in_channel"));

    assertThat(posted.param("channel")).isEqualTo("C999");
    assertThat(posted.param("thread_ts")).isEqualTo("1700000000.000001");
    assertThatThrownBy(() -> slack.platform.send(new Room("slack", "C998", false,
        Optional.empty()), Replies.listing("digest")))
        .isInstanceOf(ChatException.class)
        .hasMessageContaining("not_in_channel").hasMessageContaining("C998");
  }
}

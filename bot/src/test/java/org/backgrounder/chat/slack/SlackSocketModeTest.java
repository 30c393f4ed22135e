package org.backgrounder.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mentions, direct messages and thread follow-ups through the real Bolt app in Socket Mode,
 * against a fake Slack on 127.0.0.1 fed with Slack's own envelope and event shapes.
 */
class SlackSocketModeTest {

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

  /** Whether {@code condition} holds within two seconds. */
  static boolean eventually(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  @Test
  void mention_inChannel_isAckedAndAnsweredInItsThread() {
    slack.socket.send(SlackCorpus.eventsApi("env-1", "Ev001",
        SlackCorpus.mention("U111", "C111", "1700000100.000100",
            "<@U222> who designated the cartels &amp; when?")));

    JsonNode ack = slack.socket.awaitAck("env-1");
    FakeWebApi.Call post = slack.api.await("chat.postMessage", 1);

    assertThat(ack.get("envelope_id").asText()).isEqualTo("env-1");
    assertThat(post.param("channel")).isEqualTo("C111");
    assertThat(post.param("thread_ts")).isEqualTo("1700000100.000100");
    assertThat(post.authorization()).isEqualTo("Bearer " + SlackFixture.BOT_TOKEN);
    Incoming in = slack.asked.get(0);
    assertThat(in.text()).isEqualTo("who designated the cartels & when?");
    assertThat(in.id()).isEqualTo("Ev001");
    assertThat(in.user().id()).isEqualTo("U111");
    assertThat(in.user().platform()).isEqualTo("slack");
    assertThat(in.room().id()).isEqualTo("C111");
    assertThat(in.room().direct()).isFalse();
    assertThat(in.room().thread()).contains("1700000100.000100");
    assertThat(in.at()).isEqualTo(SlackFixture.START);
  }

  @Test
  void decline_pointsToFactsWithTheSlackCommand() {
    slack.answering = org.backgrounder.command.ShippedBot.dispatcher(java.util.Set.of())::handle;
    slack.socket.send(SlackCorpus.eventsApi("env-1", "Ev001",
        SlackCorpus.mention("U111", "C111", "1700000100.000100",
            "<@U222> Did Palantir work with the Mexican navy?")));

    String shown = slack.api.await("chat.postMessage", 1).shown();

    assertThat(shown).contains("I have no sourced answer to that.")
        .contains("`/bg fact` cia-palantir-campaign").doesNotContain("(/fact ");
  }

  @Test
  void followUp_inTheThread_isReadWithTheEarlierQuestion_untilTheThreadHasBeenIdle() {
    slack.answering = org.backgrounder.command.ShippedBot.dispatcher(java.util.Set.of())::handle;
    String root = "1700000100.000100";
    slack.socket.send(SlackCorpus.eventsApi("env-1", "Ev001", SlackCorpus.mention("U111", "C111",
        root, "<@U222> What did Sheinbaum say about sovereignty?")));
    slack.api.await("chat.postMessage", 1);
    ObjectNode followUp = SlackCorpus.mention("U111", "C111", "1700000200.000200",
        "<@U222> what did she say about an invasion?");
    followUp.put("thread_ts", root);
    slack.socket.send(SlackCorpus.eventsApi("env-2", "Ev002", followUp));
    String read = slack.api.await("chat.postMessage", 2).shown();

    slack.clock.advance(Duration.ofMinutes(31));
    ObjectNode late = followUp.deepCopy().put("ts", "1700002100.000300");
    slack.socket.send(SlackCorpus.eventsApi("env-3", "Ev003", late));
    String expired = slack.api.await("chat.postMessage", 3).shown();

    assertThat(read).contains("Read with your earlier question")
        .contains("what did Claudia Sheinbaum say about an invasion?")
        .contains("no U.S. invasion of Mexico");
    assertThat(expired).doesNotContain("Read with your earlier question");
  }

  @Test
  void mention_withHostileContent_isEscapedInBlocksAndFallback() {
    slack.socket.send(SlackCorpus.eventsApi("env-1", "Ev001",
        SlackCorpus.mention("U111", "C111", "1700000100.000100", "<@U222> palantir")));

    FakeWebApi.Call post = slack.api.await("chat.postMessage", 1);
    String shown = post.shown();

    assertThat(shown).contains("&lt;!channel&gt;", "&lt;@U123&gt;", "a &amp; b",
        "&lt;https://evil.example|safe&gt;", "@\u2060here");
    assertThat(shown).doesNotContain("<!channel>", "<@U123>", "<https://evil.example", " @here");
    JsonNode blocks = post.blocks();
    assertThat(blocks.get(0).path("type").asText()).isEqualTo("section");
    assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("mrkdwn");
    assertThat(blocks.get(0).path("text").path("text").asText()).contains("[1] _reported_");
    assertThat(blocks.toString()).contains(
        "[1] <https://example.org/report?id=1&amp;lang=en|The report \u2223 part &lt;1&gt;>"
            + " \u2014 Example &amp; Sons, 2025-02-20 (primary)");
    assertThat(blocks.get(1).path("type").asText()).isEqualTo("context");
    assertThat(post.param("text")).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
    assertThat(post.param("unfurl_links")).isIn("false", "0");
  }

  @Test
  void mention_inAThread_isAnsweredInThatThread() {
    ObjectNode e = SlackCorpus.mention("U111", "C111", "1700000200.000200", "<@U222> and then?");
    e.put("thread_ts", "1700000100.000100");
    slack.socket.send(SlackCorpus.eventsApi("env-1", "Ev001", e));

    assertThat(slack.api.await("chat.postMessage", 1).param("thread_ts"))
        .isEqualTo("1700000100.000100");
  }

  @Test
  void directMessage_isAnsweredInTheDm_threadedOnlyWhenAskedInAThread() {
    slack.socket.send(SlackCorpus.eventsApi("env-1", "Ev001",
        SlackCorpus.message("U111", "D111", "im", "1700000100.000100", "sources on palantir")));
    FakeWebApi.Call first = slack.api.await("chat.postMessage", 1);
    ObjectNode threaded = SlackCorpus.message("U111", "D111", "im", "1700000300.000300", "more?");
    threaded.put("thread_ts", "1700000100.000100");
    slack.socket.send(SlackCorpus.eventsApi("env-2", "Ev002", threaded));
    FakeWebApi.Call second = slack.api.await("chat.postMessage", 2);

    assertThat(first.param("channel")).isEqualTo("D111");
    assertThat(first.param("thread_ts")).isNull();
    assertThat(second.param("thread_ts")).isEqualTo("1700000100.000100");
    assertThat(slack.asked.get(0).room().direct()).isTrue();
    assertThat(slack.asked.get(0).room().thread()).isEmpty();
    assertThat(slack.asked.get(0).text()).isEqualTo("sources on palantir");
  }

  @Test
  void followUp_inAThreadTheBotAnswered_isAnsweredWithoutMention_untilADayPasses() {
    slack.socket.send(SlackCorpus.eventsApi("env-1", "Ev001",
        SlackCorpus.mention("U111", "C111", "1700000100.000100", "<@U222> palantir")));
    slack.api.await("chat.postMessage", 1);

    ObjectNode followUp = SlackCorpus.message("U333", "C111", "channel", "1700000400.000400",
        "and the contract value?");
    followUp.put("thread_ts", "1700000100.000100");
    slack.socket.send(SlackCorpus.eventsApi("env-2", "Ev002", followUp));
    FakeWebApi.Call answer = slack.api.await("chat.postMessage", 2);

    ObjectNode elsewhere = SlackCorpus.message("U333", "C111", "channel", "1700000500.000500",
        "unrelated thread");
    elsewhere.put("thread_ts", "1700000000.000001");
    ObjectNode toColleague = SlackCorpus.message("U333", "C111", "channel", "1700000600.000600",
        "<@U444> can you check this?");
    toColleague.put("thread_ts", "1700000100.000100");
    slack.socket.send(SlackCorpus.eventsApi("env-3", "Ev003", elsewhere));
    slack.socket.send(SlackCorpus.eventsApi("env-4", "Ev004", toColleague));
    slack.socket.awaitAck("env-3");
    slack.socket.awaitAck("env-4");
    slack.clock.advance(Duration.ofDays(1).plusMinutes(1));
    ObjectNode late = SlackCorpus.message("U333", "C111", "channel", "1700090000.000700",
        "still there?");
    late.put("thread_ts", "1700000100.000100");
    slack.socket.send(SlackCorpus.eventsApi("env-5", "Ev005", late));
    slack.socket.awaitAck("env-5");
    slack.finish();

    assertThat(answer.param("thread_ts")).isEqualTo("1700000100.000100");
    assertThat(slack.asked).extracting(Incoming::text)
        .containsExactly("palantir", "and the contract value?");
    assertThat(slack.api.calls("chat.postMessage")).hasSize(2);
  }

  @Test
  void sameEventTwice_isAckedTwiceButAnsweredOnce() {
    String event = "<@U222> palantir";
    slack.socket.send(SlackCorpus.eventsApi("env-1", "Ev001",
        SlackCorpus.mention("U111", "C111", "1700000100.000100", event)));
    slack.socket.send(SlackCorpus.eventsApi("env-2", "Ev001",
        SlackCorpus.mention("U111", "C111", "1700000100.000100", event)));

    slack.socket.awaitAck("env-1");
    slack.socket.awaitAck("env-2");
    slack.api.await("chat.postMessage", 1);
    slack.finish();

    assertThat(slack.api.calls("chat.postMessage")).hasSize(1);
    assertThat(slack.asked).hasSize(1);
  }

  @Test
  void botsEditsDeletionsAndOwnMessages_areAckedButNeverAnswered() {
    ObjectNode botMessage = SlackCorpus.event("bot_message.json");
    botMessage.put("channel", "D111").put("channel_type", "im").put("ts", "1700000100.000001")
        .put("bot_id", "B999").put("text", "<@U222> bot says hi");
    ObjectNode appWithBotId = SlackCorpus.message("U555", "D111", "im", "1700000100.000002",
        "from another app");
    appWithBotId.put("bot_id", "B555");
    ObjectNode own = SlackCorpus.message(FakeWebApi.BOT_USER, "D111", "im",
        "1700000100.000003", "my own answer");
    ObjectNode edit = SlackCorpus.event("message_changed.json");
    edit.put("channel", "D111").put("channel_type", "im").put("ts", "1700000100.000004");
    ((ObjectNode) edit.get("message")).put("user", "U111").put("text", "edited question")
        .remove("bot_id");
    ObjectNode deletion = SlackCorpus.event("message_changed.json");
    deletion.put("subtype", "message_deleted").put("channel", "D111").put("channel_type", "im")
        .put("ts", "1700000100.000005").put("deleted_ts", "1700000100.000001");
    ObjectNode mentionByBot = SlackCorpus.mention("U555", "C111", "1700000100.000006",
        "<@U222> ping");
    mentionByBot.put("bot_id", "B555");

    String[] envelopes = {
        SlackCorpus.eventsApi("env-1", "Ev001", botMessage),
        SlackCorpus.eventsApi("env-2", "Ev002", appWithBotId),
        SlackCorpus.eventsApi("env-3", "Ev003", own),
        SlackCorpus.eventsApi("env-4", "Ev004", edit),
        SlackCorpus.eventsApi("env-5", "Ev005", deletion),
        SlackCorpus.eventsApi("env-6", "Ev006", mentionByBot)};
    for (String envelope : envelopes) {
      slack.socket.send(envelope);
    }
    for (int i = 1; i <= envelopes.length; i++) {
      slack.socket.awaitAck("env-" + i);
    }
    slack.socket.send(SlackCorpus.eventsApi("env-7", "Ev007",
        SlackCorpus.message("U111", "D111", "im", "1700000100.000007", "a person asks")));
    slack.api.await("chat.postMessage", 1);
    slack.finish();

    assertThat(slack.asked).extracting(Incoming::text).containsExactly("a person asks");
    assertThat(slack.api.calls("chat.postMessage")).hasSize(1);
  }

  @Test
  void handlerSaysNothing_nothingIsPosted() {
    slack.answering = in -> in.text().equals("quiet") ? Reply.none() : Replies.answer(in.text());
    slack.socket.send(SlackCorpus.eventsApi("env-1", "Ev001",
        SlackCorpus.message("U111", "D111", "im", "1700000100.000001", "quiet")));
    slack.socket.send(SlackCorpus.eventsApi("env-2", "Ev002",
        SlackCorpus.message("U111", "D111", "im", "1700000100.000002", "loud")));
    slack.api.await("chat.postMessage", 1);
    slack.finish();

    assertThat(slack.asked).hasSize(2);
    assertThat(slack.api.calls("chat.postMessage")).hasSize(1);
    assertThat(slack.api.calls("chat.postMessage").get(0).shown()).contains("loud");
  }

  @Test
  void postMessage_rateLimited_waitsRetryAfterThenPostsOnce() {
    slack.api.script("chat.postMessage", FakeWebApi.rateLimited(7));
    slack.socket.send(SlackCorpus.eventsApi("env-1", "Ev001",
        SlackCorpus.mention("U111", "C111", "1700000100.000100", "<@U222> palantir")));

    FakeWebApi.Call retried = slack.api.await("chat.postMessage", 2);
    slack.finish();

    assertThat(slack.waits).containsExactly(Duration.ofSeconds(7));
    assertThat(retried.param("thread_ts")).isEqualTo("1700000100.000100");
    assertThat(slack.api.calls("chat.postMessage")).hasSize(2);
  }

  @Test
  void droppedSocket_reconnects_andNeitherLosesNorDoublesAnswers() {
    slack.socket.send(SlackCorpus.eventsApi("env-1", "Ev001",
        SlackCorpus.mention("U111", "C111", "1700000100.000100", "<@U222> before the drop")));
    slack.socket.awaitAck("env-1");
    slack.api.await("chat.postMessage", 1);
    int opensBefore = slack.api.calls("apps.connections.open").size();

    slack.socket.dropAll();
    // The SDK's session monitor would notice only 5s after the client started; we reconnect sooner.
    slack.socket.awaitOpened(2, Duration.ofSeconds(3));
    // Slack sends again what it is not sure arrived, and carries on with new events.
    slack.socket.send(SlackCorpus.eventsApi("env-2", "Ev001",
        SlackCorpus.mention("U111", "C111", "1700000100.000100", "<@U222> before the drop")));
    slack.socket.send(SlackCorpus.eventsApi("env-3", "Ev002",
        SlackCorpus.mention("U111", "C111", "1700000200.000200", "<@U222> after the drop")));
    slack.socket.awaitAck("env-2");
    slack.socket.awaitAck("env-3");
    slack.api.await("chat.postMessage", 2);
    assertThat(eventually(slack.platform::connected)).isTrue();
    slack.finish();

    assertThat(slack.api.calls("apps.connections.open").size()).isGreaterThan(opensBefore);
    assertThat(slack.asked).extracting(Incoming::text)
        .containsExactly("before the drop", "after the drop");
    assertThat(slack.api.calls("chat.postMessage")).extracting(c -> c.param("thread_ts"))
        .containsExactly("1700000100.000100", "1700000200.000200");
  }

  @Test
  void slackAsksForARefresh_clientMovesToANewConnectionAndKeepsAnswering() {
    slack.socket.send("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\","
        + "\"debug_info\":{\"host\":\"applink-test\"}}");
    slack.socket.awaitOpened(2, Duration.ofSeconds(3));
    slack.socket.send(SlackCorpus.eventsApi("env-1", "Ev001",
        SlackCorpus.message("U111", "D111", "im", "1700000100.000100", "still there?")));

    slack.socket.awaitAck("env-1");
    slack.api.await("chat.postMessage", 1);

    // the old socket's close may land after the new hello; the adapter re-checks shortly after
    assertThat(eventually(slack.platform::connected)).isTrue();
    assertThat(slack.asked).extracting(Incoming::text).containsExactly("still there?");
  }
}

package org.backgrounder.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.backgrounder.SharedPostgres;
import org.backgrounder.store.Database;
import org.backgrounder.store.KeyValues;
import org.backgrounder.store.SqlKeyValues;
import org.backgrounder.store.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Slack adapters that share a store, as replicas do: Slack delivering the same event to
 * both (a retry that lands on the other replica, a redelivery after a reconnect) has it
 * answered once, a follow-up in a thread one of them answered in is one for the other, and a
 * button on one's reply works when pressed on the other. Over SQLite in one process, and over
 * PostgreSQL with a pool per replica (skipped, saying why, without one).
 */
class SlackReplicasTest {

  @TempDir
  Path tmp;

  private final List<AutoCloseable> open = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(3)).build();

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private SlackFixture replica(KeyValues shared) throws Exception {
    SlackFixture f = SlackFixture.httpMode(Optional.of(shared));
    open.add(f);
    return f;
  }

  private void deliver(SlackFixture to, String body) throws Exception {
    deliver(to, "application/json", body);
  }

  private void deliver(SlackFixture to, String contentType, String body) throws Exception {
    String ts = String.valueOf(to.clock.instant().getEpochSecond());
    String signature = new RequestSignature(SlackFixture.SIGNING_SECRET, to.clock)
        .sign(ts, body.getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + to.platform.httpAddress().getPort() + "/slack/events"))
        .timeout(Duration.ofSeconds(3))
        .header("Content-Type", contentType)
        .header("X-Slack-Request-Timestamp", ts)
        .header("X-Slack-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }

  /** Delivers three events, the second to both replicas; counts what each posted. */
  private void sameEventToBoth_answeredOnce(KeyValues forA, KeyValues forB) throws Exception {
    SlackFixture a = replica(forA);
    SlackFixture b = replica(forB);
    String twice = SlackCorpus.eventCallback("EvShared1",
        SlackCorpus.mention("U111", "C111", "1700000100.000100", "<@U222> palantir"));

    deliver(a, SlackCorpus.eventCallback("EvOnlyA",
        SlackCorpus.mention("U111", "C111", "1700000090.000100", "<@U222> cartels")));
    deliver(a, twice);
    deliver(b, twice);
    deliver(b, SlackCorpus.eventCallback("EvOnlyB",
        SlackCorpus.mention("U111", "C111", "1700000110.000100", "<@U222> sheinbaum")));
    a.finish();
    b.finish();

    int posted = a.api.calls("chat.postMessage").size() + b.api.calls("chat.postMessage").size();
    assertThat(posted).as("three events, one of them delivered to both replicas").isEqualTo(3);
    assertThat(a.asked).extracting(in -> in.id()).contains("EvOnlyA");
    assertThat(b.asked).extracting(in -> in.id()).contains("EvOnlyB");
    assertThat(a.asked.size() + b.asked.size()).isEqualTo(3);
  }

  /** A's answer in a thread makes a later message there, delivered to B, a follow-up for B. */
  private void followUpOnTheOtherReplica_isAnswered(KeyValues forA, KeyValues forB)
      throws Exception {
    SlackFixture a = replica(forA);
    SlackFixture b = replica(forB);
    String root = "1700000300.000100";
    deliver(a, SlackCorpus.eventCallback("EvRoot",
        SlackCorpus.mention("U111", "C111", root, "<@U222> palantir")));
    a.api.await("chat.postMessage", 1);
    deliver(b, SlackCorpus.eventCallback("EvFollowUp", SlackCorpus.message("U111", "C111",
        "channel", "1700000310.000100", "and who designated them?").put("thread_ts", root)));
    deliver(b, SlackCorpus.eventCallback("EvElsewhere", SlackCorpus.message("U111", "C111",
        "channel", "1700000320.000100", "talk among people").put("thread_ts",
            "1700000000.000999")));
    a.finish();
    b.finish();

    assertThat(b.asked).extracting(in -> in.id()).containsExactly("EvFollowUp");
    assertThat(b.api.calls("chat.postMessage")).hasSize(1);
    assertThat(b.api.calls("chat.postMessage").get(0).param("thread_ts")).isEqualTo(root);
  }

  /** {@code /bg text} as HTTP mode's form, its response_url on {@code to}'s fake Slack. */
  private void command(SlackFixture to, String text, String trigger) throws Exception {
    ObjectNode fields = SlackCorpus.command("U111", "C111", text,
        to.api.responseUrl("cmd-" + trigger), trigger);
    StringJoiner form = new StringJoiner("&");
    fields.properties().forEach(f -> form.add(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8)
        + "=" + URLEncoder.encode(f.getValue().asText(), StandardCharsets.UTF_8)));
    deliver(to, "application/x-www-form-urlencoded", form.toString());
  }

  /** {@code user} presses the button {@code actionId} of {@code blocks}, as Slack tells {@code to}. */
  private void press(SlackFixture to, String user, String actionId, JsonNode blocks, String name)
      throws Exception {
    String payload = SlackCorpus.JSON.readTree(SlackCorpus.buttonPress("unused", user, "C111",
        actionId, button(blocks, actionId), to.api.responseUrl(name))).get("payload").toString();
    deliver(to, "application/x-www-form-urlencoded",
        "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
  }

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

  /** The blocks that carry the reply itself (not its buttons or the "shared by" line). */
  private static List<JsonNode> content(JsonNode blocks) {
    List<JsonNode> out = new ArrayList<>();
    blocks.forEach(b -> {
      if (!b.path("type").asText().equals("actions") && !b.toString().contains("Shared by")) {
        out.add(b);
      }
    });
    return out;
  }

  /**
   * A answers {@code /bg} privately; B gets the presses: "Share in channel" posts A's reply once,
   * from B, a thumb on the shared copy is recorded once, by B, and an hour later the share
   * button says the reply is gone, as on the replica that answered.
   */
  private void pressesOnTheOtherReplica_work(KeyValues forA, KeyValues forB) throws Exception {
    SlackFixture a = replica(forA);
    SlackFixture b = replica(forB);
    command(a, "ask who designated the cartels?", "t1");
    FakeWebApi.Call privately = a.api.await("chat.postEphemeral", 1);

    press(b, "U111", "bg_share", privately.blocks(), "share");
    FakeWebApi.Call shared = b.api.await("chat.postMessage", 1);
    press(b, "U333", "bg_feedback_down", shared.blocks(), "thumb");
    FakeWebApi.Call thanks = b.api.await("chat.postEphemeral", 1);
    b.clock.advance(Duration.ofMinutes(61));
    press(b, "U111", "bg_share", privately.blocks(), "late");
    FakeWebApi.Call late = b.api.await("chat.postEphemeral", 2);
    a.finish();
    b.finish();

    assertThat(a.api.calls("chat.postMessage")).isEmpty();
    assertThat(b.api.calls("chat.postMessage")).hasSize(1);
    assertThat(shared.param("channel")).isEqualTo("C111");
    assertThat(shared.param("text")).isEqualTo(privately.param("text"));
    assertThat(shared.blocks().toString()).contains("Shared by <@U111>");
    assertThat(content(shared.blocks())).isEqualTo(content(privately.blocks())).isNotEmpty();
    assertThat(a.verdicts).isEmpty();
    assertThat(b.verdicts).hasSize(1);
    assertThat(b.verdicts.get(0).helpful()).isFalse();
    assertThat(b.verdicts.get(0).user().id()).isEqualTo("U333");
    assertThat(b.verdicts.get(0).about().question()).isEqualTo(a.asked.get(0).text());
    assertThat(b.verdicts.get(0).about().facts()).containsExactly("fact-one");
    assertThat(thanks.param("text")).isEqualTo(Answers.THANKS);
    assertThat(late.param("text")).isEqualTo(Answers.SHARE_EXPIRED);
    assertThat(b.asked).isEmpty();
  }

  @Test
  void buttonPresses_reachingTheOtherReplica_work() throws Exception {
    Database db = Database.open(tmp);
    open.add(db);
    pressesOnTheOtherReplica_work(new SqlKeyValues(db, java.time.Clock.systemUTC()),
        new SqlKeyValues(db, java.time.Clock.systemUTC()));
  }

  @Test
  void buttonPresses_reachingTheOtherReplicaOnPostgres_work() throws Exception {
    SharedPostgres pg = SharedPostgres.create();
    open.add(pg);
    Stores first = Stores.open(pg.settings(), tmp.resolve("a"));
    open.add(first);
    Stores second = Stores.open(pg.settings(), tmp.resolve("b"));
    open.add(second);
    pressesOnTheOtherReplica_work(first.keyValues(java.time.Clock.systemUTC()),
        second.keyValues(java.time.Clock.systemUTC()));
  }

  @Test
  void followUp_reachingTheOtherReplica_isAnsweredThere() throws Exception {
    Database db = Database.open(tmp);
    open.add(db);
    followUpOnTheOtherReplica_isAnswered(new SqlKeyValues(db, java.time.Clock.systemUTC()),
        new SqlKeyValues(db, java.time.Clock.systemUTC()));
  }

  @Test
  void sameEvent_twoReplicasOnOneSqliteStore_answeredOnce() throws Exception {
    Database db = Database.open(tmp);
    open.add(db);
    sameEventToBoth_answeredOnce(new SqlKeyValues(db, java.time.Clock.fixed(SlackFixture.START, java.time.ZoneOffset.UTC)),
        new SqlKeyValues(db, java.time.Clock.fixed(SlackFixture.START, java.time.ZoneOffset.UTC)));
  }

  @Test
  void sameEvent_twoReplicasOnOnePostgres_answeredOnce() throws Exception {
    SharedPostgres pg = SharedPostgres.create();
    open.add(pg);
    Stores first = Stores.open(pg.settings(), tmp.resolve("a"));
    open.add(first);
    Stores second = Stores.open(pg.settings(), tmp.resolve("b"));
    open.add(second);
    sameEventToBoth_answeredOnce(first.keyValues(java.time.Clock.fixed(SlackFixture.START, java.time.ZoneOffset.UTC)),
        second.keyValues(java.time.Clock.fixed(SlackFixture.START, java.time.ZoneOffset.UTC)));
  }

  @Test
  void followUp_reachingTheOtherReplicaOnPostgres_isAnsweredThere() throws Exception {
    SharedPostgres pg = SharedPostgres.create();
    open.add(pg);
    Stores first = Stores.open(pg.settings(), tmp.resolve("a"));
    open.add(first);
    Stores second = Stores.open(pg.settings(), tmp.resolve("b"));
    open.add(second);
    followUpOnTheOtherReplica_isAnswered(first.keyValues(java.time.Clock.systemUTC()),
        second.keyValues(java.time.Clock.systemUTC()));
  }
}

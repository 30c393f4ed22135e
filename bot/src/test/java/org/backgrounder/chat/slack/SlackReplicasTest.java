package org.backgrounder.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backgrounder.SharedPostgres;
import org.backgrounder.store.Database;
import org.backgrounder.store.KeyValues;
import org.backgrounder.store.SqliteKeyValues;
import org.backgrounder.store.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Slack adapters that share a store, as replicas do: Slack delivering the same event to
 * both (a retry that lands on the other replica, a redelivery after a reconnect) has it
 * answered once, and a follow-up in a thread one of them answered in is one for the other. Over SQLite in one process, and over PostgreSQL with a pool per replica
 * (skipped, saying why, without one).
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
    String ts = String.valueOf(to.clock.instant().getEpochSecond());
    String signature = new RequestSignature(SlackFixture.SIGNING_SECRET, to.clock)
        .sign(ts, body.getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + to.platform.httpAddress().getPort() + "/slack/events"))
        .timeout(Duration.ofSeconds(3))
        .header("Content-Type", "application/json")
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

  @Test
  void followUp_reachingTheOtherReplica_isAnsweredThere() throws Exception {
    Database db = Database.open(tmp);
    open.add(db);
    followUpOnTheOtherReplica_isAnswered(new SqliteKeyValues(db, java.time.Clock.systemUTC()),
        new SqliteKeyValues(db, java.time.Clock.systemUTC()));
  }

  @Test
  void sameEvent_twoReplicasOnOneSqliteStore_answeredOnce() throws Exception {
    Database db = Database.open(tmp);
    open.add(db);
    sameEventToBoth_answeredOnce(new SqliteKeyValues(db, java.time.Clock.fixed(SlackFixture.START, java.time.ZoneOffset.UTC)),
        new SqliteKeyValues(db, java.time.Clock.fixed(SlackFixture.START, java.time.ZoneOffset.UTC)));
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

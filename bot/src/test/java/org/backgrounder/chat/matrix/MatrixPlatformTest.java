package org.backgrounder.chat.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.backgrounder.Eventually;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.Reply;
import org.backgrounder.config.MatrixSettings;
import org.backgrounder.config.Secret;
import org.backgrounder.store.Database;
import org.backgrounder.store.KeyValues;
import org.backgrounder.store.SqlKeyValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MatrixPlatformTest {

  static final String ROOM = "!room:test";
  static final String SLOW_ROOM = "!slow:test";

  private FakeHomeserver hs;
  private Database db;
  private SqlKeyValues state;
  private final List<Incoming> asked = Collections.synchronizedList(new ArrayList<>());
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private MatrixPlatform bot;
  /** Holds every answer in {@link #SLOW_ROOM} until a test opens it. */
  private final CountDownLatch slowRoom = new CountDownLatch(1);
  private final AtomicInteger answersFailed = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    hs = new FakeHomeserver();
    db = Database.inMemory();
    state = new SqlKeyValues(db, Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    slowRoom.countDown();
    if (bot != null) {
      bot.close();
    }
    hs.close();
    db.close();
  }

  private MatrixSettings settings(List<String> inviters) {
    return new MatrixSettings(URI.create(hs.server.url("/").toString()), "@bot:test",
        Secret.of("test-token-not-real"), null, inviters, "BG");
  }

  /** Every key the bot writes, in order: one write is one SQLite transaction. */
  private final List<String> writes = Collections.synchronizedList(new ArrayList<>());

  private KeyValues counted() {
    return new KeyValues() {
      @Override
      public Optional<String> get(String key) {
        return state.get(key);
      }

      @Override
      public void put(String key, String value) {
        writes.add(key);
        state.put(key, value);
      }

      @Override
      public boolean putIfAbsent(String key, String value) {
        writes.add(key);
        return state.putIfAbsent(key, value);
      }

      @Override
      public boolean putIfAbsent(String key, String value, Duration ttl) {
        writes.add(key);
        return state.putIfAbsent(key, value, ttl);
      }

      @Override
      public int prune(String prefix, Instant before) {
        return state.prune(prefix, before);
      }
    };
  }

  private MatrixPlatform bot(List<String> inviters) {
    return new MatrixPlatform(settings(inviters), in -> {
      asked.add(in);
      if (in.room().id().equals(SLOW_ROOM)) {
        try {
          slowRoom.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return reply("Answer to " + in.text());
    }, Set.of("sources", "help", "timeline"), counted(), new OkHttpClient(), Clock.systemUTC(),
        waits::add, Duration.ofMillis(300), answersFailed::incrementAndGet);
  }

  static Reply reply(String text) {
    return new Reply(Reply.Kind.ANSWER, List.of(new Reply.Paragraph(List.of(new Reply.Text(text),
        new Reply.Text(" "), new Reply.Cite(1)))),
        List.of(new Reply.Link(1, URI.create("https://example.org/a?x=1&y=2"), "A <b>title</b>",
            "Outlet & Co", Optional.of("2025-02-20"), "news")), Optional.empty(), Optional.empty());
  }

  /**
   * Whether the stored position is at the scripted batch {@code next} or past it, at one of the
   * empty batches (s1001 on) the fake homeserver answers with between scripted ones: the stored
   * position passes a batch only once all its answers are sent.
   */
  private boolean handledThrough(String next) {
    Optional<String> since = state.get("matrix:@bot:test:since");
    return since.isPresent() && (since.get().equals(next) || since.get().length() == 5);
  }

  /** Starts the bot and lets it take its first, backlog-skipping sync. */
  private void startWithFirstSync(String firstBatch) throws Exception {
    hs.queueSync(firstBatch);
    bot = bot(List.of("@*:test"));
    bot.start();
    Eventually.await(Duration.ofSeconds(5), bot::connected);
  }

  @Test
  void firstSync_skipsTheBacklog_thenAnswersNewMessagesInTheirThread() throws Exception {
    startWithFirstSync(FakeHomeserver.batch("s1", ROOM,
        FakeHomeserver.message("$old", "@alice:test", "!bg help")));

    hs.queueSync(FakeHomeserver.batch("s2", ROOM,
        FakeHomeserver.message("$q1", "@alice:test", "!bg sources palantir"),
        FakeHomeserver.message("$q2", "@alice:test", "Backgrounder: who designated the cartels?"),
        FakeHomeserver.message("$q3", "@alice:test", "just chatting, not for the bot")));
    Eventually.await(Duration.ofSeconds(5), () -> handledThrough("s2"));

    assertThat(asked).extracting(Incoming::text)
        .containsExactly("/sources palantir", "who designated the cartels?");
    JsonNode first = hs.sentMessages().get(0);
    assertThat(first.get("msgtype").asText()).isEqualTo("m.notice");
    assertThat(first.at("/m.relates_to/rel_type").asText()).isEqualTo("m.thread");
    assertThat(first.at("/m.relates_to/event_id").asText()).isEqualTo("$q1");
    assertThat(first.at("/m.relates_to/m.in_reply_to/event_id").asText()).isEqualTo("$q1");
    assertThat(first.get("m.mentions").size()).isZero();
    assertThat(first.get("formatted_body").asText())
        .contains("<a href=\"https://example.org/a?x=1&amp;y=2\">A &lt;b&gt;title&lt;/b&gt;</a>")
        .contains("Outlet &amp; Co").doesNotContain("<b>title");
    assertThat(first.get("body").asText()).contains("Answer to /sources palantir [1]");
    assertThat(handledThrough("s2")).isTrue();
  }

  @Test
  void decline_pointsToFactsWithTheMatrixCommand() throws Exception {
    org.backgrounder.command.Dispatcher dispatcher =
        org.backgrounder.command.ShippedBot.dispatcher(Set.of());
    hs.queueSync(FakeHomeserver.batch("s1", ROOM));
    bot = new MatrixPlatform(settings(List.of("@*:test")), dispatcher::handle,
        Set.copyOf(dispatcher.commandNames()), counted(), new OkHttpClient(), Clock.systemUTC(),
        waits::add, Duration.ofMillis(300), answersFailed::incrementAndGet);
    bot.start();
    Eventually.await(Duration.ofSeconds(5), bot::connected);

    hs.queueSync(FakeHomeserver.batch("s2", ROOM, FakeHomeserver.message("$q", "@alice:test",
        "Backgrounder: did Palantir work with the Mexican navy?")));
    Eventually.await(Duration.ofSeconds(10), () -> !hs.sentMessages().isEmpty());

    String body = hs.sentMessages().get(0).get("body").asText();
    assertThat(body).contains("I have no sourced answer to that.")
        .contains("!bg fact cia-palantir-campaign").doesNotContain("(/fact ");
  }

  @Test
  void questionInAThread_isAnsweredInThatThread_andFollowsItsRoot() throws Exception {
    startWithFirstSync("{\"next_batch\":\"s1\"}");

    hs.queueSync(FakeHomeserver.batch("s2", ROOM, FakeHomeserver.message("$q", "@alice:test",
        "!bg what else?", "\"m.relates_to\":{\"rel_type\":\"m.thread\",\"event_id\":\"$root\"}")));
    Eventually.await(Duration.ofSeconds(5), () -> hs.sentMessages().size() == 1);

    assertThat(hs.sentMessages().get(0).at("/m.relates_to/event_id").asText()).isEqualTo("$root");
    assertThat(asked.get(0).room().thread()).contains("$root");
    assertThat(asked.get(0).text()).isEqualTo("what else?");
  }

  @Test
  void mentionsAndDirectRooms_areAnswered_ownMessagesNoticesAndEditsAreNot() throws Exception {
    startWithFirstSync("{\"next_batch\":\"s1\"}");

    hs.queueSync(FakeHomeserver.batch("s2", ROOM,
        FakeHomeserver.message("$own", "@bot:test", "!bg help"),
        FakeHomeserver.message("$notice", "@otherbot:test", "!bg help",
            "\"msgtype\":\"m.notice\""),
        FakeHomeserver.message("$edit", "@alice:test", "!bg help",
            "\"m.relates_to\":{\"rel_type\":\"m.replace\",\"event_id\":\"$x\"}"),
        FakeHomeserver.message("$pill", "@alice:test", "hey there, what is CJNG?",
            "\"m.mentions\":{\"user_ids\":[\"@bot:test\"]}"),
        FakeHomeserver.message("$id", "@alice:test", "@bot:test when was it published?")));
    Eventually.await(Duration.ofSeconds(5), () -> hs.sentMessages().size() == 2);

    assertThat(asked).extracting(Incoming::text)
        .containsExactly("hey there, what is CJNG?", "when was it published?");

    hs.joinedMembers = 2;
    hs.queueSync(FakeHomeserver.batch("s3", "!dm:test",
        FakeHomeserver.message("$dm", "@alice:test", "who is Rubio?")));
    Eventually.await(Duration.ofSeconds(5), () -> hs.sentMessages().size() == 3);
    assertThat(asked.get(2).room().direct()).isTrue();
  }

  @Test
  void slowAnswerInOneRoom_doesNotHoldUpTheOtherRooms() throws Exception {
    startWithFirstSync("{\"next_batch\":\"s1\"}");

    hs.queueSync("{\"next_batch\":\"s2\",\"rooms\":{\"join\":{"
        + "\"" + SLOW_ROOM + "\":{\"timeline\":{\"events\":["
        + FakeHomeserver.message("$slow", "@alice:test", "!bg timeline") + "]}},"
        + "\"" + ROOM + "\":{\"timeline\":{\"events\":["
        + FakeHomeserver.message("$fast", "@bob:test", "!bg help") + "]}}}}}");
    Eventually.await(Duration.ofSeconds(3), () -> hs.sentMessages().size() == 1);

    assertThat(hs.sentMessages().get(0).at("/m.relates_to/event_id").asText()).isEqualTo("$fast");
    assertThat(state.get("matrix:@bot:test:since")).contains("s1");
    slowRoom.countDown();
    Eventually.await(Duration.ofSeconds(5), () -> handledThrough("s2"));
    assertThat(hs.sentMessages()).hasSize(2);
  }

  @Test
  void busyRoom_writesOncePerBatchAndAnswer_notOncePerMessage() throws Exception {
    startWithFirstSync("{\"next_batch\":\"s1\"}");
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      events.add(FakeHomeserver.message("$chat" + i, "@alice:test", "just chatting " + i));
    }
    events.add(FakeHomeserver.message("$q", "@alice:test", "!bg help"));
    writes.clear();

    hs.queueSync(FakeHomeserver.batch("s2", ROOM, events.toArray(String[]::new)));
    Eventually.await(Duration.ofSeconds(5), () -> handledThrough("s2"));

    // Besides the answer, only the sync position is written: once a batch, as each is handled.
    List<String> besidesThePosition;
    synchronized (writes) {
      besidesThePosition = writes.stream().filter(k -> !k.equals("matrix:@bot:test:since")).toList();
    }
    assertThat(besidesThePosition).containsExactly("matrix:@bot:test:answered:$q");
  }

  @Test
  void rateLimit_waitsRetryAfterMs_andResendsTheSameTransaction() throws Exception {
    startWithFirstSync("{\"next_batch\":\"s1\"}");
    hs.failOnce("/send/m.room.message/", new MockResponse().setResponseCode(429)
        .setBody("{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"Too many\",\"retry_after_ms\":1500}"));

    hs.queueSync(FakeHomeserver.batch("s2", ROOM, FakeHomeserver.message("$q", "@alice:test", "!bg help")));
    Eventually.await(Duration.ofSeconds(5), () -> hs.sentMessages().size() == 1);

    assertThat(waits).contains(Duration.ofMillis(1500));
    List<String> sendPaths = hs.requests.stream().map(r -> r.getPath())
        .filter(p -> p.contains("/send/")).toList();
    assertThat(sendPaths).hasSize(2);
    assertThat(sendPaths.get(0)).isEqualTo(sendPaths.get(1));
  }

  @Test
  void sendRefusedForGood_givesThatQuestionUp_andKeepsAnsweringTheRest() throws Exception {
    startWithFirstSync("{\"next_batch\":\"s1\"}");
    hs.failOnce("/send/m.room.message/", new MockResponse().setResponseCode(403)
        .setBody("{\"errcode\":\"M_FORBIDDEN\",\"error\":\"You may not post here\"}"));

    hs.queueSync(FakeHomeserver.batch("s2", ROOM,
        FakeHomeserver.message("$refused", "@alice:test", "!bg help"),
        FakeHomeserver.message("$next", "@alice:test", "!bg timeline")));
    Eventually.await(Duration.ofSeconds(5), () -> handledThrough("s2"));

    assertThat(asked).extracting(Incoming::text).containsExactly("/help", "/timeline");
    assertThat(hs.sentMessages()).hasSize(1);
    assertThat(answersFailed).hasValue(1);
    assertThat(bot.connected()).isTrue();
  }

  @Test
  void answeredMessages_areForgottenAfterAWeek() throws Exception {
    new SqlKeyValues(db, Clock.fixed(Instant.now().minus(Duration.ofDays(8)), ZoneOffset.UTC))
        .put("matrix:@bot:test:answered:$old", "1");
    state.put("matrix:@bot:test:answered:$recent", "1");

    startWithFirstSync("{\"next_batch\":\"s1\"}");

    Eventually.await(Duration.ofSeconds(5),
        () -> state.get("matrix:@bot:test:answered:$old").isEmpty());
    assertThat(state.get("matrix:@bot:test:answered:$recent")).isPresent();
  }

  @Test
  void rateLimitedSync_waitsRetryAfterHeader() throws Exception {
    startWithFirstSync("{\"next_batch\":\"s1\"}");

    hs.syncs.add(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2")
        .setBody("{\"errcode\":\"M_LIMIT_EXCEEDED\"}"));
    Eventually.await(Duration.ofSeconds(5), () -> waits.contains(Duration.ofSeconds(2)));

    assertThat(bot.connected()).isTrue();
  }

  @Test
  void droppedConnection_backsOffAndResumesWhereItStopped() throws Exception {
    startWithFirstSync("{\"next_batch\":\"s1\"}");

    hs.syncs.add(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    hs.queueSync(FakeHomeserver.batch("s2", ROOM, FakeHomeserver.message("$q", "@alice:test", "!bg help")));
    Eventually.await(Duration.ofSeconds(5), () -> hs.sentMessages().size() == 1);

    assertThat(waits).containsExactly(Duration.ofSeconds(1));
    assertThat(hs.requests.stream().map(r -> r.getPath()).filter(p -> p.contains("/sync"))
        .filter(p -> p.contains("since=s1")).count()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void unknownToken_stopsWithAClearReason() throws Exception {
    startWithFirstSync("{\"next_batch\":\"s1\"}");

    hs.syncs.add(new MockResponse().setResponseCode(401)
        .setBody("{\"errcode\":\"M_UNKNOWN_TOKEN\",\"error\":\"Invalid access token\"}"));
    Eventually.await(Duration.ofSeconds(5), () -> !bot.connected());

    assertThat(bot.stopReason()).hasValueSatisfying(r -> assertThat(r)
        .contains("M_UNKNOWN_TOKEN").contains("Set a new MATRIX_ACCESS_TOKEN"));
  }

  @Test
  void limitedTimeline_fetchesTheMessagesInTheGap() throws Exception {
    startWithFirstSync("{\"next_batch\":\"s1\"}");
    hs.failOnce("/messages", FakeHomeserver.json("{\"chunk\":[" + FakeHomeserver.message("$missed",
        "@alice:test", "!bg help") + "]}"));
    Thread.sleep(5);

    hs.queueSync("{\"next_batch\":\"s2\",\"rooms\":{\"join\":{\"" + ROOM + "\":{\"timeline\":"
        + "{\"limited\":true,\"prev_batch\":\"p1\",\"events\":[" + FakeHomeserver.message("$latest",
        "@alice:test", "!bg timeline") + "]}}}}}");
    Eventually.await(Duration.ofSeconds(5), () -> hs.sentMessages().size() == 2);

    assertThat(asked).extracting(Incoming::text).containsExactly("/help", "/timeline");
    assertThat(hs.count("/messages")).isEqualTo(1);
  }

  @Test
  void futureDatedMessage_doesNotHideTheNextGap() throws Exception {
    startWithFirstSync("{\"next_batch\":\"s1\"}");
    var future = (com.fasterxml.jackson.databind.node.ObjectNode) FakeHomeserver.JSON.readTree(
        FakeHomeserver.message("$future", "@mallory:elsewhere.example", "hello from next year"));
    future.put("origin_server_ts", System.currentTimeMillis() + Duration.ofDays(365).toMillis());
    hs.queueSync(FakeHomeserver.batch("s2", ROOM, future.toString()));
    Eventually.await(Duration.ofSeconds(5), () -> hs.count("since=s2") > 0);
    hs.failOnce("/messages", FakeHomeserver.json("{\"chunk\":[" + FakeHomeserver.message(
        "$missed", "@alice:test", "!bg help") + "]}"));

    hs.queueSync("{\"next_batch\":\"s3\",\"rooms\":{\"join\":{\"" + ROOM + "\":{\"timeline\":"
        + "{\"limited\":true,\"prev_batch\":\"p2\",\"events\":[" + FakeHomeserver.message("$latest",
        "@alice:test", "!bg timeline") + "]}}}}}");
    Eventually.await(Duration.ofSeconds(5), () -> hs.sentMessages().size() == 2);

    assertThat(asked).extracting(Incoming::text).containsExactly("/help", "/timeline");
    assertThat(hs.requests.stream().map(r -> r.getPath()).filter(p -> p.contains("/messages"))
        .toList()).singleElement().asString().contains("from=p2").contains("to=s2");
  }

  @Test
  void encryptedRoom_getsOneNoticeThenSilence() throws Exception {
    startWithFirstSync("{\"next_batch\":\"s1\"}");
    String encrypted = "{\"type\":\"m.room.encrypted\",\"event_id\":\"$e1\",\"sender\":\"@alice:test\","
        + "\"origin_server_ts\":1,\"content\":{\"algorithm\":\"m.megolm.v1.aes-sha2\",\"ciphertext\":\"x\"}}";

    hs.queueSync(FakeHomeserver.batch("s2", "!secret:test", encrypted));
    hs.queueSync(FakeHomeserver.batch("s3", "!secret:test", encrypted.replace("$e1", "$e2"),
        FakeHomeserver.message("$plain", "@alice:test", "!bg help")));
    Eventually.await(Duration.ofSeconds(5), () -> hs.count("since=s3") > 0);

    assertThat(hs.sentMessages()).singleElement().satisfies(m ->
        assertThat(m.get("body").asText()).isEqualTo(MatrixPlatform.ENCRYPTED_NOTICE));
    assertThat(asked).isEmpty();
  }

  @Test
  void invites_areAcceptedOnlyFromTheAllowList() throws Exception {
    startWithFirstSync("{\"next_batch\":\"s1\"}");

    hs.queueSync("{\"next_batch\":\"s2\",\"rooms\":{\"invite\":{"
        + "\"!ok:test\":{\"invite_state\":{\"events\":[" + invite("@alice:test") + "]}},"
        + "\"!no:test\":{\"invite_state\":{\"events\":[" + invite("@mallory:elsewhere.example") + "]}}}}}");
    Eventually.await(Duration.ofSeconds(5), () -> hs.count("/leave") == 1);

    assertThat(hs.count("/rooms/%21ok%3Atest/join")).isEqualTo(1);
    assertThat(hs.count("/rooms/%21no%3Atest/leave")).isEqualTo(1);
    assertThat(hs.count("/rooms/%21no%3Atest/join")).isZero();
  }

  private static String invite(String from) {
    return "{\"type\":\"m.room.member\",\"state_key\":\"@bot:test\",\"sender\":\"" + from
        + "\",\"content\":{\"membership\":\"invite\"}}";
  }

  @Test
  void restart_resumesFromTheStoredCursor_andNeverAnswersTwice() throws Exception {
    startWithFirstSync("{\"next_batch\":\"s1\"}");
    String q = FakeHomeserver.message("$q", "@alice:test", "!bg help");
    hs.queueSync(FakeHomeserver.batch("s2", ROOM, q));
    Eventually.await(Duration.ofSeconds(5), () -> hs.sentMessages().size() == 1);
    bot.close();
    Eventually.await(Duration.ofSeconds(2), () -> hs.syncsWaiting.get() == 0);
    hs.requests.clear();

    // The homeserver delivers the same event again after the restart (e.g. a lost cursor write).
    hs.queueSync(FakeHomeserver.batch("s3", ROOM, q,
        FakeHomeserver.message("$new", "@alice:test", "!bg timeline")));
    bot = bot(List.of("@*:test"));
    bot.start();
    Eventually.await(Duration.ofSeconds(5), () -> asked.size() == 2);

    assertThat(hs.requests.stream().filter(r -> r.getPath().contains("/sync")).findFirst()
        .orElseThrow().getPath()).containsPattern("since=s(2|1\\d\\d\\d)(&|$)");
    assertThat(asked).extracting(Incoming::text).containsExactly("/help", "/timeline");
  }

  @Test
  void send_withAKey_reusesTheTransactionId() throws Exception {
    startWithFirstSync("{\"next_batch\":\"s1\"}");
    var room = new org.backgrounder.chat.Room("matrix", ROOM, false, Optional.empty());

    bot.send(room, reply("digest"), Optional.of("digest:2026-11-26T08:30"));
    bot.send(room, reply("digest"), Optional.of("digest:2026-11-26T08:30"));

    List<String> paths = hs.requests.stream().map(r -> r.getPath()).filter(p -> p.contains("/send/")).toList();
    assertThat(paths).hasSize(2);
    assertThat(paths.get(0)).isEqualTo(paths.get(1));
    assertThat(hs.sentMessages()).hasSize(1);
  }

  @Test
  void send_withAKeyAlreadyPostedInTheRoom_isNotPostedAgain() throws Exception {
    startWithFirstSync("{\"next_batch\":\"s1\"}");
    var room = new org.backgrounder.chat.Room("matrix", ROOM, false, Optional.empty());
    String key = "digest:2026-11-26T08:30";
    bot.send(room, reply("digest"), Optional.of(key));
    JsonNode posted = hs.sentMessages().get(0);
    // After a restart with a password login, the new access token has a new transaction scope:
    // only the room itself can tell that the slot was posted.
    hs.sent.clear();
    hs.sendOrder.clear();
    hs.failOnce("/messages", FakeHomeserver.json("{\"chunk\":[{\"type\":\"m.room.message\","
        + "\"event_id\":\"$digest\",\"sender\":\"@bot:test\",\"origin_server_ts\":1,"
        + "\"content\":" + posted + "}]}"));

    bot.send(room, reply("digest"), Optional.of(key));

    assertThat(posted.path(MatrixPlatform.KEY_FIELD).asText()).isNotBlank();
    assertThat(hs.sentMessages()).isEmpty();
    assertThat(hs.requests.stream().map(r -> r.getPath()).filter(p -> p.contains("/messages"))
        .toList()).last().asString().contains("senders");
  }

  @Test
  void missingCredentials_sayWhichSettingIsMissing() {
    MatrixSettings none = new MatrixSettings(URI.create(hs.server.url("/").toString()), "@bot:test",
        null, null, List.of(), "BG");
    MatrixPlatform p = new MatrixPlatform(none, in -> Reply.none(), Set.of(), state,
        new OkHttpClient(), Clock.systemUTC(), waits::add, Duration.ofMillis(100), () -> { });

    org.assertj.core.api.Assertions.assertThatThrownBy(p::start)
        .hasMessageContaining("neither MATRIX_ACCESS_TOKEN (matrix.access_token) nor MATRIX_PASSWORD");
  }

  @Test
  void specShapedSync_isReadWithoutError() throws Exception {
    java.nio.file.Path example = org.backgrounder.TestPaths.resource("matrix/sync-response.json");
    startWithFirstSync("{\"next_batch\":\"s1\"}");

    bot.handleBatch(FakeHomeserver.JSON.readTree(java.nio.file.Files.readString(example)));

    // Its one message is not addressed to the bot; its invite is not from an allowed user; its
    // timeline is limited, so the gap is fetched.
    assertThat(asked).isEmpty();
    assertThat(hs.count("/join?")).isZero();
    assertThat(hs.requests.stream().filter(r -> r.getPath().endsWith("/join")).count()).isZero();
    assertThat(hs.count("/leave")).isEqualTo(1);
    assertThat(hs.count("/messages")).isEqualTo(1);
  }
}

package org.backgrounder.chat.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.RecordedRequest;
import org.backgrounder.Eventually;
import org.backgrounder.chat.Incoming;
import org.backgrounder.config.MatrixSettings;
import org.backgrounder.config.Secret;
import org.backgrounder.store.Database;
import org.backgrounder.store.KeyValues;
import org.backgrounder.store.SqlKeyValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the Matrix adapter over one store, each with a homeserver of its own so their
 * requests can be told apart: only the leader syncs, and when leadership moves the new leader
 * carries on from the position the old one stored, answering what was said meanwhile rather
 * than skipping it as a first sync's backlog.
 */
class MatrixLeadershipTest {

  private static final String ROOM = "!room:test";
  private static final String SINCE = "matrix:@bot:test:since";

  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<Incoming> askedA = Collections.synchronizedList(new ArrayList<>());
  private final List<Incoming> askedB = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean aLeads = new AtomicBoolean(true);
  private final AtomicBoolean bLeads = new AtomicBoolean(false);
  private KeyValues shared;

  @BeforeEach
  void store() {
    Database db = Database.inMemory();
    open.add(db);
    shared = new SqlKeyValues(db, Clock.systemUTC());
  }

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private MatrixPlatform replica(FakeHomeserver hs, List<Incoming> asked, AtomicBoolean leads)
      throws Exception {
    MatrixSettings settings = new MatrixSettings(URI.create(hs.server.url("/").toString()),
        "@bot:test", Secret.of("test-token-not-real"), null, List.of("@*:test"), "BG");
    MatrixPlatform p = new MatrixPlatform(settings, in -> {
      asked.add(in);
      return MatrixPlatformTest.reply("Answer to " + in.text());
    }, Set.of("sources", "help"), shared, new OkHttpClient(), Clock.systemUTC(),
        d -> Thread.sleep(Math.min(d.toMillis(), 50)), Duration.ofMillis(200), () -> { },
        leads::get);
    p.start();
    open.add(p::close);
    return p;
  }

  private FakeHomeserver homeserver() throws Exception {
    FakeHomeserver hs = new FakeHomeserver();
    open.add(hs);
    return hs;
  }

  private static List<String> syncs(FakeHomeserver hs) {
    synchronized (hs.requests) {
      return hs.requests.stream().map(RecordedRequest::getPath)
          .filter(p -> p.contains("/sync")).toList();
    }
  }

  @Test
  void onlyTheLeaderSyncs_andANewLeaderCarriesOnFromTheStoredPosition() throws Exception {
    FakeHomeserver hsA = homeserver();
    FakeHomeserver hsB = homeserver();
    hsA.queueSync(FakeHomeserver.batch("s1", ROOM,
        FakeHomeserver.message("$old", "@alice:test", "!bg help")));
    MatrixPlatform a = replica(hsA, askedA, aLeads);
    MatrixPlatform b = replica(hsB, askedB, bLeads);
    hsA.queueSync(FakeHomeserver.batch("s2", ROOM,
        FakeHomeserver.message("$q1", "@alice:test", "!bg sources palantir")));
    Eventually.await(Duration.ofSeconds(10), () -> askedA.size() == 1
        && hsA.sentMessages().size() == 1);
    Eventually.await(Duration.ofSeconds(10), b::connected);

    assertThat(syncs(hsB)).as("a follower does not sync").isEmpty();
    assertThat(hsB.count("/account/whoami")).as("but it is signed in, to post").isEqualTo(1);

    // Leadership moves: A stops syncing (its long-poll in flight is dropped unread) ...
    aLeads.set(false);
    Eventually.await(Duration.ofSeconds(10), () -> {
      int before = syncs(hsA).size();
      try {
        Thread.sleep(600);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return syncs(hsA).size() == before;
    });
    String stored = shared.get(SINCE).orElseThrow();
    // ... and B, now leading, syncs from where A stopped and answers what was said meanwhile.
    hsB.queueSync(FakeHomeserver.batch("s9", ROOM,
        FakeHomeserver.message("$q2", "@bob:test", "!bg sources sheinbaum")));
    bLeads.set(true);
    Eventually.await(Duration.ofSeconds(10), () -> hsB.sentMessages().size() == 1);

    assertThat(syncs(hsB).get(0)).contains("since=" + stored);
    assertThat(askedB).extracting(Incoming::text).containsExactly("/sources sheinbaum");
    assertThat(askedA).extracting(Incoming::text).containsExactly("/sources palantir");
    assertThat(hsA.sentMessages()).hasSize(1);
    Eventually.await(Duration.ofSeconds(10), () -> !shared.get(SINCE).equals(Optional.of(stored)));
  }
}

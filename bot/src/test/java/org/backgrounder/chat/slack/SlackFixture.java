package org.backgrounder.chat.slack;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.backgrounder.chat.ChatException;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.Reply;
import org.backgrounder.chat.User;
import org.backgrounder.config.Secret;
import org.backgrounder.config.SlackSettings;
import org.backgrounder.store.KeyValues;

/**
 * The real adapter (real Bolt app, real SDK clients) against a fake Slack on 127.0.0.1: the Web
 * API on MockWebServer and, in Socket Mode, a local WebSocket server. The handler records what
 * it was asked and answers with {@link #answering}; waits are recorded instead of slept.
 */
final class SlackFixture implements AutoCloseable {

  static final String BOT_TOKEN = "xoxb-test-not-real";
  static final String APP_TOKEN = "xapp-test-not-real";
  static final String SIGNING_SECRET = "signing-secret-test-not-real";
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  /** A thumbs press as the sink received it. */
  record Verdict(User user, Reply.Feedback about, boolean helpful, Instant at) {}

  final FakeWebApi api;
  final FakeSocketMode socket;
  final TestClock clock = new TestClock(START);
  final List<Incoming> asked = new CopyOnWriteArrayList<>();
  final List<Duration> waits = new CopyOnWriteArrayList<>();
  final List<Verdict> verdicts = new CopyOnWriteArrayList<>();
  /** Answers the adapter could not post (what it reports to the chat-errors metric). */
  final AtomicInteger answersFailed = new AtomicInteger();
  volatile Function<Incoming, Reply> answering = in -> Replies.answer(in.text());
  final SlackPlatform platform;
  private boolean closed;

  private SlackFixture(SlackSettings.Mode mode, String listen, Optional<KeyValues> shared)
      throws Exception {
    api = new FakeWebApi();
    if (mode == SlackSettings.Mode.SOCKET) {
      socket = new FakeSocketMode(SlackCorpus.hello()).begin();
      api.socketUrl(socket.url());
    } else {
      socket = null;
    }
    SlackSettings settings = new SlackSettings(mode, Secret.of(BOT_TOKEN), Secret.of(APP_TOKEN),
        Secret.of(SIGNING_SECRET), api.apiUrl(), listen);
    platform = SlackPlatform.create(settings, in -> {
      asked.add(in);
      return answering.apply(in);
    }, (user, about, helpful, at) -> verdicts.add(new Verdict(user, about, helpful, at)), clock,
        new SlackPlatform.Tuning(waits::add, Duration.ofMillis(100), Duration.ofSeconds(5),
            Duration.ofSeconds(5)), answersFailed::incrementAndGet, shared);
  }

  /** Socket Mode, started and greeted. */
  static SlackFixture socketMode() throws Exception {
    SlackFixture f = new SlackFixture(SlackSettings.Mode.SOCKET, null, Optional.empty());
    f.start();
    f.socket.awaitOpened(1);
    return f;
  }

  /** HTTP mode on a free port of 127.0.0.1, started. */
  static SlackFixture httpMode() throws Exception {
    return httpMode(Optional.empty());
  }

  /** HTTP mode, claiming events in {@code shared} as replicas sharing a store do. */
  static SlackFixture httpMode(Optional<KeyValues> shared) throws Exception {
    SlackFixture f = new SlackFixture(SlackSettings.Mode.HTTP, "127.0.0.1:0", shared);
    f.start();
    return f;
  }

  private void start() throws Exception {
    try {
      platform.start();
    } catch (ChatException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Closes the adapter, which waits for answers in flight: after this, counts are final. */
  void finish() {
    if (!closed) {
      closed = true;
      platform.close();
    }
  }

  @Override
  public void close() throws IOException {
    finish();
    if (socket != null) {
      try {
        socket.shutdown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    api.close();
  }
}

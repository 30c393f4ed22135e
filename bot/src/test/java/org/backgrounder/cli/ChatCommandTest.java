package org.backgrounder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.backgrounder.Eventually;
import org.backgrounder.TestPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chat} in-process, typed into through a pipe: it polls the feeds in the background (from
 * MockWebServer on 127.0.0.1) without holding up an answer, reloads edited fact files, and lets the
 * person at the terminal run admin commands.
 */
class ChatCommandTest {

  @TempDir
  Path tmp;

  private final MockWebServer feeds = new MockWebServer();
  private final CountDownLatch feedMayAnswer = new CountDownLatch(1);
  private final AtomicInteger feedRequests = new AtomicInteger();
  private Path config;
  private Chat chat;

  @BeforeEach
  void setUp() throws IOException {
    String atom = Files.readString(TestPaths.resource(
        "stories/port-strike/snapshots/gulf-freight-review.atom"));
    feeds.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        feedRequests.incrementAndGet();
        feedMayAnswer.await(20, TimeUnit.SECONDS);
        return new MockResponse().addHeader("Content-Type", "application/atom+xml").setBody(atom);
      }
    });
    feeds.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    config = Files.createDirectories(tmp.resolve("config"));
    Files.createDirectories(config.resolve("facts"));
    Files.copy(TestPaths.resource("stories/port-strike/facts/port-strike.yaml"),
        config.resolve("facts/port-strike.yaml"));
    Files.writeString(config.resolve("feeds.yaml"), String.join("\n",
        "feeds:",
        "  - id: gulf-freight-review",
        "    url: " + feeds.url("/feed.atom"),
        "    outlet: Gulf Freight Review",
        ""));
    Files.writeString(config.resolve("backgrounder.yaml"),
        "feeds: { allow_private_addresses: true }\n");
  }

  @AfterEach
  void tearDown() throws Exception {
    feedMayAnswer.countDown();
    if (chat != null) {
      chat.quit();
    }
    feeds.shutdown();
  }

  /** A chat running on its own thread, typed into through a pipe. */
  private final class Chat {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final PipedOutputStream keys = new PipedOutputStream();
    final Thread thread;
    volatile int status = -1;

    Chat(String... options) throws IOException {
      PipedInputStream in = new PipedInputStream(keys);
      List<String> args = new ArrayList<>(List.of("--config", config.toString(), "--data",
          tmp.resolve("data").toString(), "chat"));
      args.addAll(List.of(options));
      InputStream before = System.in;
      System.setIn(in);
      thread = new Thread(() -> {
        try {
          status = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
              .execute(args.toArray(String[]::new));
        } finally {
          System.setIn(before);
        }
      }, "test-chat");
      thread.start();
    }

    void type(String line) throws IOException {
      keys.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      keys.flush();
    }

    boolean shows(String text) {
      return out.toString().contains(text);
    }

    void waitFor(String text) {
      Eventually.await(Duration.ofSeconds(20), () -> shows(text));
    }

    int quit() throws Exception {
      if (thread.isAlive()) {
        type("/quit");
        keys.close();
      }
      thread.join(TimeUnit.SECONDS.toMillis(20));
      assertThat(thread.isAlive()).as("chat ended").isFalse();
      return status;
    }
  }

  @Test
  void chat_answersAtOnceWhileTheFeedsAreStillBeingFetched_thenSaysWhatCameOfIt()
      throws Exception {
    chat = new Chat();
    chat.waitFor("Fetching 1 feed in the background");
    Eventually.await(Duration.ofSeconds(20), () -> feedRequests.get() == 1);

    chat.type("Who won the crane automation contract?");
    chat.waitFor("Kestrel");

    assertThat(feedMayAnswer.getCount()).as("the feed has not answered yet").isEqualTo(1);
    assertThat(chat.shows("Fetched")).isFalse();
    feedMayAnswer.countDown();
    chat.waitFor("Fetched 1 feed: 5 new items.");
    chat.type("/latest");
    chat.waitFor("Veracruz dockworkers end strike with 9% raise");
    assertThat(chat.quit()).isZero();
    assertThat(chat.out.toString()).containsOnlyOnce("Fetching").containsOnlyOnce("Fetched");
  }

  @Test
  void chat_startedAgainSoon_doesNotFetchFeedsThatAreNotDue() throws Exception {
    feedMayAnswer.countDown();
    chat = new Chat();
    chat.waitFor("Fetched 1 feed: 5 new items.");
    assertThat(chat.quit()).isZero();

    chat = new Chat();
    chat.type("/feeds");
    chat.waitFor("1 feed, all healthy.");

    assertThat(chat.quit()).isZero();
    assertThat(chat.out.toString()).doesNotContain("Fetching").doesNotContain("Fetched");
    assertThat(feedRequests.get()).isEqualTo(1);
  }

  @Test
  void chat_offline_fetchesNothing_andFeedsSaysNotPolledYet() throws Exception {
    chat = new Chat("--offline");
    chat.type("/feeds");
    chat.waitFor("not polled yet");

    assertThat(chat.quit()).isZero();
    assertThat(feedRequests.get()).isZero();
    assertThat(chat.out.toString()).doesNotContain("Fetching").doesNotContain("all healthy")
        .contains("1 feed, not polled yet");
  }

  @Test
  void chat_banner_readsAsASentence_andNamesTheTerminalUsersId() throws Exception {
    chat = new Chat("--offline");
    chat.waitFor("Backgrounder: ask me about");
    assertThat(chat.quit()).isZero();

    assertThat(chat.out.toString()).contains("Backgrounder: ask me about the story \u201cDockworkers"
        + " strike at the Port of Veracruz\u201d, from the desk's fact files and recent coverage.")
        .contains("You are " + org.backgrounder.chat.console.ConsoleChat.localUser().qualifiedId()
            + " here");
  }

  @Test
  void chat_localUser_isAdmin_andFactFileEditsReachTheChat() throws Exception {
    chat = new Chat("--offline");
    chat.type("/reload");
    chat.waitFor("The fact files serving now: 1 story");
    Path facts = config.resolve("facts/port-strike.yaml");
    String yaml = Files.readString(facts);
    Files.writeString(facts, yaml.replace("title: Dockworkers strike at the Port of Veracruz",
        "title: The Veracruz dockworkers' strike"));
    chat.waitFor("Reloaded the fact files: 1 story");
    Files.writeString(facts, yaml.replace("version: 1", "version: 1\nnot_a_key: 1"));
    chat.waitFor("The fact files have errors");

    assertThat(chat.quit()).isZero();
    assertThat(chat.out.toString()).doesNotContain("for the desk's admins")
        .contains("not_a_key");
  }

  @Test
  void chat_reloadTypedRightAfterAnEdit_saysReloadedOnce() throws Exception {
    chat = new Chat("--offline");
    chat.waitFor("Backgrounder: ask me about");
    Path facts = config.resolve("facts/port-strike.yaml");
    Files.writeString(facts, Files.readString(facts).replace(
        "title: Dockworkers strike at the Port of Veracruz", "title: The Veracruz strike"));

    chat.type("/reload");
    chat.waitFor("Reloaded the fact files: 1 story");
    chat.type("/reload");
    chat.waitFor("(nothing changed)");

    assertThat(chat.quit()).isZero();
    assertThat(chat.out.toString()).containsOnlyOnce("Reloaded the fact files");
  }

  @Test
  void chat_secondChatOnTheSameData_isRefusedWithAPlainMessage() throws Exception {
    chat = new Chat("--offline");
    chat.waitFor("Backgrounder: ask me about");

    CliTest.Run second = CliTest.run("--config", config.toString(), "--data",
        tmp.resolve("data").toString(), "chat", "--offline");

    assertThat(second.status()).isEqualTo(1);
    assertThat(second.err()).contains("another Backgrounder is using " + tmp.resolve("data"))
        .doesNotContain("LockObtainFailedException");
    assertThat(chat.quit()).isZero();
  }
}

package org.backgrounder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backgrounder.Eventually;
import org.backgrounder.TestPaths;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.PlainText;
import org.backgrounder.chat.Reply;
import org.backgrounder.chat.Room;
import org.backgrounder.chat.User;
import org.backgrounder.config.Settings;
import org.backgrounder.store.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running bot ({@code run}'s service) with a fake chat platform, through the front door. */
class ServiceTest {

  private static final User EDITOR = new User("slack", "UADMIN", "Editor", false);
  private static final User REPORTER = new User("slack", "UREPORTER", "Reporter", false);
  private static final Room ROOM = new Room("slack", "C0NEWS", false, Optional.empty());
  private static final String OLD = "his first day back in office";

  @TempDir
  Path tmp;

  private Path facts;
  private Wiring wiring;
  private Service service;
  private final FakePlatform slack = new FakePlatform("slack");

  @BeforeEach
  void start() throws Exception {
    Path config = Files.createDirectories(tmp.resolve("config"));
    facts = Files.createDirectories(config.resolve("facts"));
    Files.copy(TestPaths.shippedConfig().resolve("facts/cartels-fto.yaml"),
        facts.resolve("cartels-fto.yaml"));
    Files.writeString(config.resolve("backgrounder.yaml"), String.join("\n",
        "admins: [\"slack:UADMIN\"]",
        "admin_channel: { platform: slack, channel: C0ADMIN }",
        "http: { listen: \"127.0.0.1:0\" }",
        ""));
    top = new BackgrounderCommand();
    top.config = config;
    top.data = tmp.resolve("data");
    startService();
  }

  private BackgrounderCommand top;

  private void startService() throws Exception {
    wiring = Wiring.open(top);
    service = new Service(wiring, new Platforms(Map.of(Settings.Platform.SLACK, slack)),
        new Service.Timing(Duration.ofMillis(100), Duration.ofHours(1), Duration.ofHours(1),
            Duration.ofHours(1)));
    service.start();
  }

  @AfterEach
  void stop() throws IOException {
    service.close();
    wiring.close();
  }

  private String ask(User user, String text) {
    return PlainText.render(wiring.dispatcher().handle(new Incoming(user, ROOM, text, "m",
        Instant.now())));
  }

  /** Writes the shipped fact file with {@code from} replaced, with a new modification time. */
  private void edit(String from, String to) throws IOException {
    Path file = facts.resolve("cartels-fto.yaml");
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
  }

  @Test
  void factFileEdits_validGoLive_invalidKeepTheLastGoodVersionAndTellTheAdminChannel()
      throws IOException {
    assertThat(ask(REPORTER, "/fact eo-signed")).contains(OLD);

    edit(OLD, "the day of his second inauguration");
    // Waits on the facts the answers use, not by asking: asking every 10 ms would spend the
    // reporter's 20 questions a minute while a busy machine takes its time to reload
    Eventually.await(Duration.ofSeconds(10), () -> wiring.index.factBase().allFacts().stream()
        .anyMatch(f -> f.fact().text().contains("his second inauguration")));
    assertThat(ask(REPORTER, "/fact eo-signed")).contains("his second inauguration")
        .doesNotContain(OLD);

    edit("    date: 2025-01-20\n", "    date: 2025-13-45\n");
    Eventually.await(Duration.ofSeconds(10), () -> !slack.sent.isEmpty());

    assertThat(ask(REPORTER, "/fact eo-signed")).contains("his second inauguration");
    FakePlatform.Sent note = slack.sent.get(0);
    assertThat(note.room().id()).isEqualTo("C0ADMIN");
    assertThat(note.reply().kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(PlainText.render(note.reply())).containsPattern("cartels-fto\\.yaml:\\d+:\\d+: ")
        .contains("last good version");
  }

  @Test
  void restart_withABrokenFactFile_refusesToStartAndPrintsEveryError() throws Exception {
    service.close();
    wiring.close();
    edit("    date: 2025-01-20\n", "    date: 2025-13-45\n");
    List<String> lines = Files.readAllLines(facts.resolve("cartels-fto.yaml"));
    int line = lines.indexOf("    date: 2025-13-45") + 1;

    assertThatThrownBy(() -> Wiring.open(top)).isInstanceOf(UserError.class)
        .hasMessageContaining("cartels-fto.yaml:" + line + ":11: 'date' must be a date")
        .hasMessageContaining("fix them (backgrounder check shows them again) and start again");
    edit("    date: 2025-13-45\n", "    date: 2025-01-20\n");
    startService(); // so that @AfterEach has a service to stop
  }

  @Test
  void reload_isForAdminsAndSaysWhatItServes() {
    assertThat(ask(REPORTER, "/reload")).contains("for the desk's admins");
    assertThat(ask(EDITOR, "/reload")).contains("1 story").contains("facts");
    assertThat(ask(REPORTER, "/digest --post")).contains("for the desk's admins");
    assertThat(ask(EDITOR, "/digest --post")).contains("No digests are configured");
  }

  @Test
  void digestPost_withoutDashes_isNoLongerAnAlias() {
    assertThat(ask(EDITOR, "/digest post")).contains("There is no story 'post'")
        .doesNotContain("No digests are configured");
  }

  @Test
  void questions_areAuditedWithTheirFactsAndLinks_andCounted() throws Exception {
    String answer = ask(REPORTER, "who designated the cartels as terrorist organizations?");
    assertThat(answer).contains("https://");

    var entries = wiring.audit.between(Instant.EPOCH, Instant.now().plusSeconds(1));
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.user()).isEqualTo("slack:UREPORTER");
      assertThat(e.question()).isEqualTo("who designated the cartels as terrorist organizations?");
      assertThat(e.facts()).isNotEmpty();
      assertThat(e.links()).isNotEmpty().allSatisfy(l -> assertThat(answer).contains(l));
      assertThat(e.verdict()).contains("answered");
    });

    assertThat(get("/metrics").body())
        .contains("backgrounder_questions_total{outcome=\"answered\"} 1")
        .contains("backgrounder_answer_seconds_count 1");
  }

  @Test
  void feedback_isKeptInTheAuditStore() {
    org.backgrounder.command.Audit.feedback(wiring.audit).record(REPORTER,
        new Reply.Feedback("palantir?", java.util.List.of("cartels-fto/palantir"),
            java.util.List.of("https://example.org/x")), false, Instant.now());
    assertThat(wiring.audit.between(Instant.EPOCH, Instant.now().plusSeconds(1)))
        .extracting(AuditLog.Entry::kind, AuditLog.Entry::verdict)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("feedback", Optional.of("not-helpful")));
  }

  @Test
  void opsEndpoint_healthAndReadinessFollowThePlatforms() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    HttpResponse<String> ready = get("/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("slack: ok");

    slack.connected = false;
    HttpResponse<String> notReady = get("/readyz");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.body()).contains("slack: not ready");
    assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  void readyz_whenTheIndexNoLongerAnswers_isNotReady() throws Exception {
    wiring.index.close();

    HttpResponse<String> r = get("/readyz");

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("index: not ready").contains("slack: ok");
  }

  @Test
  void close_stopsThePlatforms() {
    service.close();
    assertThat(slack.closed).isTrue();
  }

  private HttpResponse<String> get(String path) throws Exception {
    var address = service.opsAddress().orElseThrow();
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + address.getPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}

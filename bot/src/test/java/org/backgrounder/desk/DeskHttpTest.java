package org.backgrounder.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backgrounder.TestPaths;
import org.backgrounder.config.Secret;
import org.backgrounder.config.Settings;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFileLoader;
import org.backgrounder.ops.Metrics;
import org.backgrounder.ops.OpsServer;
import org.backgrounder.store.AuditLog;
import org.backgrounder.store.Database;
import org.backgrounder.store.SqlAuditLog;
import org.backgrounder.store.SqlAuditReview;
import org.backgrounder.store.SqlDigestLedger;
import org.backgrounder.store.SqlFeedReview;
import org.backgrounder.store.SqlFeedStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The desk over plain HTTP, no browser: sign-in, escaping, the one write, the CSV. */
class DeskHttpTest {

  /** Obviously not a real token. */
  static final String TOKEN = "fake-desk-token-for-tests-0000";
  static final String HOSTILE = "<script>alert('desk')</script> who paid palantir?";

  private final Database db = Database.inMemory();
  private final HttpClient http = HttpClient.newHttpClient();
  private OpsServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    db.close();
  }

  private void start(String token, boolean showAskers) throws IOException {
    FactBase facts = FactBase.of(FactFileLoader.standard()
        .load(TestPaths.shippedConfig().resolve("facts"), Object::toString).files());
    SqlAuditLog audit = new SqlAuditLog(db);
    Instant now = Instant.now();
    audit.add(new AuditLog.Entry(now.minusSeconds(60), "question", "slack:UHOSTILE", HOSTILE,
        List.of("palantir-contract"), List.of(), Optional.of("declined")));
    audit.add(new AuditLog.Entry(now.minusSeconds(30), "question", "matrix:@r:example.org",
        "<SCRIPT>alert('desk')</script> Who paid Palantir", List.of(), List.of(),
        Optional.of("declined")));
    audit.add(new AuditLog.Entry(now.minusSeconds(10), "feedback", "slack:UREPORTER",
        "who designated the cartels?", List.of("fto-designation"),
        List.of("javascript:alert(1)", "https://not-on-file.example/x"),
        Optional.of("not-helpful")));
    DeskSources src = new DeskSources(() -> facts, new SqlAuditReview(db),
        new SqlFeedReview(db), new SqlFeedStore(db), List::of, new SqlDigestLedger(db),
        List.of(), facts::holdsLink, Duration.ofDays(90), Clock.systemUTC());
    server = OpsServer.start(new InetSocketAddress("127.0.0.1", 0), new Metrics(),
        () -> Map.of("index", true),
        Desk.create(new Settings.Desk(Secret.of(token), showAskers), src));
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form, String... headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }

  @Test
  void noToken_theDeskIsOffAndSaysHowToTurnItOn_opsEndpointsUnchanged() throws Exception {
    start("", true);

    HttpResponse<String> desk = get("/desk/");
    assertThat(desk.statusCode()).isEqualTo(404);
    assertThat(desk.body()).contains("BACKGROUNDER_DESK_TOKEN").contains("desk.token");
    assertThat(get("/desk/gaps", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
    assertThat(get("/healthz").body()).isEqualTo("ok\n");
    assertThat(get("/metrics").statusCode()).isEqualTo(200);
    assertThat(get("/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void withoutSignIn_pagesRedirectToTheForm_andEverythingElseIs401() throws Exception {
    start(TOKEN, true);

    for (String page : List.of("/desk/", "/desk/gaps", "/desk/feedback", "/desk/facts",
        "/desk/feeds", "/desk/timeline")) {
      HttpResponse<String> r = get(page);
      assertThat(r.statusCode()).as(page).isEqualTo(303);
      assertThat(r.headers().firstValue("Location")).as(page).contains("/desk/sign-in");
    }
    assertThat(get("/desk/gaps.csv").statusCode()).isEqualTo(401);
    assertThat(post("/desk/gaps/handled", "key=x").statusCode()).isEqualTo(401);
    assertThat(get("/desk/gaps", "Authorization", "Bearer wrong-token").statusCode())
        .isEqualTo(401);
    assertThat(get("/desk/gaps", "Authorization", "Bearer " + TOKEN + "x").statusCode())
        .isEqualTo(401);
    assertThat(get("/desk/gaps", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void signInForm_refusesAWrongToken_andTheRightOneSetsAStrictHttpOnlyCookie() throws Exception {
    start(TOKEN, true);

    HttpResponse<String> wrong = post("/desk/sign-in", "token=not-the-token");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(wrong.body()).contains("not the desk's token");

    HttpResponse<String> right = post("/desk/sign-in", "token=" + TOKEN);
    assertThat(right.statusCode()).isEqualTo(303);
    String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("desk_session=").contains("HttpOnly")
        .contains("SameSite=Strict").contains("Path=/desk").doesNotContain(TOKEN);
    String session = cookie.substring(0, cookie.indexOf(';'));
    assertThat(get("/desk/feedback", "Cookie", session).statusCode()).isEqualTo(200);
    assertThat(get("/desk/feedback", "Cookie", "desk_session=forged").statusCode())
        .isEqualTo(303);

    assertThat(post("/desk/sign-out", "", "Cookie", session).statusCode()).isEqualTo(303);
    assertThat(get("/desk/feedback", "Cookie", session).statusCode()).isEqualTo(303);
  }

  @Test
  void hostileQuestionsAndLinks_areShownAsText() throws Exception {
    start(TOKEN, true);

    String gaps = get("/desk/gaps", "Authorization", "Bearer " + TOKEN).body();
    assertThat(gaps).doesNotContainIgnoringCase("<script>alert")
        .contains("&lt;SCRIPT&gt;alert('desk')&lt;/script&gt; Who paid Palantir");
    String feedback = get("/desk/feedback", "Authorization", "Bearer " + TOKEN).body();
    assertThat(feedback).doesNotContain("href=\"javascript:")
        .doesNotContain("href=\"https://not-on-file.example/x\"")
        .contains("javascript:alert(1)").contains("https://not-on-file.example/x");
    HttpResponse<String> r = get("/desk/", "Authorization", "Bearer " + TOKEN);
    assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("default-src 'none'"));
  }

  @Test
  void factsPage_linksOnlyFactFileSources_withNoopenerNoreferrer() throws Exception {
    start(TOKEN, true);

    String facts = get("/desk/facts?status=reported", "Authorization", "Bearer " + TOKEN).body();
    assertThat(facts).contains("rel=\"noopener noreferrer\"").contains("href=\"https://")
        .contains("<span class=\"tag reported\">reported</span>")
        .doesNotContain("<span class=\"tag confirmed\">");
  }

  @Test
  void askers_areHiddenWhenTheSettingSaysSo() throws Exception {
    start(TOKEN, false);

    String gaps = get("/desk/gaps", "Authorization", "Bearer " + TOKEN).body();
    assertThat(gaps).doesNotContain("UHOSTILE").doesNotContain("@r:example.org")
        .contains("slack, matrix");
    assertThat(get("/desk/gaps.csv", "Authorization", "Bearer " + TOKEN).body())
        .doesNotContain("UHOSTILE").contains("(hidden)");
  }

  @Test
  void markHandled_isRecorded_andTheCsvHasOneRowPerGroup() throws Exception {
    start(TOKEN, true);
    String key = SqlAuditReviewKey.of(HOSTILE);

    HttpResponse<String> other = post("/desk/gaps/handled", "key=x", "Authorization",
        "Bearer " + TOKEN, "Origin", "http://evil.example");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(post("/desk/gaps/handled", "key=no+such+gap", "Authorization", "Bearer " + TOKEN)
        .statusCode()).isEqualTo(404);
    HttpResponse<String> done = post("/desk/gaps/handled", "key="
        + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8),
        "Authorization", "Bearer " + TOKEN);
    assertThat(done.statusCode()).isEqualTo(303);

    assertThat(get("/desk/gaps", "Authorization", "Bearer " + TOKEN).body())
        .contains("handled ");
    HttpResponse<String> csv = get("/desk/gaps.csv", "Authorization", "Bearer " + TOKEN);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
        assertThat(t).startsWith("text/csv"));
    List<String> lines = csv.body().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo(
        "question,times,last_asked,platforms,last_asker,suggested_facts,handled_at");
    assertThat(lines.get(1)).startsWith("<SCRIPT>alert('desk')</script> Who paid Palantir,2,")
        .contains(",\"slack, matrix\",").contains("matrix:@r:example.org").endsWith(" UTC");
  }
}

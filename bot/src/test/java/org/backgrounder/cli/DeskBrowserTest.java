package org.backgrounder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.backgrounder.Eventually;
import org.backgrounder.TestPaths;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.Reply;
import org.backgrounder.chat.Room;
import org.backgrounder.chat.User;
import org.backgrounder.command.Audit;
import org.backgrounder.config.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The desk's page in a real browser, over a data folder filled the way the bot fills it:
 * questions asked through the dispatcher and its audit interceptor, a thumbs-down through the
 * feedback sink the platforms use, feeds polled by the running service from a local server.
 * Screenshots of each page go to target/desk-screenshots (the README's come from there).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskBrowserTest {

  /** Obviously not a real token. */
  private static final String TOKEN = "fake-desk-token-for-tests-0000";
  private static final String HOSTILE = "<script>alert('desk')</script> Did Palantir sell"
      + " drones to the Mexican navy? javascript:alert(1)";
  private static final User REPORTER = new User("slack", "UREPORTER", "Reporter", false);
  private static final User EDITOR = new User("matrix", "@editor:newsroom.example", "Editor",
      false);
  private static final Room SLACK = new Room("slack", "C0NEWS", false, Optional.empty());
  private static final Room MATRIX = new Room("matrix", "!news:newsroom.example", false,
      Optional.empty());
  private static final Path SHOTS = Path.of("target", "desk-screenshots");

  private Path tmp;
  private MockWebServer feeds;
  private BackgrounderCommand top;
  private Wiring wiring;
  private Service service;
  private ChromeDriver browser;

  @BeforeAll
  void seed() throws Exception {
    String missing = DeskBrowser.missing();
    assumeTrue(missing == null, missing);
    tmp = Files.createTempDirectory("desk-browser");
    feeds = new MockWebServer();
    feeds.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return "/wire.xml".equals(request.getPath())
            ? new MockResponse().setHeader("Content-Type", "application/rss+xml").setBody(rss())
            : new MockResponse().setHeader("Content-Type", "text/html")
                .setBody("<html><body>Moved to our new site</body></html>");
      }
    });
    feeds.start(InetAddress.getByName("127.0.0.1"), 0);
    Path config = Files.createDirectories(tmp.resolve("config"));
    Path facts = Files.createDirectories(config.resolve("facts"));
    // Reviewed a month ago, so the coverage polled below is newer than the review.
    Files.writeString(facts.resolve("cartels-fto.yaml"), Files.readString(TestPaths
        .shippedConfig().resolve("facts/cartels-fto.yaml")).replaceFirst("(?m)^  reviewed: .*$",
            "  reviewed: " + LocalDate.now(ZoneOffset.UTC).minusDays(30)));
    Files.writeString(config.resolve("feeds.yaml"), String.join("\n",
        "feeds:",
        "  - { id: wire, url: \"" + feeds.url("/wire.xml") + "\", outlet: Newsroom Wire }",
        "  - { id: moved, url: \"" + feeds.url("/moved.xml") + "\", outlet: Moved Daily }",
        ""));
    Files.writeString(config.resolve("backgrounder.yaml"), String.join("\n",
        "http: { listen: \"127.0.0.1:0\" }",
        "feeds: { allow_private_addresses: true }",
        "desk:",
        "  token: " + TOKEN,
        ""));
    top = new BackgrounderCommand();
    top.config = config;
    top.data = tmp.resolve("data");
    startService();
    Eventually.await(Duration.ofSeconds(20), () -> wiring.feedStore.lastSeq() >= 4
        && wiring.feedStore.state("moved").consecutiveFailures() > 0);

    Reply answered = ask(REPORTER, SLACK, "who designated the cartels as terrorist organizations?");
    assertThat(answered.kind()).isEqualTo(Reply.Kind.ANSWER);
    Audit.feedback(wiring.audit).record(REPORTER, answered.feedback().orElseThrow(), false,
        Instant.now());
    assertThat(ask(REPORTER, SLACK, "Did Palantir work with the Mexican navy?").kind())
        .isEqualTo(Reply.Kind.DECLINED);
    assertThat(ask(EDITOR, MATRIX, "did palantir work with the mexican navy").kind())
        .isEqualTo(Reply.Kind.DECLINED);
    assertThat(ask(EDITOR, MATRIX, HOSTILE).kind()).isEqualTo(Reply.Kind.DECLINED);
    browser = DeskBrowser.start(Files.createDirectories(tmp.resolve("profile")));
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.close();
      wiring.close();
    }
    if (feeds != null) {
      feeds.shutdown();
    }
    if (tmp != null) {
      try (var files = Files.walk(tmp)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void startService() throws Exception {
    wiring = Wiring.open(top);
    service = new Service(wiring, new Platforms(Map.<Settings.Platform, org.backgrounder.chat
        .ChatPlatform>of()), new Service.Timing(Duration.ofMillis(200), Duration.ofMillis(200),
            Duration.ofHours(1), Duration.ofHours(1)));
    service.start();
  }

  private Reply ask(User user, Room room, String text) {
    return wiring.dispatcher().handle(new Incoming(user, room, text, "m" + System.nanoTime(),
        Instant.now()));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + service.opsAddress().orElseThrow().getPort() + path;
  }

  /** Four items over the last days: about Palantir and the CIA, and about Sheinbaum. */
  private static String rss() {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
        + "<title>Newsroom Wire</title><link>https://wire.example/</link><description>w"
        + "</description>");
    String[][] items = {
        {"CIA widens use of Palantir software against cartels, officials say", "1"},
        {"Sheinbaum says Mexico will not accept U.S. strikes on cartels", "2"},
        {"Cartel violence: Sinaloa faction leaders arrested", "4"},
        {"Palantir and the CIA: what the cartel contract covers", "9"}};
    for (String[] i : items) {
      Instant when = Instant.now().minus(Duration.ofDays(Long.parseLong(i[1])));
      b.append("<item><title>").append(i[0]).append("</title><link>https://wire.example/")
          .append(i[1]).append("</link><guid>https://wire.example/").append(i[1])
          .append("</guid><pubDate>")
          .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(when.atZone(ZoneOffset.UTC)))
          .append("</pubDate></item>");
    }
    return b.append("</channel></rss>").toString();
  }

  private void signIn(String token) {
    browser.get(url("/desk/sign-in"));
    WebElement field = browser.findElement(By.name("token"));
    field.clear();
    field.sendKeys(token);
    submit(browser.findElement(By.cssSelector("form button[type=submit]")));
  }

  /**
   * Clicks a form's button and waits for the page it leads to: the old document's mark is gone
   * once the browser shows the new one (waiting for the button to go stale races in chromium).
   */
  private void submit(WebElement button) {
    browser.executeScript("window.deskTestMark = true");
    button.click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
        browser.executeScript("return window.deskTestMark === undefined"
            + " && document.readyState === 'complete'")));
  }

  @Test
  @Order(1)
  void signIn_isRequired_andAWrongTokenIsRefused() throws Exception {
    browser.get(url("/desk/gaps"));
    assertThat(browser.getCurrentUrl()).endsWith("/desk/sign-in");
    DeskBrowser.screenshot(browser, SHOTS.resolve("sign-in.png"));

    signIn("fake-but-wrong-token-000000");
    assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
        .contains("not the desk's token");
    browser.get(url("/desk/feeds"));
    assertThat(browser.getCurrentUrl()).endsWith("/desk/sign-in");

    signIn(TOKEN);
    assertThat(browser.getCurrentUrl()).endsWith("/desk/");
    Cookie session = browser.manage().getCookieNamed("desk_session");
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Strict");
  }

  @Test
  @Order(2)
  void overview_showsTheStoryTheQuestionsAndTheFeeds() throws Exception {
    browser.get(url("/desk/"));
    String text = browser.findElement(By.tagName("main")).getText();
    assertThat(text).contains("U.S. designates Mexican cartels as terrorist organizations")
        .contains("30 days ago").containsPattern("Today \\(UTC\\) 1 3 0 1")
        .contains("1\nhealthy").contains("1\nfailing");
    DeskBrowser.screenshot(browser, SHOTS.resolve("overview.png"));
  }

  @Test
  @Order(3)
  void gaps_groupTheDeclinedQuestions_andShowTheHostileOneAsText() throws Exception {
    browser.get(url("/desk/gaps"));
    List<WebElement> rows = browser.findElements(By.cssSelector("tr.gap"));
    assertThat(rows).hasSize(2);
    assertThat(rows).extracting(r -> r.findElement(By.cssSelector("td.question")).getText())
        .containsExactly(HOSTILE, "did palantir work with the mexican navy");
    assertThat(rows.get(1).getText()).contains("slack, matrix").contains("matrix:@editor");
    assertThat(rows.get(1).findElements(By.cssSelector("li"))).isNotEmpty();
    assertThat(browser.findElements(By.tagName("script"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
    assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    DeskBrowser.screenshot(browser, SHOTS.resolve("gaps.png"));
  }

  @Test
  @Order(4)
  void feedback_showsTheThumbsDownWithItsFactsAndLinks() throws Exception {
    browser.get(url("/desk/feedback"));
    WebElement row = browser.findElement(By.cssSelector("tr.feedback"));
    assertThat(row.getText()).contains("who designated the cartels as terrorist organizations?")
        .contains("slack:UREPORTER");
    List<WebElement> links = row.findElements(By.cssSelector("a"));
    assertThat(links).isNotEmpty().allSatisfy(a -> {
      assertThat(a.getAttribute("href")).startsWith("https://");
      assertThat(a.getAttribute("rel")).isEqualTo("noopener noreferrer");
    });
    DeskBrowser.screenshot(browser, SHOTS.resolve("feedback.png"));
  }

  @Test
  @Order(5)
  void facts_showCitationsAndTheCoverageNewerThanTheReview_filteredByStatus() throws Exception {
    browser.get(url("/desk/facts?status=reported"));
    List<WebElement> rows = browser.findElements(By.cssSelector("tr.fact"));
    assertThat(rows).isNotEmpty().allSatisfy(r ->
        assertThat(r.findElement(By.cssSelector(".tag")).getText()).isEqualTo("reported"));
    WebElement palantir = rows.stream().filter(r -> r.getText().startsWith(
        "palantir-anomaly-detection")).findFirst().orElseThrow();
    assertThat(palantir.findElements(By.cssSelector("a[href^='https://wire.example/']")))
        .hasSize(2);
    DeskBrowser.screenshot(browser, SHOTS.resolve("facts.png"));

    browser.get(url("/desk/facts"));
    assertThat(browser.findElements(By.cssSelector("tr.fact")).stream()
        .map(WebElement::getText).filter(t -> t.startsWith("fto-designation")).findFirst())
        .hasValueSatisfying(t -> assertThat(t).contains("0 / 1"));
  }

  @Test
  @Order(6)
  void feeds_sayWhatIsFailingInPlainWords_andChartTheItems() throws Exception {
    browser.get(url("/desk/feeds"));
    List<WebElement> rows = browser.findElements(By.cssSelector("tr.feed"));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getText()).contains("Newsroom Wire").contains("ok");
    assertThat(rows.get(0).findElements(By.cssSelector("svg rect")).stream()
        .filter(r -> !"0".equals(r.getAttribute("height"))).count()).isEqualTo(4);
    assertThat(rows.get(1).getText()).contains("Moved Daily").contains("failing")
        .contains("not a feed");
    DeskBrowser.screenshot(browser, SHOTS.resolve("feeds.png"));
  }

  @Test
  @Order(7)
  void timeline_listsTheDatedFactsInOrderWithSources() throws Exception {
    browser.get(url("/desk/timeline?story=cartels-fto"));
    List<WebElement> events = browser.findElements(By.cssSelector("tr.event"));
    assertThat(events).hasSizeGreaterThan(5);
    assertThat(events.get(0).findElements(By.cssSelector("a[rel='noopener noreferrer']")))
        .isNotEmpty();
    DeskBrowser.screenshot(browser, SHOTS.resolve("timeline.png"));
  }

  @Test
  @Order(8)
  void csvExport_holdsOneRowPerGroup() throws Exception {
    Cookie session = browser.manage().getCookieNamed("desk_session");
    HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(url("/desk/gaps.csv"))).header("Cookie", "desk_session=" + session.getValue())
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
        assertThat(d).contains("attachment"));
    List<String> lines = csv.body().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith(HOSTILE + ",1,").contains(",matrix,");
    assertThat(lines.get(2)).startsWith("did palantir work with the mexican navy,2,")
        .contains("\"slack, matrix\"");
  }

  @Test
  @Order(9)
  void markingAGapHandled_survivesARestart() throws Exception {
    browser.get(url("/desk/gaps"));
    WebElement navy = browser.findElements(By.cssSelector("tr.gap")).get(1);
    submit(navy.findElement(By.cssSelector("button")));
    assertThat(browser.getCurrentUrl()).contains("/desk/gaps");
    List<WebElement> rows = browser.findElements(By.cssSelector("tr.gap"));
    assertThat(rows.get(1).getText()).startsWith("did palantir work with the mexican navy")
        .contains("handled");

    service.close();
    wiring.close();
    startService();

    browser.get(url("/desk/gaps"));
    assertThat(browser.getCurrentUrl()).endsWith("/desk/sign-in"); // sessions end with the process
    signIn(TOKEN);
    browser.get(url("/desk/gaps"));
    rows = browser.findElements(By.cssSelector("tr.gap"));
    assertThat(rows.get(1).getText()).startsWith("did palantir work with the mexican navy")
        .contains("handled");
    assertThat(rows.get(1).findElements(By.cssSelector("button"))).isEmpty();
    assertThat(rows.get(0).findElements(By.cssSelector("button"))).hasSize(1);
  }
}

package org.backgrounder.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.backgrounder.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

  private static final Map<String, String> ENV = Map.of(
      "SLACK_BOT_TOKEN", "xoxb-test-not-a-real-token",
      "SLACK_APP_TOKEN", "xapp-test-not-a-real-token",
      "SLACK_SIGNING_SECRET", "test-signing-secret",
      "MATRIX_ACCESS_TOKEN", "test-matrix-token",
      "MATRIX_PASSWORD", "test-matrix-password");

  /** The example of spec/config.md, key for key. */
  private static final String SPEC_EXAMPLE = """
      admins: ["slack:U0123ABCD", "matrix:@editor:newsroom.example"]

      slack:
        mode: socket
        bot_token: ${SLACK_BOT_TOKEN}
        app_token: ${SLACK_APP_TOKEN}
        signing_secret: ${SLACK_SIGNING_SECRET}
        api_url: https://slack.com/api/

      matrix:
        homeserver: https://matrix.newsroom.example
        user: "@backgrounder:newsroom.example"
        access_token: ${MATRIX_ACCESS_TOKEN}
        password: ${MATRIX_PASSWORD}
        allowed_inviters: ["@*:newsroom.example"]

      feeds:
        user_agent: "Backgrounder/1.0 (+https://newsroom.example/bot)"
        allow_file_urls: false
        allow_private_addresses: false

      digests:
        - platform: matrix
          channel: "!AbCdEf:newsroom.example"
          at: "08:30"
          zone: America/Mexico_City
          days: [MON, TUE, WED, THU, FRI]
          stories: [cartels-fto]
          skip_if_empty: true
          grace: 6h

      admin_channel: { platform: slack, channel: C0123ABCD }

      http:
        listen: 127.0.0.1:9090
      """;

  private final SettingsLoader loader = SettingsLoader.withEnvironment(ENV);

  @Test
  void parse_specExample_readsEveryKey() throws ConfigException {
    Settings s = loader.parse(SPEC_EXAMPLE, "backgrounder.yaml");

    assertThat(s.admins()).containsExactly("slack:U0123ABCD", "matrix:@editor:newsroom.example");
    assertThat(s.slack().socketMode()).isTrue();
    assertThat(s.slack().botToken().reveal()).isEqualTo("xoxb-test-not-a-real-token");
    assertThat(s.slack().apiUrl()).isEqualTo(URI.create("https://slack.com/api/"));
    assertThat(s.matrix().homeserver()).isEqualTo(URI.create("https://matrix.newsroom.example"));
    assertThat(s.matrix().user()).isEqualTo("@backgrounder:newsroom.example");
    assertThat(s.matrix().allowedInviters()).containsExactly("@*:newsroom.example");
    assertThat(s.feeds().userAgent()).isEqualTo("Backgrounder/1.0 (+https://newsroom.example/bot)");
    assertThat(s.feeds().allowFileUrls()).isFalse();
    DigestSettings d = s.digests().get(0);
    assertThat(d.platform()).isEqualTo(Settings.Platform.MATRIX);
    assertThat(d.channel()).isEqualTo("!AbCdEf:newsroom.example");
    assertThat(d.at()).isEqualTo(LocalTime.of(8, 30));
    assertThat(d.zone()).isEqualTo(ZoneId.of("America/Mexico_City"));
    assertThat(d.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
        DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    assertThat(d.stories()).containsExactly("cartels-fto");
    assertThat(d.skipIfEmpty()).isTrue();
    assertThat(d.grace()).isEqualTo(Duration.ofHours(6));
    assertThat(s.adminChannel()).isEqualTo(new Settings.ChatTarget(Settings.Platform.SLACK, "C0123ABCD"));
    assertThat(s.http().listen()).isEqualTo("127.0.0.1:9090");
  }

  @Test
  void toString_ofSettingsWithSecrets_neverShowsThem() throws ConfigException {
    String printed = loader.parse(SPEC_EXAMPLE, "backgrounder.yaml").toString();

    for (String secret : ENV.values()) {
      assertThat(printed).doesNotContain(secret);
    }
    assertThat(printed).contains("****");
  }

  @Test
  void load_noFile_givesEveryDefault(@TempDir Path dir) throws ConfigException {
    Settings s = loader.load(dir, "backgrounder.yaml");

    assertThat(s).isEqualTo(Settings.defaults());
    assertThat(s.slack().configured()).isFalse();
    assertThat(s.matrix().configured()).isFalse();
    assertThat(s.http().listen()).isEqualTo("127.0.0.1:9090");
    assertThat(s.feeds().allowPrivateAddresses()).isFalse();
    assertThat(s.digests()).isEmpty();
  }

  @Test
  void parse_emptyOrCommentOnlyFile_givesDefaults() throws ConfigException {
    assertThat(loader.parse("", "b.yaml")).isEqualTo(Settings.defaults());
    assertThat(loader.parse("# nothing yet\n", "b.yaml")).isEqualTo(Settings.defaults());
  }

  @Test
  void load_shippedConfigWithNoEnvironment_startsNoChatPlatform() throws ConfigException {
    Settings s = SettingsLoader.withEnvironment(Map.of())
        .load(TestPaths.shippedConfig(), "config/backgrounder.yaml");

    assertThat(s.slack().configured()).isFalse();
    assertThat(s.matrix().configured()).isFalse();
    assertThat(s.feeds().allowFileUrls()).isFalse();
  }

  @Test
  void parse_missingVariable_isAnErrorThatNamesIt() {
    String text = "slack:\n  bot_token: ${NOT_SET_ANYWHERE}\n";

    assertThatThrownBy(() -> loader.parse(text, "b.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("b.yaml:2:14: environment variable NOT_SET_ANYWHERE is not set (set it, or"
            + " write ${NOT_SET_ANYWHERE:-} to make it optional)");
  }

  @Test
  void parse_optionalVariableUnset_leavesTheAdapterOff() throws ConfigException {
    Settings s = loader.parse("slack:\n  bot_token: ${NOT_SET_ANYWHERE:-}\n", "b.yaml");

    assertThat(s.slack().configured()).isFalse();
  }

  @Test
  void parse_unknownNestedKey_namesFileLineAndPath() {
    String text = "http:\n  listen: off\nslack:\n  mdoe: http\n";

    assertThatThrownBy(() -> loader.parse(text, "b.yaml"))
        .hasMessage("b.yaml:4:3: unknown key 'slack.mdoe'; did you mean 'mode'?");
  }

  @Test
  void parse_unknownTopLevelKey_listsTheKnownOnes() {
    assertThatThrownBy(() -> loader.parse("colour: blue\n", "b.yaml"))
        .hasMessageStartingWith("b.yaml:1:1: unknown key 'colour'; known keys here: admin_channel,"
            + " admins, answers, audit, desk, digests, feeds, http, limits, logging, matrix, slack,"
            + " store");
  }

  @Test
  void parse_desk_isOffWithoutAToken_andRefusesAShortOne() throws Exception {
    assertThat(loader.parse("http: { listen: \"127.0.0.1:9090\" }\n", "b.yaml").desk().enabled())
        .isFalse();
    Settings on = SettingsLoader.withEnvironment(java.util.Map.of("BACKGROUNDER_DESK_TOKEN",
        "fake-desk-token-for-tests-0000")).parse(
            "desk:\n  token: ${BACKGROUNDER_DESK_TOKEN:-}\n  show_askers: false\n", "b.yaml");
    assertThat(on.desk().enabled()).isTrue();
    assertThat(on.desk().showAskers()).isFalse();
    assertThat(on.desk().toString()).doesNotContain("fake-desk-token");
    assertThatThrownBy(() -> SettingsLoader.withEnvironment(java.util.Map.of(
        "BACKGROUNDER_DESK_TOKEN", "short")).parse("desk:\n  token: ${BACKGROUNDER_DESK_TOKEN}\n",
            "b.yaml")).hasMessageContaining("token must be at least 16 characters");
  }

  @Test
  void parse_store_isSqliteUnlessAPostgresqlUrlIsGiven() throws Exception {
    assertThat(loader.parse("", "b.yaml").store().postgresql()).isFalse();
    assertThat(loader.parse("store: { url: \"sqlite:\" }\n", "b.yaml").store().jdbcUrl()).isEmpty();
    Settings pg = SettingsLoader.withEnvironment(Map.of("DB_USER", "bot", "DB_PASSWORD",
        "fake-db-password-for-tests")).parse("store:\n  url: postgresql://db.internal:5433/bg\n"
            + "  user: ${DB_USER}\n  password: ${DB_PASSWORD}\n", "b.yaml");
    assertThat(pg.store().postgresql()).isTrue();
    assertThat(pg.store().jdbcUrl()).contains("jdbc:postgresql://db.internal:5433/bg");
    assertThat(pg.store().user()).isEqualTo("bot");
    assertThat(pg.toString()).doesNotContain("fake-db-password");
    assertThat(new StoreSettings("postgresql://db/bg", "bot", null).jdbcUrl())
        .contains("jdbc:postgresql://db:5432/bg");
  }

  @Test
  void parse_badStore_namesTheKeyAndNeverEchoesAPassword() {
    assertThatThrownBy(() -> loader.parse("store:\n  url: mysql://db/bg\n", "b.yaml"))
        .hasMessageContaining("'store': url must be sqlite: or postgresql://host:port/database;"
            + " found 'mysql://db/bg'");
    assertThatThrownBy(() -> loader.parse("store:\n  url: postgresql://db:5432\n  user: u\n",
        "b.yaml")).hasMessageContaining("url must name the database");
    assertThatThrownBy(() -> loader.parse("store:\n  url: postgresql://db:5432/bg\n", "b.yaml"))
        .hasMessageContaining("user is needed with a postgresql:// url");
    assertThatThrownBy(() -> loader.parse("store:\n  url: postgresql://u:hunter2@db/bg\n"
        + "  user: u\n", "b.yaml"))
        .hasMessageContaining("url must not hold a user or password")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    assertThatThrownBy(() -> loader.parse("store:\n  url: postgresql://db/bg?sslmode=require&"
        + "password=hunter2\n  user: u\n", "b.yaml"))
        .hasMessageContaining("url must not hold a user or password")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    assertThatThrownBy(() -> loader.parse("store:\n  user: u\n", "b.yaml"))
        .hasMessageContaining("user and password are for a postgresql:// url");
  }

  @Test
  void parse_badValues_sayWhatIsExpected() {
    assertThatThrownBy(() -> loader.parse("slack:\n  mode: carrier-pigeon\n", "b.yaml"))
        .hasMessage("b.yaml:2:9: 'slack.mode' must be one of socket, http; found 'carrier-pigeon'");
    assertThatThrownBy(() -> loader.parse(
        "digests:\n  - {platform: slack, channel: C1, at: \"08:30\", zone: Mars/Olympus}\n", "b.yaml"))
        .hasMessage("b.yaml:2:55: 'digests[0].zone': unknown time zone 'Mars/Olympus'; use an IANA"
            + " name such as America/Mexico_City");
    assertThatThrownBy(() -> loader.parse("feeds:\n  allow_file_urls: sometimes\n", "b.yaml"))
        .hasMessage("b.yaml:2:20: 'feeds.allow_file_urls' must be true or false; found 'sometimes'");
    assertThatThrownBy(() -> loader.parse("digests:\n  - {platform: slack, channel: C1, at: \"8h\"}\n",
        "b.yaml"))
        .hasMessageContaining("'digests[0].at': '8h' is not a time of day; write e.g. \"08:30\"");
    assertThatThrownBy(() -> loader.parse("admins: [U0123]\n", "b.yaml"))
        .hasMessage("b.yaml:1:10: 'admins[0]': admin 'U0123' must be written platform:user, e.g."
            + " slack:U0123ABCD or matrix:@editor:newsroom.example");
    assertThatThrownBy(() -> loader.parse("logging:\n  format: xml\n", "b.yaml"))
        .hasMessage("b.yaml:2:11: 'logging.format' must be one of text, json; found 'xml'");
  }

  @Test
  void parse_duplicateKey_isAnError() {
    assertThatThrownBy(() -> loader.parse("http:\n  listen: off\nhttp:\n  listen: off\n", "b.yaml"))
        .hasMessage("b.yaml:3:1: duplicate key 'http'");
  }

  @Test
  void parse_syntaxError_isReportedWithPosition() {
    assertThatThrownBy(() -> loader.parse("slack:\n\tmode: socket\n", "b.yaml"))
        .hasMessage("b.yaml:2:1: a tab character; YAML indents with spaces only (replace the tab"
            + " with spaces)");
  }

  @Test
  void load_binaryFile_isRefusedClearly(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("backgrounder.yaml"), new byte[] {1, 2, 0, 3});

    assertThatThrownBy(() -> loader.load(dir, "backgrounder.yaml"))
        .hasMessage("backgrounder.yaml:1:3: this is not a text file (it contains binary data); a"
            + " YAML file is plain UTF-8 text");
  }

  @Test
  void durations_readWhatEditorsWrite() {
    assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(Durations.parse("PT6H")).isEqualTo(Duration.ofHours(6));
    assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> Durations.parse("15 parsecs")).hasMessageContaining("not a duration");
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
  }

  @Test
  void durations_negativeOrTooLong_areClearErrors() {
    assertThatThrownBy(() -> Durations.parse("PT-5S")).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> Durations.parse("99999999999999999999h"))
        .hasMessage("'99999999999999999999h' is too long a duration");
    assertThatThrownBy(() -> Durations.parse("9999999999999999d"))
        .hasMessage("'9999999999999999d' is too long a duration");
  }

  @Test
  void parse_feedsUseProxy_isOffUnlessSaid() throws ConfigException {
    assertThat(loader.parse("feeds:\n  user_agent: x\n", "a.yaml").feeds().useProxy()).isFalse();
    assertThat(loader.parse("feeds:\n  use_proxy: true\n", "b.yaml").feeds().useProxy()).isTrue();
  }
}

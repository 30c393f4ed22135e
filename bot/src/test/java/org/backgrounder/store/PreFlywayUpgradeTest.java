package org.backgrounder.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.backgrounder.digest.DigestLedger;
import org.backgrounder.feeds.FeedItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A data folder from before Flyway (its schema counted in {@code PRAGMA user_version}) opens
 * with everything in it, is baselined at its count, and gets the scripts after it.
 */
class PreFlywayUpgradeTest {

  private static final Instant AT = Instant.parse("2025-06-17T08:00:00Z");

  /** What each table held in a file of {@code version}, written as that version wrote it. */
  private static void writeRows(Connection c, int version) throws SQLException {
    long at = AT.toEpochMilli();
    try (Statement s = c.createStatement()) {
      s.execute("INSERT INTO feed_state (feed_id, current_url, etag, last_success, successes)"
          + " VALUES ('osint', 'https://feeds.example/osint.xml', '\"e1\"', " + at + ", 7)");
      s.execute("INSERT INTO items (key, feed_id, outlet, title, summary, link, published,"
          + " estimated, first_seen, content_hash, seq, created_seq) VALUES ('k1', 'osint',"
          + " 'OSINTSights', 'Palantir and the cartels', 'How the US tracks cartels',"
          + " 'https://osint.example/a', " + at + ", 0, " + at + ", 'h1', 1, 1)");
      s.execute("INSERT INTO counters (name, value) VALUES ('items', 1)");
      s.execute("INSERT INTO cursors (name, value, updated) VALUES ('matrix:since', 's42', "
          + at + ")");
      s.execute("INSERT INTO digest_slots (digest, slot, outcome, detail, recorded) VALUES"
          + " ('morning', " + at + ", 'POSTED', 'ts 1', " + at + ")");
      s.execute("INSERT INTO audit (at, kind, platform, user_id, question, facts, links, verdict)"
          + " VALUES (" + at + ", 'question', 'slack', 'U1', 'Palantir and the cartels?',"
          + " 'palantir/cartels' || char(10) || 'palantir/ice', 'https://osint.example/a',"
          + " 'answered')");
      s.execute("INSERT INTO fact_snapshots (story, fact_id, fingerprint, text, sources, seen)"
          + " VALUES ('palantir', 'cartels', 'f1', 'Palantir works against cartels', '[]', "
          + at + ")");
      if (version >= 2) {
        s.execute("UPDATE feed_state SET failing_since = " + at + " WHERE feed_id = 'osint'");
        s.execute("INSERT INTO fact_changes (story, fact_id, kind, text, sources, at) VALUES"
            + " ('palantir', 'cartels', 'ADDED', 'Palantir works against cartels', '[]', " + at
            + ")");
      }
    }
  }

  @ParameterizedTest(name = "user_version {0}")
  @ValueSource(ints = {1, 2, 3})
  void open_preFlywayFile_keepsItsRowsAndReachesTheCurrentSchema(int version, @TempDir Path data,
      @TempDir Path fresh) throws Exception {
    try (Connection c = PreFlywayFile.create(data, version)) {
      writeRows(c, version);
    }

    try (Database db = Database.open(data)) {
      SqlFeedStore feeds = new SqlFeedStore(db);
      var state = feeds.state("osint");
      assertThat(state.currentUrl()).contains(URI.create("https://feeds.example/osint.xml"));
      assertThat(state.etag()).contains("\"e1\"");
      assertThat(state.successes()).isEqualTo(7);
      assertThat(state.failingSince()).isEqualTo(
          version >= 2 ? Optional.of(AT) : Optional.empty());
      assertThat(feeds.items()).extracting(FeedItem::title)
          .containsExactly("Palantir and the cartels");
      assertThat(feeds.lastSeq()).isEqualTo(1);
      assertThat(new SqlKeyValues(db, Clock.fixed(AT, ZoneOffset.UTC)).get("matrix:since"))
          .contains("s42");
      assertThat(new SqlDigestLedger(db).find("morning", AT)).hasValueSatisfying(e -> {
        assertThat(e.outcome()).isEqualTo(DigestLedger.Outcome.POSTED);
        assertThat(e.detail()).isEqualTo("ts 1");
      });
      assertThat(new SqlAuditLog(db).between(AT, AT.plusSeconds(1))).singleElement()
          .satisfies(e -> {
            assertThat(e.user()).isEqualTo("slack:U1");
            assertThat(e.facts()).containsExactly("palantir/cartels", "palantir/ice");
          });
      assertThat(count(db, "fact_snapshots")).isEqualTo(1);
      assertThat(count(db, "fact_changes")).isEqualTo(version >= 2 ? 1 : 0);
    }

    Database.open(fresh).close();
    assertThat(schema(data)).isEqualTo(schema(fresh)).isNotEmpty();
    List<String> expected = new ArrayList<>(List.of(version + " BASELINE"));
    IntStream.rangeClosed(version + 1, 3).forEach(v -> expected.add(v + " SQL"));
    assertThat(history(data)).isEqualTo(expected);

    // Opening again finds nothing to do, without asking Flyway.
    try (Database db = Database.open(data)) {
      assertThat(db.ranFlyway).isFalse();
    }
    assertThat(history(data)).isEqualTo(expected);
  }

  @Test
  void open_newFolder_runsEveryScript(@TempDir Path data) throws Exception {
    Database.open(data).close();
    Database.open(data).close();

    assertThat(history(data)).containsExactly("1 SQL", "2 SQL", "3 SQL");
  }

  @Test
  void open_fileWithTablesButNoVersion_refusesAndTouchesNothing(@TempDir Path data)
      throws Exception {
    try (Connection c = PreFlywayFile.create(data, 0); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE notes (text TEXT)");
      s.execute("INSERT INTO notes VALUES ('not the bot''s')");
    }

    assertThatThrownBy(() -> Database.open(data)).isInstanceOf(StoreException.class)
        .hasMessageContaining(data.resolve("backgrounder.db").toString())
        .hasMessageContaining("not Backgrounder's database");
    assertThat(schema(data)).containsExactly("table notes CREATE TABLE notes (text TEXT)");
    try (Connection c = DriverManager.getConnection(PreFlywayFile.url(data));
        Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT text FROM notes")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("not the bot's");
    }
  }

  @Test
  void open_scriptFailsHalfway_keepsNoneOfItAndTheRows(@TempDir Path data) throws Exception {
    try (Connection c = PreFlywayFile.create(data, 2); Statement s = c.createStatement()) {
      writeRows(c, 2);
      // V3 creates this table after altering audit; here it is already in the way.
      s.execute("CREATE TABLE gap_handled (question_key TEXT)");
    }

    assertThatThrownBy(() -> Database.open(data)).isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot migrate the SQLite schema of " + data.resolve(
            "backgrounder.db"));
    assertThat(rows(data, "SELECT name FROM pragma_table_info('audit') ORDER BY cid"))
        .doesNotContain("question_key");
    assertThat(rows(data, "SELECT question FROM audit"))
        .containsExactly("Palantir and the cartels?");

    try (Connection c = DriverManager.getConnection(PreFlywayFile.url(data));
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE gap_handled");
    }
    Database.open(data).close();
    assertThat(history(data)).containsExactly("2 BASELINE", "3 SQL");
    assertThat(rows(data, "SELECT fact FROM audit_facts ORDER BY fact"))
        .containsExactly("palantir/cartels", "palantir/ice");
  }

  private static long count(Database db, String table) {
    return db.read(c -> {
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
        r.next();
        return r.getLong(1);
      }
    });
  }

  /** The bot's tables and indexes as SQLite stores their definitions (Flyway's own left out). */
  private static List<String> schema(Path data) throws SQLException {
    return rows(data, "SELECT type || ' ' || name || ' ' || sql FROM sqlite_master"
        + " WHERE sql IS NOT NULL AND name NOT LIKE 'flyway%' ORDER BY type, name");
  }

  private static List<String> history(Path data) throws SQLException {
    return rows(data, "SELECT version || ' ' || type FROM flyway_schema_history"
        + " WHERE success = 1 ORDER BY installed_rank");
  }

  private static List<String> rows(Path data, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(PreFlywayFile.url(data));
        Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (r.next()) {
        rows.add(r.getString(1));
      }
      return rows;
    }
  }
}

package org.backgrounder.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteDataSource;

/**
 * Opening a SQLite file already at the newest shipped version skips Flyway; anything else is
 * Flyway's, and a file newer than the shipped scripts is refused. The build's list of scripts is
 * the scripts: a new one the list missed would make a migrated file look newer than the jar.
 */
class ShippedMigrationsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgresql"})
  void list_namesEveryScriptOnTheClasspath(String database) throws Exception {
    List<Integer> onClasspath = new ArrayList<>();
    Path folder = Path.of(ShippedMigrations.class.getResource(database).toURI());
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.sorted().collect(Collectors.toList())) {
        String name = f.getFileName().toString();
        assertThat(name).as("a plain versioned script").matches("V\\d+__.+\\.sql");
        onClasspath.add(Integer.valueOf(name.substring(1, name.indexOf("__"))));
      }
    }

    assertThat(onClasspath).isNotEmpty();
    assertThat(ShippedMigrations.of(database).versions())
        .containsExactlyInAnyOrderElementsOf(onClasspath);
  }

  @Test
  void list_newestIsTheNewestFlywayFinds() {
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite::memory:");
    MigrationInfo[] pending = Flyway.configure().dataSource(source)
        .locations("classpath:org/backgrounder/store/sqlite").load().info().pending();

    assertThat(pending).isNotEmpty();
    assertThat(ShippedMigrations.of("sqlite").versions().last())
        .isEqualTo(Integer.valueOf(pending[pending.length - 1].getVersion().getVersion()));
  }

  @Test
  void parse_aScriptThatIsNotPlain_listsNothing() {
    assertThat(ShippedMigrations.parse("V1__a.sql,V2__b.sql,V10__c.sql")).containsExactly(1, 2,
        10);
    assertThat(ShippedMigrations.parse("V1__a.sql,R__view.sql")).isEmpty();
    assertThat(ShippedMigrations.parse("V1__a.sql,V1_1__b.sql")).isEmpty();
    assertThat(ShippedMigrations.parse("V1__a.sql,V1__again.sql")).isEmpty();
    assertThat(ShippedMigrations.parse("V1__a.sql,README.md")).isEmpty();
    assertThat(ShippedMigrations.parse("")).isEmpty();
  }

  @Test
  void open_fileAtTheNewestVersion_skipsFlyway(@TempDir Path data) throws Exception {
    try (Database db = Database.open(data)) {
      assertThat(db.ranFlyway).isTrue();
    }
    List<String> history = history(data);

    try (Database db = Database.open(data)) {
      assertThat(db.ranFlyway).isFalse();
      long unhandled = db.read(c -> {
        try (Statement s = c.createStatement();
            ResultSet r = s.executeQuery("SELECT count(*) FROM gap_handled")) {
          r.next();
          return r.getLong(1);
        }
      });
      assertThat(unhandled).isZero();
    }
    assertThat(history(data)).isEqualTo(history).hasSize(
        ShippedMigrations.of("sqlite").versions().size());
  }

  @Test
  void open_fileAtAnOlderVersion_migratesWithFlyway(@TempDir Path data) throws Exception {
    Files.createDirectories(data);
    flyway(data).target("2").load().migrate();
    assertThat(history(data)).containsExactly("1 SQL 1", "2 SQL 1");

    try (Database db = Database.open(data)) {
      assertThat(db.ranFlyway).isTrue();
    }
    assertThat(history(data)).isEqualTo(ShippedMigrations.of("sqlite").versions().stream()
        .map(v -> v + " SQL 1").collect(Collectors.toList()));
    try (Database db = Database.open(data)) {
      assertThat(db.ranFlyway).isFalse();
    }
  }

  @Test
  void open_fileNewerThanTheScripts_refusesAndTouchesNothing(@TempDir Path data)
      throws Exception {
    Database.open(data).close();
    int next = ShippedMigrations.of("sqlite").versions().last() + 1;
    execute(data, "INSERT INTO flyway_schema_history (installed_rank, version, description,"
        + " type, script, checksum, installed_by, execution_time, success) VALUES (" + next
        + ", '" + next + "', 'from a newer release', 'SQL', 'V" + next + "__later.sql', 1, '', 1,"
        + " 1)");
    List<String> history = history(data);

    assertThatThrownBy(() -> Database.open(data)).isInstanceOf(StoreException.class)
        .hasMessageContaining(data.resolve("backgrounder.db").toString())
        .hasMessageContaining("schema version " + next + ", newer than the " + (next - 1)
            + " this Backgrounder knows");
    assertThat(history(data)).isEqualTo(history);
  }

  /** A failed script, or one missing below the newest: not current, so Flyway judges, and stops. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "UPDATE flyway_schema_history SET success = 0 WHERE version = '3'",
      "DELETE FROM flyway_schema_history WHERE version = '2'"})
  void open_historyNotPlainlyCurrent_leavesItToFlyway(String damage, @TempDir Path data)
      throws Exception {
    Database.open(data).close();
    execute(data, damage);

    assertThatThrownBy(() -> Database.open(data)).isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot migrate the SQLite schema of " + data.resolve(
            "backgrounder.db"));
  }

  @Test
  void open_inMemory_runsFlywayEachTime() {
    try (Database db = Database.inMemory()) {
      assertThat(db.ranFlyway).isTrue();
    }
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(Path data) {
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl(PreFlywayFile.url(data));
    return Flyway.configure().dataSource(source)
        .locations("classpath:org/backgrounder/store/sqlite");
  }

  private static void execute(Path data, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(PreFlywayFile.url(data));
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> history(Path data) throws SQLException {
    try (Connection c = DriverManager.getConnection(PreFlywayFile.url(data));
        Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT version || ' '"
            + " || type || ' ' || success FROM flyway_schema_history ORDER BY installed_rank")) {
      List<String> rows = new ArrayList<>();
      while (r.next()) {
        rows.add(r.getString(1));
      }
      return rows;
    }
  }
}

package org.backgrounder.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The migration scripts this build ships for one database, as the build listed them
 * ({@code migrations.properties} beside this class, written by the antrun step in
 * {@code bot/pom.xml}), and whether a database's Flyway history already has every one of them.
 *
 * <p>It only reads, with plain JDBC, so that a start with nothing to migrate need not load
 * Flyway (a third of a second of CPU). Whenever the answer is not a plain yes, Flyway looks, as
 * it always did, and is the only thing that ever migrates. What it skips on a yes is Flyway's
 * check of the applied scripts' checksums, which a new version's start still makes.
 */
final class ShippedMigrations {

  /** Flyway's default history table: neither store renames it. */
  static final String HISTORY = "flyway_schema_history";

  private static final String LIST = "migrations.properties";
  private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__[^/,]+\\.sql");
  /** The rows a history of plain versioned scripts holds; any other kind is Flyway's to judge. */
  private static final Set<String> PLAIN_ROWS = Set.of("SQL", "BASELINE");

  private final SortedSet<Integer> versions;

  private ShippedMigrations(SortedSet<Integer> versions) {
    this.versions = versions;
  }

  /**
   * The scripts listed for {@code database} ({@code sqlite} or {@code postgresql}). With no
   * list, or a file in it that is not a plain {@code V<n>__name.sql}, none: every open is then
   * Flyway's.
   */
  static ShippedMigrations of(String database) {
    Properties lists = new Properties();
    try (InputStream in = ShippedMigrations.class.getResourceAsStream(LIST)) {
      if (in == null) {
        return new ShippedMigrations(Collections.emptySortedSet());
      }
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        lists.load(r);
      }
    } catch (IOException e) {
      return new ShippedMigrations(Collections.emptySortedSet());
    }
    return new ShippedMigrations(parse(lists.getProperty(database, "")));
  }

  /** The versions of a comma-separated list of script names; none if one is not plain. */
  static SortedSet<Integer> parse(String scripts) {
    SortedSet<Integer> versions = new TreeSet<>();
    for (String name : scripts.split(",")) {
      Matcher m = SCRIPT.matcher(name.strip());
      if (!m.matches() || !versions.add(Integer.valueOf(m.group(1)))) {
        return Collections.emptySortedSet();
      }
    }
    return Collections.unmodifiableSortedSet(versions);
  }

  /** The shipped versions, oldest first; empty when the list was missing or not plain. */
  SortedSet<Integer> versions() {
    return versions;
  }

  /**
   * What a history says against the shipped scripts.
   *
   * @param current every shipped script is applied (or below the baseline), nothing failed, and
   *     nothing is newer: Flyway would find nothing to do. False means "let Flyway look": no list,
   *     no table, a failed or unusual row, a script missing, or a newer version.
   * @param newer the history's highest successful version when it is beyond every shipped
   *     script (a newer release migrated the database), else 0
   */
  record Standing(boolean current, int newer) {}

  /** The standing of the history table {@code history} (an SQL name; null when there is none). */
  Standing standing(Connection c, String history) throws SQLException {
    if (versions.isEmpty() || history == null) {
      return new Standing(false, 0);
    }
    Set<Integer> applied = new HashSet<>();
    int baseline = 0;
    boolean plain = true;
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT version, type, success FROM " + history)) {
      while (r.next()) {
        if ("SCHEMA".equals(r.getString(2)) && r.getBoolean(3)) {
          continue; // Flyway's note that it created the schema
        }
        Integer version = version(r.getString(1));
        if (version == null || !PLAIN_ROWS.contains(r.getString(2)) || !r.getBoolean(3)) {
          plain = false;
          continue;
        }
        applied.add(version);
        if ("BASELINE".equals(r.getString(2))) {
          baseline = Math.max(baseline, version);
        }
      }
    }
    int highest = applied.stream().max(Integer::compare).orElse(0);
    if (highest > newest()) {
      return new Standing(false, highest);
    }
    if (!plain) {
      return new Standing(false, 0);
    }
    for (int v : versions) {
      if (v > baseline && !applied.contains(v)) {
        return new Standing(false, 0);
      }
    }
    return new Standing(true, 0);
  }

  /** The newest shipped version; call only when {@link #versions} is not empty. */
  int newest() {
    return versions.last();
  }

  private static Integer version(String text) {
    if (text == null || !text.chars().allMatch(Character::isDigit) || text.isEmpty()
        || text.length() > 9) {
      return null;
    }
    return Integer.valueOf(text);
  }
}

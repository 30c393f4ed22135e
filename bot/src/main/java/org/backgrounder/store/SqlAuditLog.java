package org.backgrounder.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.backgrounder.text.Folding;

/**
 * The audit log in the {@code audit} table, in SQL that SQLite and PostgreSQL both speak; lists
 * are stored one value a line, and {@code audit_facts} names each fact an entry gave.
 */
public final class SqlAuditLog implements AuditLog {

  private final Sql db;

  public SqlAuditLog(Sql db) {
    this.db = db;
  }

  @Override
  public void add(Entry e) {
    int colon = e.user().indexOf(':');
    db.transaction(c -> {
      long id;
      try (PreparedStatement s = c.prepareStatement("INSERT INTO audit (at, kind, platform,"
          + " user_id, question, facts, links, verdict, question_key) VALUES (?,?,?,?,?,?,?,?,?)"
          + " RETURNING id")) {
        s.setLong(1, e.at().toEpochMilli());
        s.setString(2, e.kind());
        s.setString(3, colon < 0 ? "" : e.user().substring(0, colon));
        s.setString(4, e.user().substring(colon + 1));
        s.setString(5, e.question());
        s.setString(6, String.join("\n", e.facts()));
        s.setString(7, String.join("\n", e.links()));
        s.setString(8, e.verdict().orElse(null));
        s.setString(9, e.kind().equals("question") ? questionKey(e.question()) : null);
        try (ResultSet keys = s.executeQuery()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO audit_facts (audit_id, fact, outcome) VALUES (?, ?, ?)")) {
        for (String fact : new LinkedHashSet<>(e.facts())) {
          s.setLong(1, id);
          s.setString(2, fact);
          s.setString(3, e.kind() + "/" + e.verdict().orElse(""));
          s.executeUpdate();
        }
      }
      return null;
    });
  }

  @Override
  public List<Entry> between(Instant from, Instant to) {
    return db.read(c -> {
      List<Entry> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT at, kind, platform, user_id, question,"
          + " facts, links, verdict FROM audit WHERE at >= ? AND at < ? ORDER BY at, id")) {
        s.setLong(1, from.toEpochMilli());
        s.setLong(2, to.toEpochMilli());
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(entry(r));
          }
        }
      }
      return out;
    });
  }

  @Override
  public int prune(Instant before) {
    return db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM audit WHERE at < ?")) {
        s.setLong(1, before.toEpochMilli());
        return s.executeUpdate();
      }
    });
  }

  /**
   * The entry in the current row of {@code r}, whose first columns are at, kind, platform,
   * user_id, question, facts, links and verdict.
   */
  static Entry entry(ResultSet r) throws SQLException {
    String platform = r.getString(3);
    return new Entry(Instant.ofEpochMilli(r.getLong(1)), r.getString(2),
        (platform == null || platform.isEmpty() ? "" : platform + ":") + r.getString(4),
        r.getString(5), lines(r.getString(6)), lines(r.getString(7)),
        Optional.ofNullable(r.getString(8)));
  }

  /**
   * What makes two questions "the same question" for the desk: their folded words, so case,
   * accents and punctuation do not split a group ("¿Quién?" and "quien" are one).
   */
  static String questionKey(String question) {
    String key = String.join(" ", Folding.foldedWords(question));
    return key.isEmpty() ? question.strip() : key;
  }

  static List<String> lines(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
  }
}

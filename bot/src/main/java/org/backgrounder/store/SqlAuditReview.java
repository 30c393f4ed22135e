package org.backgrounder.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The desk's reads of the {@code audit} table, and the {@code gap_handled} it writes, in SQL that
 * SQLite and PostgreSQL both speak but for the one statement that finds each group's latest ask.
 */
public final class SqlAuditReview implements AuditReview {

  // With exactly one max() in an aggregate, SQLite takes the bare columns (question, facts,
  // platform, user_id) from the row that has it: the latest ask of each group.
  private static final String GAPS_SQLITE = "SELECT a.question_key, count(*) AS times,"
      + " max(a.at) AS last, a.question, a.facts, a.platform, a.user_id,"
      + " group_concat(DISTINCT a.platform) AS platforms,"
      + " h.handled FROM audit a LEFT JOIN gap_handled h ON h.question_key = a.question_key"
      + " WHERE a.kind = 'question' AND a.verdict = 'declined' AND a.question_key IS NOT NULL"
      + " GROUP BY a.question_key"
      + " ORDER BY (h.handled IS NOT NULL AND h.handled >= last), last DESC, a.question_key"
      + " LIMIT ? OFFSET ?";

  /** PostgreSQL has no bare columns: it looks each group's latest ask up. */
  private static final String GAPS_POSTGRESQL = "SELECT g.question_key, g.times, g.last,"
      + " l.question, l.facts, l.platform, l.user_id, g.platforms, h.handled FROM (SELECT"
      + " question_key, count(*) AS times, max(at) AS last, string_agg(DISTINCT platform, ',')"
      + " AS platforms FROM audit WHERE kind = 'question' AND verdict = 'declined'"
      + " AND question_key IS NOT NULL GROUP BY question_key) g CROSS JOIN LATERAL (SELECT"
      + " question, facts, platform, user_id FROM audit a WHERE a.kind = 'question'"
      + " AND a.verdict = 'declined' AND a.question_key = g.question_key"
      + " ORDER BY a.at DESC, a.id DESC LIMIT 1) l"
      + " LEFT JOIN gap_handled h ON h.question_key = g.question_key"
      + " ORDER BY (h.handled IS NOT NULL AND h.handled >= g.last), g.last DESC, g.question_key"
      + " LIMIT ? OFFSET ?";

  private final Sql db;

  public SqlAuditReview(Sql db) {
    this.db = db;
  }

  @Override
  public Page<Gap> gaps(int offset, int limit) {
    Page.check(offset, limit);
    String gaps = switch (db.dialect()) {
      case SQLITE -> GAPS_SQLITE;
      case POSTGRESQL -> GAPS_POSTGRESQL;
    };
    return db.read(c -> {
      List<Gap> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(gaps)) {
        s.setInt(1, limit + 1);
        s.setInt(2, offset);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            long handled = r.getLong("handled");
            boolean none = r.wasNull();
            String platform = r.getString("platform");
            String platforms = r.getString("platforms");
            out.add(new Gap(r.getString(1), r.getString("question"), r.getInt("times"),
                Instant.ofEpochMilli(r.getLong("last")),
                platforms == null ? List.of() : List.copyOf(new LinkedHashSet<>(
                    Arrays.asList(platforms.split(",")))),
                (platform == null || platform.isEmpty() ? "" : platform + ":")
                    + r.getString("user_id"),
                SqlAuditLog.lines(r.getString("facts")),
                none ? Optional.empty() : Optional.of(Instant.ofEpochMilli(handled))));
          }
        }
      }
      return page(out, limit);
    });
  }

  @Override
  public boolean markHandled(String key, Instant at) {
    return db.transaction(c -> {
      try (PreparedStatement find = c.prepareStatement("SELECT 1 FROM audit WHERE kind ="
          + " 'question' AND verdict = 'declined' AND question_key = ? LIMIT 1")) {
        find.setString(1, key);
        try (ResultSet r = find.executeQuery()) {
          if (!r.next()) {
            return false;
          }
        }
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO gap_handled (question_key,"
          + " handled) VALUES (?, ?) ON CONFLICT(question_key) DO UPDATE SET handled ="
          + " excluded.handled")) {
        s.setString(1, key);
        s.setLong(2, at.toEpochMilli());
        s.executeUpdate();
      }
      return true;
    });
  }

  @Override
  public Tally tally(Instant from, Instant to) {
    return db.read(c -> {
      int answered = 0;
      int declined = 0;
      int helpful = 0;
      int notHelpful = 0;
      try (PreparedStatement s = c.prepareStatement("SELECT kind, verdict, count(*) FROM audit"
          + " WHERE at >= ? AND at < ? GROUP BY kind, verdict")) {
        s.setLong(1, from.toEpochMilli());
        s.setLong(2, to.toEpochMilli());
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            String what = r.getString(1) + "/" + r.getString(2);
            int n = r.getInt(3);
            switch (what) {
              case "question/answered" -> answered = n;
              case "question/declined" -> declined = n;
              case "feedback/helpful" -> helpful = n;
              case "feedback/not-helpful" -> notHelpful = n;
              default -> { }
            }
          }
        }
      }
      return new Tally(answered, declined, helpful, notHelpful);
    });
  }

  @Override
  public Page<AuditLog.Entry> notHelpful(int offset, int limit) {
    Page.check(offset, limit);
    return db.read(c -> {
      List<AuditLog.Entry> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT at, kind, platform, user_id, question,"
          + " facts, links, verdict FROM audit WHERE kind = 'feedback' AND verdict = 'not-helpful'"
          + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")) {
        s.setInt(1, limit + 1);
        s.setInt(2, offset);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(SqlAuditLog.entry(r));
          }
        }
      }
      return page(out, limit);
    });
  }

  @Override
  public Map<String, Cited> cited(Collection<String> facts) {
    List<String> names = List.copyOf(new LinkedHashSet<>(facts));
    Map<String, Cited> out = new HashMap<>();
    for (int from = 0; from < names.size(); from += Page.MAX) {
      List<String> chunk = names.subList(from, Math.min(names.size(), from + Page.MAX));
      db.read(c -> {
        try (PreparedStatement s = c.prepareStatement("SELECT fact, outcome, count(*) FROM"
            + " audit_facts WHERE fact IN (" + "?,".repeat(chunk.size() - 1) + "?)"
            + " GROUP BY fact, outcome")) {
          for (int i = 0; i < chunk.size(); i++) {
            s.setString(i + 1, chunk.get(i));
          }
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              Cited was = out.getOrDefault(r.getString(1), Cited.NONE);
              int n = r.getInt(3);
              // Suggestions of declined answers are not citations: they add nothing here.
              Cited now = switch (r.getString(2)) {
                case "question/answered" -> new Cited(was.cited() + n, was.helpful(),
                    was.notHelpful());
                case "feedback/helpful" -> new Cited(was.cited(), was.helpful() + n,
                    was.notHelpful());
                case "feedback/not-helpful" -> new Cited(was.cited(), was.helpful(),
                    was.notHelpful() + n);
                default -> was;
              };
              if (now != Cited.NONE) {
                out.put(r.getString(1), now);
              }
            }
          }
        }
        return null;
      });
    }
    return out;
  }

  private static <T> Page<T> page(List<T> rows, int limit) {
    return rows.size() > limit ? new Page<>(rows.subList(0, limit), true) : new Page<>(rows, false);
  }
}

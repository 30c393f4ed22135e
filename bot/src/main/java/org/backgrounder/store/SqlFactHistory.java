package org.backgrounder.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backgrounder.facts.Fact;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactChange;
import org.backgrounder.facts.FactDate;
import org.backgrounder.facts.FactFile;
import org.backgrounder.facts.FactHistory;

/**
 * The fact history: a snapshot of every fact's fingerprint, and a log of changes, in SQL that
 * SQLite and PostgreSQL both speak. Every replica sharing a database records the fact files it
 * loads; a lock makes the second one compare with the first one's snapshots, so a change is
 * logged once.
 */
public final class SqlFactHistory implements FactHistory {

  /** "Bg" and "Fact" in ASCII: the lock between replicas recording fact snapshots. */
  static final long FACTS_LOCK = 0x4267_4661_6374L;

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Known(String fingerprint, String text, String sources, boolean removed) {}

  private static final String UPSERT = "INSERT INTO fact_snapshots (story, fact_id, fingerprint,"
      + " text, sources, seen, removed) VALUES (?,?,?,?,?,?,NULL) ON CONFLICT (story, fact_id)"
      + " DO UPDATE SET fingerprint = excluded.fingerprint, text = excluded.text,"
      + " sources = excluded.sources, seen = excluded.seen, removed = NULL";

  private final Sql db;

  public SqlFactHistory(Sql db) {
    this.db = db;
  }

  @Override
  public List<FactChange> record(FactBase base, Instant at) {
    return db.transaction(c -> {
      db.lock(c, FACTS_LOCK);
      return record(c, base, at);
    });
  }

  /**
   * Compares {@code base} with the snapshots, logs and returns what changed, and takes the new
   * snapshots, on {@code c} inside the caller's transaction.
   */
  private static List<FactChange> record(Connection c, FactBase base, Instant at)
      throws SQLException {
    Map<String, Known> known = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT story, fact_id, fingerprint, text, sources, removed FROM fact_snapshots");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        r.getLong(6);
        boolean removed = !r.wasNull();
        known.put(r.getString(1) + "/" + r.getString(2), new Known(r.getString(3), r.getString(4),
            r.getString(5), removed));
      }
    }
    boolean firstTime = known.isEmpty();
    List<FactChange> changes = new ArrayList<>();
    Map<String, Boolean> present = new HashMap<>();
    try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
      for (FactFile f : base.stories()) {
        for (Fact fact : f.facts()) {
          String key = f.story().id() + "/" + fact.id();
          present.put(key, true);
          List<FactChange.Cited> cited = FactChange.cited(f, fact);
          String print = fingerprint(fact.toString() + undated(cited));
          Known k = known.get(key);
          if (!firstTime && (k == null || k.removed())) {
            changes.add(new FactChange(f.story().id(), fact.id(), FactChange.Kind.ADDED, fact.text(),
                cited, at));
          } else if (!firstTime && !k.fingerprint().equals(print)) {
            changes.add(new FactChange(f.story().id(), fact.id(), FactChange.Kind.CHANGED,
                fact.text(), cited, at));
          }
          upsert.setString(1, f.story().id());
          upsert.setString(2, fact.id());
          upsert.setString(3, print);
          upsert.setString(4, fact.text());
          upsert.setString(5, write(cited));
          upsert.setLong(6, at.toEpochMilli());
          upsert.executeUpdate();
        }
      }
    }
    try (PreparedStatement gone = c.prepareStatement(
        "UPDATE fact_snapshots SET removed = ? WHERE story = ? AND fact_id = ?")) {
      for (Map.Entry<String, Known> e : known.entrySet()) {
        if (!present.containsKey(e.getKey()) && !e.getValue().removed()) {
          String[] parts = e.getKey().split("/", 2);
          if (base.story(parts[0]).isEmpty()) {
            continue; // a story whose file failed to load or was renamed is not "removed" fact by fact
          }
          changes.add(new FactChange(parts[0], parts[1], FactChange.Kind.REMOVED,
              e.getValue().text(), read(e.getValue().sources()), at));
          gone.setLong(1, at.toEpochMilli());
          gone.setString(2, parts[0]);
          gone.setString(3, parts[1]);
          gone.executeUpdate();
        }
      }
    }
    try (PreparedStatement log = c.prepareStatement(
        "INSERT INTO fact_changes (story, fact_id, kind, text, sources, at) VALUES (?,?,?,?,?,?)")) {
      for (FactChange ch : changes) {
        log.setString(1, ch.story());
        log.setString(2, ch.factId());
        log.setString(3, ch.kind().name());
        log.setString(4, ch.text());
        log.setString(5, write(ch.sources()));
        log.setLong(6, at.toEpochMilli());
        log.executeUpdate();
      }
    }
    return changes;
  }

  /** The logged changes in {@code [from, to)}, in the order logged. */
  @Override
  public List<FactChange> between(Instant from, Instant to, Set<String> stories) {
    // SQLite's fact_changes has no id column (its V2 made the table without one): its rowid is it.
    String order = switch (db.dialect()) {
      case SQLITE -> "rowid";
      case POSTGRESQL -> "id";
    };
    return db.read(c -> {
      List<FactChange> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT story, fact_id, kind, text, sources,"
          + " at FROM fact_changes WHERE at >= ? AND at < ? ORDER BY at, " + order)) {
        s.setLong(1, from.toEpochMilli());
        s.setLong(2, to.toEpochMilli());
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            if (stories.isEmpty() || stories.contains(r.getString(1))) {
              out.add(new FactChange(r.getString(1), r.getString(2),
                  FactChange.Kind.valueOf(r.getString(3)), r.getString(4), read(r.getString(5)),
                  Instant.ofEpochMilli(r.getLong(6))));
            }
          }
        }
      }
      return out;
    });
  }

  /**
   * The sources as fingerprints have always spelled them, before sources carried dates: a new
   * field in {@link FactChange.Cited} must not make every fact of every story read as changed
   * on the first reload after an upgrade.
   */
  private static String undated(List<FactChange.Cited> cited) {
    StringBuilder b = new StringBuilder("[");
    for (FactChange.Cited c : cited) {
      if (b.length() > 1) {
        b.append(", ");
      }
      b.append("Cited[url=").append(c.url()).append(", title=").append(c.title())
          .append(", outlet=").append(c.outlet()).append(", kind=").append(c.kind()).append(']');
    }
    return b.append(']').toString();
  }

  /** Sources as a JSON array of {url, title, outlet, kind, published}. */
  private static String write(List<FactChange.Cited> cited) {
    ArrayNode a = JSON.createArrayNode();
    for (FactChange.Cited c : cited) {
      ObjectNode o = a.addObject().put("url", c.url().toString()).put("title", c.title())
          .put("outlet", c.outlet()).put("kind", c.kind());
      c.published().ifPresent(d -> o.put("published", d.toString()));
    }
    return a.toString();
  }

  /** The opposite of {@link #write}; anything unreadable (an older row) reads as no sources. */
  private static List<FactChange.Cited> read(String json) {
    List<FactChange.Cited> out = new ArrayList<>();
    try {
      for (JsonNode n : JSON.readTree(json == null ? "[]" : json)) {
        out.add(new FactChange.Cited(URI.create(n.path("url").asText()), n.path("title").asText(),
            n.path("outlet").asText(), n.path("kind").asText("news"),
            FactDate.parse(n.path("published").asText(""))));
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return List.of();
    }
    return out;
  }

  /** A fact's wording, dates, status and sources, hashed: any edit to them changes it. */
  private static String fingerprint(String fact) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(fact.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

package org.backgrounder.store;

/**
 * The desk's reads ({@link AuditReview}, {@link FeedReview}) on PostgreSQL: SQLite's, with the
 * two statements PostgreSQL words differently.
 */
public final class PgReviews {

  private PgReviews() {}

  /**
   * Declined questions grouped by their key, each with its latest ask (SQLite takes it from the
   * row holding max(at); PostgreSQL looks it up), handled ones last.
   */
  private static final String GAPS = "SELECT g.question_key, g.times, g.last, l.question,"
      + " l.facts, l.platform, l.user_id, g.platforms, h.handled FROM (SELECT question_key,"
      + " count(*) AS times, max(at) AS last, string_agg(DISTINCT platform, ',') AS platforms"
      + " FROM audit WHERE kind = 'question' AND verdict = 'declined' AND question_key IS NOT NULL"
      + " GROUP BY question_key) g CROSS JOIN LATERAL (SELECT question, facts, platform, user_id"
      + " FROM audit a WHERE a.kind = 'question' AND a.verdict = 'declined'"
      + " AND a.question_key = g.question_key ORDER BY a.at DESC, a.id DESC LIMIT 1) l"
      + " LEFT JOIN gap_handled h ON h.question_key = g.question_key"
      + " ORDER BY (h.handled IS NOT NULL AND h.handled >= g.last), g.last DESC, g.question_key"
      + " LIMIT ? OFFSET ?";

  private static final String RELEVANT_SINCE = "SELECT i.* FROM items i WHERE i.published > ?"
      + " AND EXISTS (SELECT 1 FROM relevance r WHERE r.story = ? AND r.item_key = i.key)"
      + " ORDER BY i.published DESC LIMIT ? OFFSET ?";

  public static AuditReview audit(PgDatabase db) {
    return new SqliteAuditReview(db, GAPS);
  }

  public static FeedReview feeds(PgDatabase db) {
    return new SqliteFeedReview(db, RELEVANT_SINCE);
  }
}

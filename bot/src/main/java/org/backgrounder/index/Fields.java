package org.backgrounder.index;

/** Names of the index's fields; one document type per kind of thing ("fact", "item"). */
final class Fields {

  private Fields() {}

  static final String TYPE = "type";
  static final String TYPE_FACT = "fact";
  static final String TYPE_ITEM = "item";

  /**
   * The words a result is about (a fact's text; an item's title and summary), each with its stems
   * (see {@link TextAnalysis}).
   */
  static final String TEXT = "fact_text";
  static final String ITEM_TEXT = "item_text";
  /**
   * Words that also count but weigh less: a fact's entity names and aliases, tags and sources;
   * an item's outlet. Kept apart so a fact naming many entities is not a "long document".
   */
  static final String EXTRA = "fact_extra";
  static final String ITEM_EXTRA = "item_extra";
  /** Exact forms only, to rank "designated" above "designating" for a question with the former. */
  static final String WORDS = "fact_words";

  /**
   * The matching fields of one kind of document. Facts and items have their own, so a query
   * over a few hundred facts never walks the terms of a million items.
   */
  record Matching(String text, String extra, String words, boolean fuzzy, boolean phrases) {
    static final Matching FACTS = new Matching(TEXT, EXTRA, WORDS, true, true);
    /** Items: no exact-form field, no fuzzy matching, no positions (so no phrases). */
    static final Matching ITEMS = new Matching(ITEM_TEXT, ITEM_EXTRA, null, false, false);
  }
  /** {@code story/entity} keys a document names. */
  static final String ENTITY = "entity";
  static final String STORY = "story";

  static final String FACT_KEY = "fact_key";
  static final String FACT_ID = "fact_id";
  static final String WHO = "who";
  static final String HAS_DATE = "has_date";
  static final String HAS_WHO = "has_who";
  static final String DATE_START = "date_start";
  static final String DATE_END = "date_end";
  static final String STATUS = "status";

  static final String ITEM_KEY = "item_key";
  static final String LINK = "link";
  static final String TITLE = "title";
  static final String SUMMARY = "summary";
  static final String OUTLET = "outlet";
  static final String FEED = "feed";
  static final String LANGUAGE = "language";
  static final String PUBLISHED = "published";
  static final String ESTIMATED = "estimated";
  static final String FIRST_SEEN = "first_seen";
  static final String MATCHED = "matched";
}

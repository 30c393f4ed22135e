package org.backgrounder.index;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.backgrounder.facts.Entity;
import org.backgrounder.facts.Fact;
import org.backgrounder.facts.FactFile;
import org.backgrounder.facts.Source;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.StoryMatcher;

/** Turns facts and feed items into index documents. */
final class Documents {

  private static final int MAX_STORED_SUMMARY = 1000;
  private static final int MAX_INDEXED_SUMMARY = 600;

  /**
   * Item text is matched word by word, never as phrases (entity names in items are tagged by the
   * story matcher instead), so it is indexed without positions: a third less work at ingest.
   */
  private static final FieldType ITEM_TEXT = new FieldType();

  static {
    ITEM_TEXT.setTokenized(true);
    ITEM_TEXT.setStored(false);
    ITEM_TEXT.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS);
    ITEM_TEXT.freeze();
  }

  Document fact(FactFile story, Fact fact) {
    Document d = new Document();
    String storyId = story.story().id();
    d.add(new StringField(Fields.TYPE, Fields.TYPE_FACT, Field.Store.NO));
    d.add(new StringField(Fields.FACT_KEY, storyId + "/" + fact.id(), Field.Store.YES));
    d.add(new StringField(Fields.STORY, storyId, Field.Store.YES));
    d.add(new StoredField(Fields.FACT_ID, fact.id()));
    d.add(new StringField(Fields.STATUS, fact.status().label(), Field.Store.NO));
    StringBuilder extra = new StringBuilder();
    for (Entity e : story.entitiesOf(fact)) {
      d.add(new StringField(Fields.ENTITY, storyId + "/" + e.id(), Field.Store.NO));
      for (String name : e.names()) {
        extra.append(" .\n").append(name);
      }
    }
    for (String who : fact.who()) {
      d.add(new StringField(Fields.WHO, storyId + "/" + who, Field.Store.NO));
    }
    if (!fact.who().isEmpty()) {
      d.add(new StringField(Fields.HAS_WHO, "y", Field.Store.NO));
    }
    for (String tag : fact.tags()) {
      extra.append(" .\n").append(tag);
    }
    fact.note().ifPresent(n -> extra.append(" .\n").append(n));
    if (fact.status() != Fact.Status.CONFIRMED) {
      extra.append(" .\n").append(fact.status().label());
    }
    for (Source s : story.sourcesOf(fact)) {
      extra.append(" .\n").append(s.title()).append(" .\n").append(s.outlet());
    }
    d.add(new TextField(Fields.TEXT, fact.text(), Field.Store.NO));
    d.add(new TextField(Fields.EXTRA, extra.toString(), Field.Store.NO));
    d.add(new TextField(Fields.WORDS, fact.text() + " " + String.join(" ", fact.tags()),
        Field.Store.NO));
    fact.date().ifPresent(date -> {
      d.add(new StringField(Fields.HAS_DATE, "y", Field.Store.NO));
      d.add(new LongPoint(Fields.DATE_START, date.start().toEpochDay()));
      d.add(new LongPoint(Fields.DATE_END, date.end().toEpochDay()));
    });
    return d;
  }

  /**
   * An item's document; {@code stories} is what the story matcher finds in its title and summary
   * (those of other stories than its feed's are left out here).
   */
  Document item(FeedItem item, List<StoryMatcher.StoryMatch> stories,
      Map<String, Set<String>> feedStories) {
    Set<String> allowed = feedStories.get(item.feedId());
    Document d = new Document();
    d.add(new StringField(Fields.TYPE, Fields.TYPE_ITEM, Field.Store.NO));
    d.add(new StringField(Fields.ITEM_KEY, item.key(), Field.Store.YES));
    item.link().ifPresent(l -> d.add(new StringField(Fields.LINK, l.toString(), Field.Store.YES)));
    d.add(new StoredField(Fields.TITLE, item.title()));
    String summary = item.summary().length() > MAX_STORED_SUMMARY
        ? item.summary().substring(0, MAX_STORED_SUMMARY) : item.summary();
    d.add(new StoredField(Fields.SUMMARY, summary));
    d.add(new StringField(Fields.OUTLET, item.outlet(), Field.Store.YES));
    d.add(new StoredField(Fields.FEED, item.feedId()));
    item.language().ifPresent(l -> d.add(new StoredField(Fields.LANGUAGE, l)));
    long published = item.published().toEpochMilli();
    d.add(new LongPoint(Fields.PUBLISHED, published));
    d.add(new NumericDocValuesField(Fields.PUBLISHED, published));
    d.add(new StoredField(Fields.PUBLISHED, published));
    if (item.publishedEstimated()) {
      d.add(new StoredField(Fields.ESTIMATED, 1));
    }
    d.add(new StoredField(Fields.FIRST_SEEN, item.firstSeen().toEpochMilli()));
    d.add(new Field(Fields.ITEM_TEXT, item.title() + " .\n" + lede(item.summary()), ITEM_TEXT));
    d.add(new Field(Fields.ITEM_EXTRA, item.outlet(), ITEM_TEXT));
    for (StoryMatcher.StoryMatch m : stories) {
      if (allowed != null && !allowed.contains(m.story())) {
        continue; // the feed is restricted to other stories
      }
      d.add(new StringField(Fields.STORY, m.story(), Field.Store.YES));
      for (String e : m.entities()) {
        d.add(new StringField(Fields.ENTITY, m.story() + "/" + e, Field.Store.NO));
      }
      for (String t : m.terms()) {
        d.add(new StoredField(Fields.MATCHED, m.story() + ":" + t));
      }
    }
    return d;
  }

  /** The start of a summary: enough to say what an item is about, without its whole article. */
  private static String lede(String summary) {
    if (summary.length() <= MAX_INDEXED_SUMMARY) {
      return summary;
    }
    int cut = summary.lastIndexOf(' ', MAX_INDEXED_SUMMARY);
    return summary.substring(0, cut > 0 ? cut : MAX_INDEXED_SUMMARY);
  }

  static FeedItem toItem(Document d) {
    String link = d.get(Fields.LINK);
    IndexableField estimated = d.getField(Fields.ESTIMATED);
    return new FeedItem(d.get(Fields.ITEM_KEY), d.get(Fields.FEED), d.get(Fields.OUTLET),
        d.get(Fields.TITLE), d.get(Fields.SUMMARY),
        link == null ? Optional.empty() : Optional.of(URI.create(link)),
        Instant.ofEpochMilli(d.getField(Fields.PUBLISHED).numericValue().longValue()),
        estimated != null, Optional.ofNullable(d.get(Fields.LANGUAGE)),
        Instant.ofEpochMilli(d.getField(Fields.FIRST_SEEN).numericValue().longValue()));
  }
}

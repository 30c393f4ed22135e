package org.backgrounder.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** Builds and runs Lucene queries for {@link Queries}; every need becomes a required clause. */
final class Search {

  /** BM25 with weak length normalization: a fact's length says little about its relevance. */
  static final org.apache.lucene.search.similarities.Similarity SIMILARITY =
      new org.apache.lucene.search.similarities.BM25Similarity(1.2f, 0.3f);

  private Search() {}

  static List<Queries.FactHit> facts(IndexSearcher s, Queries.FactQuery q) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_FACT)), Occur.FILTER);
    storyFilter(b, q.stories());
    q.dates().ifPresent(r -> {
      b.add(LongPoint.newRangeQuery(Fields.DATE_START, Long.MIN_VALUE, r.to().toEpochDay()), Occur.FILTER);
      b.add(LongPoint.newRangeQuery(Fields.DATE_END, r.from().toEpochDay(), Long.MAX_VALUE), Occur.FILTER);
    });
    List<Need> required = new ArrayList<>(q.needs());
    if (q.relaxed()) {
      required.addAll(q.soft());
    }
    addNeeds(b, required, q.relaxed(), Fields.Matching.FACTS);
    if (!q.relaxed()) {
      for (Need.Word soft : q.soft()) {
        b.add(new BoostQuery(clause(soft, Fields.Matching.FACTS), 0.5f * soft.weight()), Occur.SHOULD);
      }
    }
    b.add(new BoostQuery(new TermQuery(new Term(Fields.STATUS, "confirmed")), 0.3f), Occur.SHOULD);
    for (Need n : q.needs()) {
      if (n instanceof Need.Entity e) {
        for (String key : e.keys()) {
          b.add(new BoostQuery(new TermQuery(new Term(Fields.WHO, key)), 0.5f), Occur.SHOULD);
        }
      }
    }
    if (q.preferActors()) {
      b.add(new BoostQuery(new TermQuery(new Term(Fields.HAS_WHO, "y")), 1f), Occur.SHOULD);
    }
    if (q.preferDated()) {
      b.add(new BoostQuery(new TermQuery(new Term(Fields.HAS_DATE, "y")), 1f), Occur.SHOULD);
    }
    if (required.isEmpty()) {
      b.add(new BoostQuery(new MatchAllDocsQuery(), 0.01f), Occur.SHOULD);
    }
    TopDocs top = s.search(b.build(), q.limit());
    StoredFields stored = s.storedFields();
    List<Queries.FactHit> out = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) {
      Document d = stored.document(sd.doc);
      out.add(new Queries.FactHit(d.get(Fields.STORY), d.get(Fields.FACT_ID), sd.score));
    }
    return out;
  }

  static List<Queries.ItemHit> items(IndexSearcher s, Queries.ItemQuery q) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_ITEM)), Occur.FILTER);
    storyFilter(b, q.stories());
    q.since().ifPresent(t -> b.add(published(t.toEpochMilli(), Long.MAX_VALUE), Occur.FILTER));
    q.dates().ifPresent(r -> b.add(published(
        r.from().atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli(),
        r.to().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli() - 1),
        Occur.FILTER));
    addNeeds(b, q.needs(), false, Fields.Matching.ITEMS);
    if (q.needs().isEmpty()) {
      b.add(new MatchAllDocsQuery(), Occur.SHOULD);
    }
    TopDocs top = switch (q.order()) {
      case RELEVANCE -> s.search(b.build(), q.limit());
      case NEWEST -> s.search(b.build(), q.limit(),
          new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, true)), true);
      case OLDEST -> s.search(b.build(), q.limit(),
          new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, false)), true);
    };
    StoredFields stored = s.storedFields();
    List<Queries.ItemHit> out = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) {
      Document d = stored.document(sd.doc);
      Set<String> stories = new LinkedHashSet<>(List.of(d.getValues(Fields.STORY)));
      List<String> matched = List.of(d.getValues(Fields.MATCHED));
      out.add(new Queries.ItemHit(Documents.toItem(d), stories, matched,
          Float.isNaN(sd.score) ? 0f : sd.score));
    }
    return out;
  }

  /**
   * Items published in a range. A range that keeps most items ("the last year") is checked per
   * candidate with doc values instead of collecting every matching document from the points.
   */
  private static Query published(long from, long to) {
    return new IndexOrDocValuesQuery(LongPoint.newRangeQuery(Fields.PUBLISHED, from, to),
        NumericDocValuesField.newSlowRangeQuery(Fields.PUBLISHED, from, to));
  }

  private static void storyFilter(BooleanQuery.Builder b, Set<String> stories) {
    if (stories.isEmpty()) {
      return;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String story : stories) {
      any.add(new TermQuery(new Term(Fields.STORY, story)), Occur.SHOULD);
    }
    b.add(any.build(), Occur.FILTER);
  }

  /**
   * Adds each need as a required clause; when relaxed, one required clause of which any need
   * suffices (so that ranking boosts never count as a match).
   */
  private static void addNeeds(BooleanQuery.Builder b, List<Need> needs, boolean relaxed,
      Fields.Matching fields) {
    BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
    for (Need n : needs) {
      Query clause = fields == Fields.Matching.FACTS && n instanceof Need.Entity e && e.actor()
          && !relaxed ? actorClause(e) : clause(n, fields);
      if (relaxed) {
        anyOf.add(clause, Occur.SHOULD);
      } else {
        b.add(clause, Occur.MUST);
      }
      if (n instanceof Need.Word w && fields.words() != null) {
        b.add(new BoostQuery(new TermQuery(new Term(fields.words(), w.folded())), 0.3f), Occur.SHOULD);
      }
    }
    if (relaxed && !needs.isEmpty()) {
      b.add(anyOf.build(), Occur.MUST);
    }
  }

  /** The entity as a fact's actor (in its {@code who}). */
  private static Query actorClause(Need.Entity e) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String key : e.keys()) {
      any.add(new TermQuery(new Term(Fields.WHO, key)), Occur.SHOULD);
    }
    return any.build();
  }

  private static Query clause(Need need, Fields.Matching f) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    if (need instanceof Need.Word w) {
      for (String v : w.variants()) {
        any.add(new TermQuery(new Term(f.text(), v)), Occur.SHOULD);
        any.add(new BoostQuery(new TermQuery(new Term(f.extra(), v)), 0.5f), Occur.SHOULD);
      }
      for (String v : w.related()) {
        if (!w.variants().contains(v)) {
          any.add(new BoostQuery(new TermQuery(new Term(f.text(), v)), 0.6f), Occur.SHOULD);
          any.add(new BoostQuery(new TermQuery(new Term(f.extra(), v)), 0.3f), Occur.SHOULD);
        }
      }
      if (w.fuzzy() && f.fuzzy()) {
        any.add(new BoostQuery(new FuzzyQuery(new Term(f.text(), w.folded()), 1, 2), 0.4f),
            Occur.SHOULD);
      }
    } else if (need instanceof Need.Entity e) {
      for (String key : e.keys()) {
        any.add(new BoostQuery(new TermQuery(new Term(Fields.ENTITY, key)), 1.5f), Occur.SHOULD);
      }
      for (List<String> name : e.names()) {
        if (name.size() == 1) {
          any.add(new TermQuery(new Term(f.text(), name.get(0))), Occur.SHOULD);
        } else if (!name.isEmpty() && f.phrases()) {
          any.add(new PhraseQuery(f.text(), name.toArray(String[]::new)), Occur.SHOULD);
        }
      }
    }
    return any.build();
  }
}

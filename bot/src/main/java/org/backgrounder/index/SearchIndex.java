package org.backgrounder.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.backgrounder.facts.Entity;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFile;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.PollMatches;
import org.backgrounder.feeds.Poller;
import org.backgrounder.feeds.StoryMatcher;

/**
 * The on-disk index of facts and feed items. Writes are serialized; reads use a refreshed searcher
 * and never block writes. The fact base it was built from is remembered in the index itself, so
 * opening an index built from the same fact files costs nothing, and a change is picked up by
 * {@link #sync}.
 */
public final class SearchIndex implements Closeable {

  private static final String FACTS_PRINT = "facts-fingerprint";
  private static final String VOCAB_PRINT = "vocabulary-fingerprint";
  private static final String STORE_SEQ = "store-seq";
  /** Changes whenever documents are indexed differently, so an old index is rebuilt. */
  private static final String SCHEMA = "schema-6";

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private volatile FactBase factBase = FactBase.empty();
  private volatile StoryMatcher matcher = StoryMatcher.of(FactBase.empty());
  /** The fingerprints of {@link #factBase}, kept with every commit (computed once per base). */
  private String factsPrint = factsFingerprint(FactBase.empty());
  private String vocabPrint = vocabularyFingerprint(FactBase.empty(), Map.of());
  private volatile Map<String, Set<String>> feedStories = Map.of();
  /** The change number of the item store that this index has caught up with. */
  private long storeSeq;
  /**
   * After a rebuild from the store, items stored while it ran may already be in the index; the
   * next catch-up then replaces rather than adds.
   */
  private boolean replaceOnNextCatchUp;
  private final Documents documents = new Documents();

  private SearchIndex(Directory directory) throws IOException {
    this.directory = directory;
    Map<String, org.apache.lucene.analysis.Analyzer> perField = new HashMap<>();
    perField.put(Fields.TEXT, TextAnalysis.variants());
    perField.put(Fields.EXTRA, TextAnalysis.variants());
    perField.put(Fields.ITEM_TEXT, TextAnalysis.variants());
    perField.put(Fields.ITEM_EXTRA, TextAnalysis.variants());
    perField.put(Fields.WORDS, TextAnalysis.words());
    IndexWriterConfig config = new IndexWriterConfig(
        new PerFieldAnalyzerWrapper(TextAnalysis.words(), perField));
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(48);
    config.setCommitOnClose(true);
    config.setSimilarity(Search.SIMILARITY);
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
          org.apache.lucene.index.IndexReader previous) {
        IndexSearcher s = new IndexSearcher(reader);
        s.setSimilarity(Search.SIMILARITY);
        return s;
      }
    });
  }

  /** Opens (or creates) the index in {@code folder}. */
  public static SearchIndex open(Path folder) throws IOException {
    Files.createDirectories(folder);
    return new SearchIndex(FSDirectory.open(folder));
  }

  /** An index in memory, for tests and benchmarks that do not keep it. */
  public static SearchIndex inMemory() {
    try {
      return new SearchIndex(new ByteBuffersDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fact base the index currently holds. */
  public FactBase factBase() {
    return factBase;
  }

  /**
   * Brings the index in line with {@code facts}: nothing to do when it was built from the same
   * files; facts replaced when only facts changed; everything rebuilt (items from {@code items})
   * when names, aliases or keywords changed, because those decide which items match which story.
   *
   * @return what was done, for the log
   */
  public synchronized String sync(FactBase facts, Supplier<? extends Iterable<FeedItem>> items)
      throws IOException {
    return sync(facts, items, 0);
  }

  /**
   * Like {@link #sync(FactBase, Supplier)}, for items from a store whose latest change number is
   * {@code itemsSeq}: a rebuild records it, so {@link #catchUp} does not index them twice.
   */
  public synchronized String sync(FactBase facts, Supplier<? extends Iterable<FeedItem>> items,
      long itemsSeq) throws IOException {
    Map<String, String> stored = committedUserData();
    storeSeq = Long.parseLong(stored.getOrDefault(STORE_SEQ, "0"));
    setFactBase(facts);
    if (!vocabPrint.equals(stored.get(VOCAB_PRINT))) {
      storeSeq = itemsSeq;
      // Items stored while the rebuild read them may be in it and come again at the next
      // catch-up, which then replaces rather than adds; a rebuild that read no items (a new data
      // folder) leaves nothing to replace, and the first ingest adds on every core.
      replaceOnNextCatchUp = rebuildCounting(facts, items.get()) > 0;
      return "rebuilt";
    }
    if (!factsPrint.equals(stored.get(FACTS_PRINT))) {
      writeFacts(facts);
      commit();
      return "facts updated";
    }
    return "unchanged";
  }

  /** Replaces everything: the facts of {@code facts}, and {@code items}. */
  public synchronized void rebuild(FactBase facts, Iterable<FeedItem> items) throws IOException {
    rebuildCounting(facts, items);
  }

  /** {@link #rebuild}, saying how many items it indexed. */
  private int rebuildCounting(FactBase facts, Iterable<FeedItem> items) throws IOException {
    setFactBase(facts);
    writer.deleteAll();
    writeFacts(facts);
    int added = addAll(items);
    commit();
    return added;
  }

  /**
   * Adds items that cannot be in the index yet (after {@code deleteAll}), on every core: the
   * writer is thread-safe, and building documents (analysis, story matching) is the costly part.
   * Plain adds skip the delete-by-key an update would do per item.
   */
  private int addAll(Iterable<FeedItem> items) throws IOException {
    return inParallel(items, stories(NO_MATCHES), (docs, batch) -> writer.addDocuments(docs));
  }

  /** Matches of no poll run, for items the index reads from elsewhere. */
  private static final PollMatches NO_MATCHES = new PollMatches();

  /**
   * The stories an item's text mentions, for its document: what {@code polled} found in the same
   * text with the same fact base, else what the matcher finds. Fixed at the call, as the matcher
   * and fact base it uses.
   */
  private Function<FeedItem, List<StoryMatcher.StoryMatch>> stories(PollMatches polled) {
    StoryMatcher m = matcher;
    FactBase base = factBase;
    return item -> polled.of(item, base).orElseGet(() -> m.match(item.title(), item.summary()));
  }

  /** What to do with a batch of built documents (and the items they came from). */
  private interface BatchWriter {
    void write(List<Document> docs, List<FeedItem> batch) throws IOException;
  }

  /** Builds and writes {@code items} on every core; returns how many there were. */
  private int inParallel(Iterable<FeedItem> items,
      Function<FeedItem, List<StoryMatcher.StoryMatch>> stories, BatchWriter write)
      throws IOException {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        threads, r -> {
          Thread t = new Thread(r, "index-rebuild");
          t.setDaemon(true);
          return t;
        });
    java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(threads * 2);
    List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
    int count = 0;
    try {
      List<FeedItem> batch = new ArrayList<>(512);
      for (FeedItem item : items) {
        count++;
        batch.add(item);
        if (batch.size() == 512) {
          pending.add(submit(pool, inFlight, batch, stories, write));
          batch = new ArrayList<>(512);
        }
      }
      if (!batch.isEmpty()) {
        pending.add(submit(pool, inFlight, batch, stories, write));
      }
      for (java.util.concurrent.Future<?> f : pending) {
        f.get();
      }
      // Each thread filled a buffer of its own; a commit would write them out one after another
      // on the caller's thread, with the other cores idle. Write them side by side instead.
      pending.clear();
      for (int i = 0; i < threads; i++) {
        pending.add(pool.submit(() -> {
          while (writer.flushNextBuffer()) {
            // the next thread's buffer, if it is still there
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : pending) {
        f.get();
      }
      return count;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private java.util.concurrent.Future<?> submit(java.util.concurrent.ExecutorService pool,
      java.util.concurrent.Semaphore inFlight, List<FeedItem> batch,
      Function<FeedItem, List<StoryMatcher.StoryMatch>> stories, BatchWriter write)
      throws InterruptedException {
    inFlight.acquire();
    Map<String, Set<String>> restricted = feedStories;
    return pool.submit(() -> {
      try {
        List<Document> docs = new ArrayList<>(batch.size());
        for (FeedItem item : batch) {
          docs.add(documents.item(item, stories.apply(item), restricted));
        }
        write.write(docs, batch);
        return null;
      } finally {
        inFlight.release();
      }
    });
  }

  /** Adds items, replacing any stored under the same key; call {@link #commit()} after. */
  public synchronized void upsertItems(Collection<FeedItem> items) throws IOException {
    upsertItems(items, stories(NO_MATCHES));
  }

  private void upsertItems(Collection<FeedItem> items,
      Function<FeedItem, List<StoryMatcher.StoryMatch>> stories) throws IOException {
    if (items.size() < 512) {
      for (FeedItem item : items) {
        writer.updateDocument(new Term(Fields.ITEM_KEY, item.key()),
            documents.item(item, stories.apply(item), feedStories));
      }
      return;
    }
    inParallel(items, stories, (docs, batch) -> {
      for (int i = 0; i < batch.size(); i++) {
        writer.updateDocument(new Term(Fields.ITEM_KEY, batch.get(i).key()), docs.get(i));
      }
    });
  }

  /**
   * Indexes what the store changed since this index last caught up (new polls; or a process
   * killed between storing items and indexing them) and commits.
   *
   * @return how many items were indexed
   */
  public synchronized int catchUp(org.backgrounder.feeds.FeedStore store) throws IOException {
    return catchUp(store, NO_MATCHES);
  }

  /**
   * {@link #catchUp(org.backgrounder.feeds.FeedStore)}, taking the stories of the items a poll
   * run just stored from what that run found in them rather than matching their text again.
   */
  public synchronized int catchUp(org.backgrounder.feeds.FeedStore store, PollMatches polled)
      throws IOException {
    org.backgrounder.feeds.FeedStore.Changes changes = store.changesAfter(storeSeq);
    if (changes.added().isEmpty() && changes.changed().isEmpty()) {
      return 0;
    }
    Function<FeedItem, List<StoryMatcher.StoryMatch>> stories = stories(polled);
    if (replaceOnNextCatchUp) {
      upsertItems(changes.items(), stories);
      replaceOnNextCatchUp = false;
    } else {
      // Items first stored after the last catch-up cannot be in the index: plain adds suffice,
      // on every core when there are many (a poll run usually brings a few).
      if (changes.added().size() < 512) {
        for (FeedItem item : changes.added()) {
          writer.addDocument(documents.item(item, stories.apply(item), feedStories));
        }
      } else {
        inParallel(changes.added(), stories, (docs, batch) -> writer.addDocuments(docs));
      }
      upsertItems(changes.changed(), stories);
    }
    storeSeq = changes.seq();
    commit();
    return changes.added().size() + changes.changed().size();
  }

  /**
   * A poller's sink that indexes what it stored, as {@link #catchUp} does, with the stories the
   * poll run found in the items.
   */
  public Poller.ItemSink catchingUp(org.backgrounder.feeds.FeedStore store) {
    return new Poller.ItemSink() {
      @Override
      public void accept(List<FeedItem> changed) throws IOException {
        catchUp(store);
      }

      @Override
      public void accept(List<FeedItem> changed, PollMatches matches) throws IOException {
        catchUp(store, matches);
      }
    };
  }

  /** Makes written changes durable and visible to searches. */
  public synchronized void commit() throws IOException {
    Map<String, String> data = new HashMap<>();
    data.put(STORE_SEQ, Long.toString(storeSeq));
    data.put(FACTS_PRINT, factsPrint);
    data.put(VOCAB_PRINT, vocabPrint);
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  /** Facts that contain every need of {@code q}, best first. */
  public List<Queries.FactHit> facts(Queries.FactQuery q) {
    return withSearcher(s -> Search.facts(s, q));
  }

  /** Items that contain every need of {@code q}, in the order asked. */
  public List<Queries.ItemHit> items(Queries.ItemQuery q) {
    return withSearcher(s -> Search.items(s, q));
  }

  /** Whether {@code url} is the link of an indexed feed item. */
  public boolean holdsItemLink(URI url) {
    return withSearcher(s -> s.count(new TermQuery(new Term(Fields.LINK, url.toString()))) > 0);
  }

  /** The indexed feed item whose link is {@code url}, if any (a link pasted into the chat). */
  public Optional<FeedItem> itemByLink(URI url) {
    return withSearcher(s -> {
      org.apache.lucene.search.TopDocs top =
          s.search(new TermQuery(new Term(Fields.LINK, url.toString())), 1);
      return top.scoreDocs.length == 0 ? Optional.<FeedItem>empty()
          : Optional.of(Documents.toItem(s.storedFields().document(top.scoreDocs[0].doc)));
    });
  }

  /** How many feed items are indexed. */
  public int itemCount() {
    return withSearcher(s -> s.count(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_ITEM))));
  }

  /** The index's size on disk (or in memory), in bytes. */
  public long sizeInBytes() throws IOException {
    long total = 0;
    for (String file : directory.listAll()) {
      try {
        total += directory.fileLength(file);
      } catch (IOException ignored) {
        // a file deleted by a merge while we count
      }
    }
    return total;
  }

  @Override
  public synchronized void close() throws IOException {
    searchers.close();
    writer.close();
    directory.close();
  }

  private void setFactBase(FactBase facts) {
    if (facts == factBase) {
      return;
    }
    this.factBase = facts;
    this.matcher = StoryMatcher.of(facts);
    this.factsPrint = factsFingerprint(facts);
    this.vocabPrint = vocabularyFingerprint(facts, feedStories);
  }

  /**
   * The stories each feed may feed, from {@code feeds.yaml} ({@code stories:}); a feed not named
   * here feeds any story. An item of a restricted feed is tagged only with its feed's stories,
   * so it answers and counts for no other. Call before {@link #sync}: a change rebuilds the
   * items' tags there.
   */
  public synchronized void restrictFeeds(Map<String, Set<String>> storiesByFeed) {
    Map<String, Set<String>> copy = new java.util.TreeMap<>();
    storiesByFeed.forEach((feed, stories) -> copy.put(feed, Set.copyOf(stories)));
    this.feedStories = java.util.Collections.unmodifiableMap(copy);
    this.vocabPrint = vocabularyFingerprint(factBase, feedStories);
  }

  private void writeFacts(FactBase facts) throws IOException {
    writer.deleteDocuments(new Term(Fields.TYPE, Fields.TYPE_FACT));
    List<Document> docs = new ArrayList<>();
    for (FactFile story : facts.stories()) {
      for (var fact : story.facts()) {
        docs.add(documents.fact(story, fact));
      }
    }
    writer.addDocuments(docs);
  }

  private Map<String, String> committedUserData() throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return Map.of();
    }
    Map<String, String> data = new HashMap<>();
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
      data.put(e.getKey(), e.getValue());
    }
    return data;
  }

  private interface SearchFn<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(SearchFn<T> fn) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return fn.apply(s);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A digest of every fact file's content: changes when any fact, source or entity changes. */
  static String factsFingerprint(FactBase facts) {
    StringBuilder b = new StringBuilder();
    for (FactFile f : facts.stories()) {
      b.append(f.story()).append(f.entities()).append(f.sources()).append(f.facts());
    }
    return sha256(b.toString());
  }

  /**
   * A digest of what decides item matching: keywords and entity names, per story, and which
   * stories each restricted feed may feed.
   */
  static String vocabularyFingerprint(FactBase facts, Map<String, Set<String>> feedStories) {
    StringBuilder b = new StringBuilder(SCHEMA);
    feedStories.forEach((feed, stories) -> b.append('|').append(feed).append(new java.util.TreeSet<>(
        stories)));
    for (FactFile f : facts.stories()) {
      b.append('|').append(f.story().id()).append(f.story().keywords());
      for (Entity e : f.entities()) {
        b.append(e.id()).append(e.names());
      }
    }
    return sha256(b.toString());
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

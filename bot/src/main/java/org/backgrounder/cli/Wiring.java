package org.backgrounder.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.apache.lucene.store.LockObtainFailedException;
import org.backgrounder.answer.AnswerEngine;
import org.backgrounder.command.Audit;
import org.backgrounder.command.CommandRegistry;
import org.backgrounder.command.DigestCommands;
import org.backgrounder.command.Dispatcher;
import org.backgrounder.command.FeedCommands;
import org.backgrounder.command.Interceptors;
import org.backgrounder.command.StandardCommands;
import org.backgrounder.config.ConfigException;
import org.backgrounder.config.Settings;
import org.backgrounder.desk.DeskSources;
import org.backgrounder.digest.DigestComposer;
import org.backgrounder.digest.DigestLedger;
import org.backgrounder.digest.DigestScheduler;
import org.backgrounder.digest.Digests;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactHistory;
import org.backgrounder.facts.FactsReloader;
import org.backgrounder.facts.FactFileLoader;
import org.backgrounder.feeds.FeedConfig;
import org.backgrounder.feeds.Fetcher;
import org.backgrounder.feeds.FeedsFile;
import org.backgrounder.feeds.Poller;
import org.backgrounder.index.SearchIndex;
import org.backgrounder.ops.Metrics;
import org.backgrounder.feeds.FeedStore;
import org.backgrounder.store.AuditLog;
import org.backgrounder.store.StoreException;
import org.backgrounder.store.Stores;
import org.backgrounder.yaml.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The parts a command needs, wired from the settings: the composition root. */
final class Wiring implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

  /**
   * What a command does with the data folder. Only one writer (chat, run, ingest) may hold the
   * index; readers (ask, digest) work beside it, from a copy of the index built in memory.
   */
  enum Access { READ, WRITE }

  final Settings settings;
  final Path configDir;
  final Path dataDir;
  final Clock clock;
  final Stores stores;
  final FeedStore feedStore;
  final List<FeedConfig> feeds;
  final List<Problem> feedProblems;
  final SearchIndex index;
  final Metrics metrics = new Metrics();
  final AuditLog audit;
  final FactHistory history;
  final DigestLedger ledger;
  final Digests digests;
  final FactsReloader reloader;
  /** Where reload errors go besides the log; {@code run} points it at the admin channel. */
  volatile Consumer<List<Problem>> reloadErrors = problems -> { };
  /** Told of each fact base a reload put into the index; {@code chat} tells its user. */
  volatile Consumer<FactBase> reloaded = base -> { };
  /** The running scheduler, for {@code /digest --post}; none outside {@code run}. */
  volatile DigestScheduler scheduler;
  private final Set<String> admins;
  /**
   * What answers questions and commands, made when first asked for: ingest and digest answer
   * none, and making them (the question parser's vocabulary, the fact finder) is a tenth of a
   * second of their start.
   */
  private AnswerEngine engine;
  private Dispatcher dispatcher;
  /**
   * The one OkHttp client, made when first asked for: a command that fetches nothing (ingest of
   * local files, ask, digest) loads neither it nor the trust store it reads.
   */
  private OkHttpClient http;

  private Wiring(Settings settings, Set<String> localAdmins, Path configDir, Path dataDir,
      Clock clock, Stores stores, SearchIndex index, FeedsFile.Result feeds) {
    this.settings = settings;
    Set<String> admins = new java.util.LinkedHashSet<>(settings.admins());
    admins.addAll(localAdmins);
    this.admins = admins;
    this.configDir = configDir;
    this.dataDir = dataDir;
    this.clock = clock;
    this.stores = stores;
    this.feedStore = stores.feeds();
    this.feeds = feeds.feeds();
    this.feedProblems = feeds.problems();
    this.index = index;
    this.audit = stores.audit();
    this.history = stores.history();
    this.ledger = stores.ledger();
    this.reloader = new FactsReloader(configDir.resolve("facts"), FactFileLoader.standard(),
        index.factBase(), this::factsChanged, problems -> reloadErrors.accept(problems));
    this.digests = new Digests(feedStore, history, index::factBase, () -> this.feeds);
  }

  /** The project's OkHttp client, whose pools every use shares. */
  synchronized OkHttpClient http() {
    if (http == null) {
      http = new OkHttpClient();
    }
    return http;
  }

  /** Cancels the calls under way on the OkHttp client, if there is one. */
  synchronized void cancelHttpCalls() {
    if (http != null) {
      http.dispatcher().cancelAll();
    }
  }

  /** The answer engine over the index. */
  synchronized AnswerEngine engine() {
    if (engine == null) {
      engine = new AnswerEngine(index, clock, new AnswerEngine.Options(
          settings.answers().staleAfter(), settings.answers().recentItems()));
    }
    return engine;
  }

  /** The commands, questions included, behind their interceptors. */
  synchronized Dispatcher dispatcher() {
    if (dispatcher == null) {
      CommandRegistry registry = StandardCommands.register(new CommandRegistry(), engine());
      FeedCommands.register(registry, () -> this.feeds, feedStore, clock);
      DigestCommands.register(registry, digests, this::postDigestsNow, reloader::reloadNow,
          settings.digests().isEmpty() ? DigestComposer.UTC : settings.digests().get(0).zone(),
          clock);
      dispatcher = new Dispatcher(registry, List.of(
          Interceptors.ignoreBots(),
          Interceptors.maxLength(settings.limits().maxQuestionChars()),
          Interceptors.rateLimit(settings.limits().questionsPerMinute(), System::nanoTime),
          Interceptors.adminOnly(registry, admins),
          Interceptors.timed(metrics::question, System::nanoTime),
          Audit.interceptor(audit, clock)));
    }
    return dispatcher;
  }

  /** A new fact base goes into the index, and its changes into the history digests report. */
  private void factsChanged(FactBase base) {
    try {
      LOG.info("index {} for the reloaded fact files", index.sync(base, feedStore::items,
          feedStore.lastSeq()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not index the reloaded fact files", e);
    }
    history.record(base, clock.instant());
    reloaded.accept(base);
  }

  /**
   * Logs what changed in the fact files since the bot last looked (edits made while it was not
   * running), for digests. Only the commands that make digests pay for it.
   */
  void recordFactChanges() {
    history.record(index.factBase(), clock.instant());
  }

  private List<String> postDigestsNow(Instant now) {
    DigestScheduler s = scheduler;
    if (s == null) {
      return List.of("Digests are posted by the running bot (backgrounder run), or with"
          + " backgrounder digest --post.");
    }
    return s.postNow(now, Optional.empty());
  }

  /**
   * What the desk's page reads: the stores, the fact base now serving, and which links it may
   * show as links (those a fact file or a stored feed item holds).
   */
  DeskSources deskSources() {
    return new DeskSources(index::factBase, stores.auditReview(), stores.feedReview(),
        feedStore, () -> feeds, ledger, settings.digests(),
        url -> index.factBase().holdsLink(url) || index.holdsItemLink(url),
        settings.answers().staleAfter(), clock);
  }

  /** The digest scheduler over the configured digests, posting with {@code poster}. */
  DigestScheduler scheduler(DigestScheduler.Poster poster,
      Set<Settings.Platform> deduplicating) {
    return new DigestScheduler(settings.digests(), digests, ledger, poster, deduplicating,
        settings.adminChannelIfSet(), metrics::digestPosted, clock);
  }

  /** {@link #open(BackgrounderCommand, Access, Set)} for a writer with the settings' admins. */
  static Wiring open(BackgrounderCommand top) throws ConfigException, IOException {
    return open(top, Access.WRITE, Set.of());
  }

  /**
   * Loads settings, facts (refusing to start on any fact-file error) and feeds, opens the
   * database and the index, and brings the index up to date with both.
   *
   * @param localAdmins admins besides the settings' ({@code platform:id}), such as the user of
   *     their own terminal chat
   * @throws UserError when a writer finds another Backgrounder using the data folder
   */
  static Wiring open(BackgrounderCommand top, Access access, Set<String> localAdmins)
      throws ConfigException, IOException {
    Path config = Setup.configDir(top);
    Settings settings = Setup.settings(top);
    FactBase facts = loadFacts(config);
    FeedsFile.Result feeds = FeedsFile.load(config, facts.stories().stream()
        .map(s -> s.story().id()).collect(Collectors.toSet()));
    for (Problem p : feeds.problems()) {
      LOG.warn("{}", p);
    }
    Path data = Setup.dataDir(top);
    Stores stores;
    try {
      stores = Stores.open(settings.store(), data);
    } catch (StoreException e) {
      // A database that cannot be reached or migrated is the operator's to fix: say which.
      throw new UserError(e.getMessage());
    }
    SearchIndex index = null;
    try {
      index = openIndex(data, access);
      index.restrictFeeds(feeds.feeds().stream().filter(f -> !f.stories().isEmpty())
          .collect(Collectors.toMap(FeedConfig::id, f -> Set.copyOf(f.stories()), (a, b) -> a)));
      FeedStore store = stores.feeds();
      String what = index.sync(facts, store::items, store.lastSeq());
      int caught = index.catchUp(store);
      LOG.debug("index {}; {} stored items indexed on catching up", what, caught);
      return new Wiring(settings, localAdmins, config, data, Clock.systemDefaultZone(), stores,
          index, feeds);
    } catch (IOException | RuntimeException e) {
      if (index != null) {
        index.close();
      }
      stores.close();
      throw e;
    }
  }

  /**
   * The index in {@code data/index}. Lucene lets one process at a time write there; when another
   * Backgrounder holds it, a reader builds its own copy in memory from the fact files and the
   * stored feed items (the database takes several readers), and a writer stops with a message.
   */
  private static SearchIndex openIndex(Path data, Access access) throws IOException {
    try {
      return SearchIndex.open(data.resolve("index"));
    } catch (LockObtainFailedException e) {
      if (access == Access.WRITE) {
        throw new UserError("another Backgrounder is using " + data + " (a chat, run or ingest);"
            + " stop it first, or give this one another folder with --data DIR");
      }
      LOG.debug("the index in {} is in use; answering from a copy in memory", data, e);
      return SearchIndex.inMemory();
    }
  }

  /** A poller over the configured feeds that indexes what it stores. */
  Poller poller() {
    Fetcher fetcher = Fetcher.create(this::http, settings.feeds(), clock);
    return new Poller(feedStore, fetcher, index::factBase, index.catchingUp(feedStore),
        clock, new Random(), settings.feeds().maxConcurrent());
  }

  static FactBase loadFacts(Path config) {
    Path dir = config.resolve("facts");
    FactFileLoader.Result result = FactFileLoader.standard().load(dir, Path::toString);
    if (result.hasErrors()) {
      throw new UserError(describe(result.problems()));
    }
    for (Problem p : result.problems()) {
      LOG.warn("{}", p);
    }
    return result.factBase();
  }

  private static String describe(List<Problem> problems) {
    StringBuilder b = new StringBuilder();
    for (Problem p : problems) {
      b.append(p).append('\n');
    }
    long errors = problems.stream().filter(Problem::isError).count();
    return b.append("the fact files have ").append(CheckCommand.plural((int) errors, "error"))
        .append("; fix them (backgrounder check shows them again) and start again").toString();
  }

  @Override
  public void close() throws IOException {
    reloader.close();
    try {
      index.close();
    } finally {
      stores.close();
      synchronized (this) {
        if (http != null) {
          http.dispatcher().executorService().shutdown();
          http.connectionPool().evictAll();
        }
      }
    }
  }
}

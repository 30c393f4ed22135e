package org.backgrounder.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.backgrounder.answer.AnswerEngine;
import org.backgrounder.command.CommandRegistry;
import org.backgrounder.command.Dispatcher;
import org.backgrounder.command.FeedCommands;
import org.backgrounder.command.Interceptors;
import org.backgrounder.command.StandardCommands;
import org.backgrounder.config.ConfigException;
import org.backgrounder.config.Settings;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFileLoader;
import org.backgrounder.feeds.FeedConfig;
import org.backgrounder.feeds.Fetcher;
import org.backgrounder.feeds.FeedsFile;
import org.backgrounder.feeds.Poller;
import org.backgrounder.index.SearchIndex;
import org.backgrounder.store.Database;
import org.backgrounder.store.SqliteFeedStore;
import org.backgrounder.yaml.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The parts a command needs, wired from the settings: the composition root. */
final class Wiring implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

  final Settings settings;
  final Path configDir;
  final Path dataDir;
  final Clock clock;
  final Database db;
  final SqliteFeedStore feedStore;
  final List<FeedConfig> feeds;
  final List<Problem> feedProblems;
  final OkHttpClient http;
  final SearchIndex index;
  final AnswerEngine engine;
  final CommandRegistry registry;
  final Dispatcher dispatcher;

  private Wiring(Settings settings, Path configDir, Path dataDir, Clock clock, Database db,
      SearchIndex index, FeedsFile.Result feeds) {
    this.settings = settings;
    this.configDir = configDir;
    this.dataDir = dataDir;
    this.clock = clock;
    this.db = db;
    this.feedStore = new SqliteFeedStore(db);
    this.feeds = feeds.feeds();
    this.feedProblems = feeds.problems();
    this.http = new OkHttpClient();
    this.index = index;
    this.engine = new AnswerEngine(index, clock, new AnswerEngine.Options(
        settings.answers().staleAfter(), settings.answers().recentItems()));
    this.registry = StandardCommands.register(new CommandRegistry(), engine);
    FeedCommands.register(registry, () -> this.feeds, feedStore, clock);
    this.dispatcher = new Dispatcher(registry, List.of(
        Interceptors.ignoreBots(),
        Interceptors.maxLength(settings.limits().maxQuestionChars()),
        Interceptors.rateLimit(settings.limits().questionsPerMinute(), System::nanoTime),
        Interceptors.adminOnly(registry, Set.copyOf(settings.admins()))));
  }

  /**
   * Loads settings, facts (refusing to start on any fact-file error) and feeds, opens the
   * database and the index, and brings the index up to date with both.
   */
  static Wiring open(BackgrounderCommand top) throws ConfigException, IOException {
    Path config = Setup.configDir(top);
    Settings settings = Setup.settings(top);
    FactBase facts = loadFacts(config);
    FeedsFile.Result feeds = FeedsFile.load(config, facts.stories().stream()
        .map(s -> s.story().id()).collect(Collectors.toSet()));
    for (Problem p : feeds.problems()) {
      LOG.warn("{}", p);
    }
    Path data = Setup.dataDir(top);
    Database db = Database.open(data);
    SearchIndex index = null;
    try {
      index = SearchIndex.open(data.resolve("index"));
      SqliteFeedStore store = new SqliteFeedStore(db);
      String what = index.sync(facts, store::items, store.lastSeq());
      int caught = index.catchUp(store);
      LOG.debug("index {}; {} stored items indexed on catching up", what, caught);
      return new Wiring(settings, config, data, Clock.systemDefaultZone(), db, index, feeds);
    } catch (IOException | RuntimeException e) {
      if (index != null) {
        index.close();
      }
      db.close();
      throw e;
    }
  }

  /** A poller over the configured feeds that indexes what it stores. */
  Poller poller() {
    Fetcher fetcher = Fetcher.create(http, settings.feeds(), clock);
    return new Poller(feedStore, fetcher, index::factBase, changed -> index.catchUp(feedStore),
        clock, new Random(), settings.feeds().maxConcurrent());
  }

  static FactBase loadFacts(Path config) {
    Path dir = config.resolve("facts");
    FactFileLoader.Result result = FactFileLoader.standard().load(dir, Path::toString);
    if (result.hasErrors()) {
      StringBuilder b = new StringBuilder();
      for (Problem p : result.problems()) {
        b.append(p).append('\n');
      }
      b.append("the fact files have ").append(CheckCommand.plural(result.errorCount(), "error"))
          .append("; fix them (backgrounder check shows them again) and start again");
      throw new UserError(b.toString());
    }
    for (Problem p : result.problems()) {
      LOG.warn("{}", p);
    }
    return result.factBase();
  }

  @Override
  public void close() throws IOException {
    try {
      index.close();
    } finally {
      db.close();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}

package org.backgrounder.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.backgrounder.answer.AnswerEngine;
import org.backgrounder.command.CommandRegistry;
import org.backgrounder.command.Dispatcher;
import org.backgrounder.command.Interceptors;
import org.backgrounder.command.StandardCommands;
import org.backgrounder.config.ConfigException;
import org.backgrounder.config.Settings;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFileLoader;
import org.backgrounder.index.SearchIndex;
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
  final SearchIndex index;
  final AnswerEngine engine;
  final Dispatcher dispatcher;

  private Wiring(Settings settings, Path configDir, Path dataDir, Clock clock, SearchIndex index) {
    this.settings = settings;
    this.configDir = configDir;
    this.dataDir = dataDir;
    this.clock = clock;
    this.index = index;
    this.engine = new AnswerEngine(index, clock, new AnswerEngine.Options(
        settings.answers().staleAfter(), settings.answers().recentItems()));
    CommandRegistry registry = StandardCommands.register(new CommandRegistry(), engine);
    this.dispatcher = new Dispatcher(registry, List.of(
        Interceptors.ignoreBots(),
        Interceptors.maxLength(settings.limits().maxQuestionChars()),
        Interceptors.rateLimit(settings.limits().questionsPerMinute(), System::nanoTime),
        Interceptors.adminOnly(registry, Set.copyOf(settings.admins()))));
  }

  /** Loads settings and facts (refusing to start on any fact-file error) and opens the index. */
  static Wiring open(BackgrounderCommand top) throws ConfigException, IOException {
    Path config = Setup.configDir(top);
    Settings settings = Setup.settings(top);
    FactBase facts = loadFacts(config);
    Path data = Setup.dataDir(top);
    SearchIndex index = SearchIndex.open(data.resolve("index"));
    try {
      String what = index.sync(facts, List::of);
      LOG.debug("index {}", what);
    } catch (IOException | RuntimeException e) {
      index.close();
      throw e;
    }
    return new Wiring(settings, config, data, Clock.systemDefaultZone(), index);
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
    index.close();
  }
}

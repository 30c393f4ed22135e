package org.backgrounder.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.TestPaths;
import org.backgrounder.answer.AnswerEngine;
import org.backgrounder.chat.Reply;
import org.backgrounder.chat.console.ConsoleChat;
import org.backgrounder.chat.console.LineSource;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFileLoader;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.index.SearchIndex;

/**
 * The real command set and answer engine over the shipped story and a few feed items (invented,
 * with example.org links), behind the real dispatcher: what a chat adapter talks to. The
 * terminal is driven through {@link ConsoleChat} itself.
 */
public final class ShippedBot {

  public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  public static final URI SANCTIONS_LINK = URI.create("https://example.org/reuters/sinaloa-sanctions");

  private ShippedBot() {}

  /**
   * Feed items: recent coverage of sanctions, fentanyl and Tren de Aragua (that one of {@link #NOW}'s
   * day), and a 2012 profile of Palantir.
   */
  public static List<FeedItem> items() {
    return List.of(
        item("reuters-1", "Reuters", "U.S. weighs new sanctions on Sinaloa Cartel leaders",
            "Treasury officials are preparing sanctions against leaders of the Sinaloa Cartel.",
            SANCTIONS_LINK, "2026-11-20T10:00:00Z"),
        item("ap-1", "AP", "Fentanyl seizures at the border fall for a third month",
            "Customs figures show fewer fentanyl seizures at the U.S.-Mexico border.",
            URI.create("https://example.org/ap/fentanyl-seizures"), "2026-11-24T09:00:00Z"),
        item("eu-1", "El Universal", "Sheinbaum defiende la soberanía ante Washington",
            "La presidenta habló del Cártel de Sinaloa y de la cooperación con Estados Unidos.",
            URI.create("https://example.org/el-universal/soberania"), "2026-11-25T15:00:00Z"),
        item("reuters-2", "Reuters", "Tren de Aragua members arrested in Texas",
            "Police in Houston arrested four people they say belong to Tren de Aragua.",
            URI.create("https://example.org/reuters/tren-de-aragua-houston"),
            "2026-11-26T09:30:00Z"),
        item("wash-1", "Washingtonian", "The man who sold Palantir to Washington",
            "A 2012 profile of the Palantir software company and its founders.",
            URI.create("https://example.org/washingtonian/palantir-profile"),
            "2012-01-31T12:00:00Z"));
  }

  /** A feed item of {@code outlet}, published at {@code published} (an ISO instant). */
  public static FeedItem item(String key, String outlet, String title, String summary, URI link,
      String published) {
    Instant at = Instant.parse(published);
    return new FeedItem("guid:" + key, outlet.toLowerCase().replace(' ', '-'), outlet, title,
        summary, Optional.of(link), at, false, Optional.empty(), at);
  }

  /** The dispatcher, with {@code admins} as the only admins and a stand-in admin /reload. */
  public static Dispatcher dispatcher(Set<String> admins) {
    return dispatcher(admins, items());
  }

  /** The dispatcher over {@code items} instead of {@link #items()}. */
  public static Dispatcher dispatcher(Set<String> admins, List<FeedItem> items) {
    FactBase facts = FactFileLoader.standard()
        .load(TestPaths.shippedConfig().resolve("facts"), Path::toString).factBase();
    SearchIndex index = SearchIndex.inMemory();
    try {
      index.rebuild(facts, items);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AnswerEngine engine = new AnswerEngine(index, Clock.fixed(NOW, ZoneOffset.UTC),
        AnswerEngine.Options.DEFAULT);
    CommandRegistry registry = new CommandRegistry();
    registry.register(new CommandSpec("reload", "/reload", "Reloads the fact files.", true,
        r -> Reply.info("Reloaded.")));
    StandardCommands.register(registry, engine);
    return new Dispatcher(registry, List.of(Interceptors.adminOnly(registry, admins)));
  }

  /** Types {@code lines} into a terminal chat with the bot, as its admin; returns what it printed. */
  public static String terminal(String... lines) {
    return terminal(Set.of(ConsoleChat.localUser().qualifiedId()), lines);
  }

  /** Types {@code lines} into a terminal chat whose admins are {@code admins}. */
  public static String terminal(Set<String> admins, String... lines) {
    return terminal(items(), admins, lines);
  }

  /** Types {@code lines} into a terminal chat, as its admin, over {@code items}. */
  public static String terminal(List<FeedItem> items, String... lines) {
    return terminal(items, Set.of(ConsoleChat.localUser().qualifiedId()), lines);
  }

  private static String terminal(List<FeedItem> items, Set<String> admins, String... lines) {
    StringWriter out = new StringWriter();
    PrintWriter printer = new PrintWriter(out);
    java.util.Iterator<String> typed = List.of(lines).iterator();
    LineSource keyboard = prompt -> {
      if (!typed.hasNext()) {
        return null;
      }
      String line = typed.next();
      printer.print(prompt + line + "\n");
      return line;
    };
    ConsoleChat chat = ConsoleChat.create(dispatcher(admins, items)::handle, keyboard, printer,
        Clock.fixed(NOW, ZoneOffset.UTC));
    chat.run();
    printer.flush();
    return out.toString();
  }

  /** The reply to each line typed, in order (the transcript split at the prompts). */
  public static List<String> replies(String transcript) {
    return java.util.Arrays.stream(transcript.split("\nyou> ")).skip(1)
        .map(t -> t.substring(t.indexOf('\n') + 1).strip()).toList();
  }
}

package org.backgrounder.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.backgrounder.chat.console.ConsoleChat;
import org.backgrounder.chat.console.LineSource;
import org.backgrounder.yaml.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code chat}: the bot in the terminal, with the same questions and commands as in Slack. Like
 * {@code run}, it reloads edited fact files and polls the feeds in the background; the person at
 * the terminal is an admin of their own chat ({@code /reload}, {@code /feed ID}).
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
    header = "Chat with the bot in the terminal; /quit or Ctrl-D ends it.",
    description = {"Ask in plain words or use the commands (/help lists them). Fetches the",
        "feeds in the background unless --offline, and reloads edited fact files, as run does."})
final class ChatCommand implements Callable<Integer> {

  /** How often fact files and feeds are looked at, as {@code run} does. */
  private static final Service.Timing TIMING = Service.Timing.DEFAULT;

  @ParentCommand
  BackgrounderCommand top;

  @Spec
  CommandSpec spec;

  @Option(names = "--offline", description = "Do not fetch the feeds; answer from what is stored.")
  boolean offline;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Wiring w = Wiring.open(top, Wiring.Access.WRITE,
        Set.of(ConsoleChat.localUser().qualifiedId()))) {
      LineSource in = System.console() != null
          ? LineSource.terminal(w.dataDir.resolve("chat-history"))
          : LineSource.of(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
      String stories = String.join("; ", w.index.factBase().stories().stream()
          .map(s -> "the story \u201c" + s.story().title() + "\u201d").toList());
      ConsoleChat chat = ConsoleChat.create(w.dispatcher()::handle, in, out, w.clock);
      out.println("Backgrounder: ask me about " + (stories.isEmpty() ? "the desk's stories"
          : stories) + ", from the desk's fact files and recent coverage.\n"
          + "Type a question, /story for the story in brief, or /help for the commands."
          + " /quit or Ctrl-D ends the chat. You are " + ConsoleChat.localUser().qualifiedId()
          + " here, an admin of your own terminal.");
      out.flush();
      // The watcher's reloads are told; a /reload typed here answers for itself.
      Thread typing = Thread.currentThread();
      w.reloadErrors = problems -> {
        if (Thread.currentThread() != typing) {
          chat.notice(reloadErrors(problems));
        }
      };
      w.reloaded = base -> {
        if (Thread.currentThread() != typing) {
          chat.notice("Reloaded the fact files: " + base.stories().size()
              + (base.stories().size() == 1 ? " story, " : " stories, ")
              + CheckCommand.plural(base.factCount(), "fact") + ".");
        }
      };
      w.reloader.start(TIMING.reload());
      try (ChatFeeds feeds = offline ? null : ChatFeeds.start(w, chat::notice, TIMING.poll())) {
        chat.run();
      }
    }
    return 0;
  }

  private static String reloadErrors(List<Problem> problems) {
    StringBuilder b = new StringBuilder("The fact files have errors; until they are fixed, each"
        + " such file keeps its last good version:");
    for (Problem p : problems) {
      b.append("\n  ").append(p);
    }
    return b.toString();
  }
}

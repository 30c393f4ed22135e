package org.backgrounder.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.backgrounder.chat.console.ConsoleChat;
import org.backgrounder.chat.console.LineSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code chat}: the bot in the terminal, with the same questions and commands as in Slack. */
@Command(name = "chat", mixinStandardHelpOptions = true,
    header = "Chat with the bot in the terminal; /quit or Ctrl-D ends it.",
    description = {"An interactive chat in the terminal: ask questions in plain words or use the",
        "commands (/help lists them). Ctrl-D or /quit ends it."})
final class ChatCommand implements Callable<Integer> {

  @ParentCommand
  BackgrounderCommand top;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Wiring w = Wiring.open(top)) {
      LineSource in = System.console() != null
          ? LineSource.terminal(w.dataDir.resolve("chat-history"))
          : LineSource.of(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
      String stories = String.join("; ", w.index.factBase().stories().stream()
          .map(s -> s.story().title()).toList());
      ConsoleChat.create(w.dispatcher::handle, in, out, w.clock).run(
          "Backgrounder: ask me about " + stories + ".\n"
          + "Type a question, or /help for the commands. Ctrl-D to quit.");
    }
    return 0;
  }
}

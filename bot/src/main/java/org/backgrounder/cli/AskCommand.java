package org.backgrounder.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.backgrounder.answer.Answer;
import org.backgrounder.answer.AnswerJson;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.Room;
import org.backgrounder.chat.User;
import org.backgrounder.chat.console.ConsoleChat;
import org.backgrounder.command.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ask QUESTION}: answers one question, or one a line with --batch, and exits. */
@Command(name = "ask", mixinStandardHelpOptions = true,
    header = "Answer one question (or one a line with --batch) and exit.",
    description = {"Answers one question and exits. With --batch, reads one question a line from",
        "standard input and answers each in order."})
final class AskCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(AskCommand.class);

  @ParentCommand
  BackgrounderCommand top;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "The question, in plain words.")
  List<String> words = List.of();

  @Option(names = "--json", description = "Print one JSON object (one a line with --batch).")
  boolean json;

  @Option(names = "--explain", description = "Show how the question was read and the nearest"
      + " facts with their evidence, instead of the answer.")
  boolean explain;

  @Option(names = "--batch", description = "Read questions from standard input, one a line.")
  boolean batch;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!batch && String.join(" ", words).isBlank()) {
      throw new UserError("give a question: backgrounder ask \"who designated the cartels as"
          + " terrorist organizations?\" (or --batch to read questions from standard input)", 2);
    }
    try (Wiring w = Wiring.open(top, Wiring.Access.READ, Set.of())) {
      if (!batch) {
        answer(w, String.join(" ", words), out);
      } else {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        boolean first = true;
        while ((line = in.readLine()) != null) {
          if (!json && !first) {
            out.println("----");
          }
          answer(w, line, out);
          first = false;
        }
      }
    }
    out.flush();
    return 0;
  }

  private void answer(Wiring w, String question, PrintWriter out) {
    if (explain) {
      out.print(w.engine().explain(question));
    } else if (json) {
      Answer a;
      try {
        a = w.engine().ask(question);
      } catch (RuntimeException e) {
        LOG.error("failed to answer {}", question, e);
        out.println(failure(question));
        return;
      }
      out.println(AnswerJson.line(a));
    } else {
      User user = new User("console", System.getProperty("user.name", "cli"), null, false);
      Room room = new Room("console", "cli", true, Optional.empty());
      Incoming incoming = new Incoming(user, room, question.startsWith("/") ? question
          : "/ask " + question, "cli", Instant.now());
      out.println(ConsoleChat.render(w.dispatcher().handle(incoming)));
    }
  }

  /** The JSON line for a question the bot failed on: still one object, still in order. */
  private static String failure(String question) {
    var node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    node.put("question", question);
    node.put("answered", false);
    node.put("answer", Dispatcher.SORRY);
    node.putArray("facts");
    node.putArray("citations");
    node.putArray("feed_items");
    node.put("error", true);
    return node.toString();
  }
}

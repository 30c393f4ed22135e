package org.backgrounder.command;

import java.util.Optional;
import java.util.function.Function;
import org.backgrounder.answer.Answer;
import org.backgrounder.answer.AnswerEngine;
import org.backgrounder.chat.Reply;

/** The commands every chat has, registered with their usage and help. */
public final class StandardCommands {

  private StandardCommands() {}

  /** Registers ask, sources, timeline, story, fact, outlets, latest and help. */
  public static CommandRegistry register(CommandRegistry registry, AnswerEngine engine) {
    FollowUps followUps = new FollowUps();
    registry.register(new CommandSpec("ask", "/ask QUESTION",
        "Answers a question from the fact files and recent coverage, with sources (or just type"
            + " the question).", false,
        r -> {
          if (r.args().isBlank()) {
            throw new UserFacingException("Ask me something, for example: /ask who designated the"
                + " cartels as terrorist organizations?");
          }
          Optional<Reply> small = SmallTalk.reply(r.args());
          return small.isPresent() ? small.get() : ask(engine, followUps, r);
        }));
    registry.register(answering("sources", "/sources TOPIC",
        "Lists the sources about a topic, a person or a fact, newest first.", true,
        engine::sources));
    registry.register(answering("timeline", "/timeline [TOPIC]",
        "Lists the dated facts in order, of everything or of a topic.", false, engine::timeline));
    registry.register(answering("story", "/story [ID]",
        "The story in brief: the desk's summary, key people and groups, the first and latest facts.",
        false, engine::story));
    registry.register(answering("fact", "/fact ID",
        "Shows one fact with its sources, status and notes.", true, engine::fact));
    registry.register(answering("outlets", "/outlets TOPIC",
        "Lists the outlets that reported a topic, with the date each first did.", true,
        engine::outlets));
    registry.register(answering("latest", "/latest [TOPIC]",
        "Shows the most recent coverage of a topic, or of every story.", false, engine::latest));
    registry.register(HelpCommand.spec(registry));
    return registry;
  }

  /** A question, read with the thread's previous one when it leans on it. */
  private static Reply ask(AnswerEngine engine, FollowUps followUps, Request r) {
    Optional<FollowUps.Turn> previous = followUps.previous(r.incoming());
    if (FollowUps.asksForSources(r.args())) {
      return FollowUps.sources(previous);
    }
    FollowUps.Reading reading = FollowUps.read(r.args(), engine.named(r.args()), previous);
    Reply reply = AnswerReplies.reply(engine.ask(reading.question()), true, Optional.empty());
    followUps.remember(r.incoming(), new FollowUps.Turn(reading.question(),
        engine.named(reading.question()), reply.links(), r.incoming().at()));
    return FollowUps.explained(reply, reading);
  }

  private static CommandSpec answering(String name, String usage, String help, boolean needsArgs,
      Function<String, Answer> run) {
    return new CommandSpec(name, usage, help, false, r -> {
      if (needsArgs && r.args().isBlank()) {
        throw new UserFacingException("Usage: " + usage + ". " + help);
      }
      Answer a = run.apply(r.args());
      String more = "/" + name + (r.args().isBlank() ? "" : " " + r.args());
      Reply reply = AnswerReplies.reply(a, false, Optional.of(more));
      return reply;
    });
  }
}

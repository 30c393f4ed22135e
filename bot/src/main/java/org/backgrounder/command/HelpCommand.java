package org.backgrounder.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backgrounder.chat.Reply;

/** {@code /help [COMMAND]}: rendered from the registry, so it lists exactly what exists. */
final class HelpCommand implements Command {

  private final CommandRegistry registry;

  HelpCommand(CommandRegistry registry) {
    this.registry = registry;
  }

  static CommandSpec spec(CommandRegistry registry) {
    return new CommandSpec("help", "/help [COMMAND]", "Lists what I can do, or explains one command.",
        false, new HelpCommand(registry));
  }

  @Override
  public Reply run(Request request) {
    String name = request.args().replaceFirst("^/", "").strip();
    if (!name.isEmpty()) {
      CommandSpec spec = registry.find(name).orElseThrow(() -> new UserFacingException(
          "I don't know the command /" + name + ". " + commandList(registry)));
      return info(List.of(new Reply.Paragraph(List.of(new Reply.Code(spec.usage()),
          new Reply.Text(": " + spec.help() + (spec.admin() ? " (admins only)" : ""))))));
    }
    List<Reply.Block> blocks = new ArrayList<>();
    blocks.add(new Reply.Paragraph(List.of(new Reply.Text("Ask me a question in plain words, or"
        + " use a command. I answer only from the desk's fact files and recent coverage, and every"
        + " answer links to its sources."))));
    for (CommandSpec spec : registry.all()) {
      blocks.add(new Reply.Entry(List.of(new Reply.Code(spec.usage()),
          new Reply.Text(": " + spec.help() + (spec.admin() ? " (admins only)" : "")))));
    }
    return info(blocks);
  }

  private static Reply info(List<Reply.Block> blocks) {
    return new Reply(Reply.Kind.INFO, blocks, List.of(), Optional.empty(), Optional.empty());
  }

  /** "Commands: /ask, /sources, ..." for error messages. */
  static String commandList(CommandRegistry registry) {
    List<String> names = new ArrayList<>();
    registry.all().forEach(s -> names.add("/" + s.name()));
    return "Commands: " + String.join(", ", names) + ".";
  }
}

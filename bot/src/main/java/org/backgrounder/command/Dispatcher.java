package org.backgrounder.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a message to its command through the interceptor chain. {@code /name args} runs a
 * command; anything else is a question for {@code ask}. Errors are handled here, in one place: a
 * {@link UserFacingException} is shown as written; anything else is logged with its stack trace
 * and answered with a fixed polite sentence that reveals nothing of the inside.
 */
public final class Dispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  /** Said when something unexpected fails; deliberately free of details. */
  public static final String SORRY = Reply.SORRY;

  private final CommandRegistry registry;
  private final List<Interceptor> interceptors;

  public Dispatcher(CommandRegistry registry, List<Interceptor> interceptors) {
    this.registry = registry;
    this.interceptors = List.copyOf(interceptors);
  }

  public CommandRegistry registry() {
    return registry;
  }

  /** Handles one message; never throws. */
  public Reply handle(Incoming incoming) {
    Request request = parse(incoming);
    try {
      return chain(0).proceed(request);
    } catch (UserFacingException e) {
      return Reply.error(e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("failed to handle '{}' from {}", request.command(), incoming.user().qualifiedId(), e);
      return Reply.error(SORRY);
    }
  }

  /** Splits {@code /name args}; a plain message is {@code ask}. */
  public static Request parse(Incoming incoming) {
    String text = incoming.text().strip();
    if (text.startsWith("/") && text.length() > 1 && Character.isLetter(text.charAt(1))) {
      int space = indexOfWhitespace(text);
      String name = (space < 0 ? text.substring(1) : text.substring(1, space))
          .toLowerCase(Locale.ROOT);
      String args = space < 0 ? "" : text.substring(space + 1);
      return new Request(incoming, name, args);
    }
    return new Request(incoming, "ask", text);
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private Interceptor.Chain chain(int at) {
    if (at == interceptors.size()) {
      return this::run;
    }
    Interceptor here = interceptors.get(at);
    return request -> here.intercept(request, chain(at + 1));
  }

  private Reply run(Request request) {
    CommandSpec spec = registry.find(request.command()).orElseThrow(() -> new UserFacingException(
        "I don't know the command /" + request.command() + ". " + HelpCommand.commandList(registry)));
    return spec.command().run(request);
  }

  /** The names of every command, for adapters that need them (Slack's /bg subcommands). */
  public List<String> commandNames() {
    List<String> names = new ArrayList<>();
    registry.all().forEach(s -> names.add(s.name()));
    return names;
  }
}

package org.backgrounder.command;

import java.util.Optional;
import java.util.regex.Pattern;
import org.backgrounder.chat.Reply;
import org.backgrounder.text.Folding;

/**
 * Greetings and thanks get a short human reply in the language they came in, not "I have no
 * sourced answer to that". Only a whole message of greeting or thanks counts: "hola, ¿qué dijo
 * Sheinbaum?" is a question.
 */
final class SmallTalk {

  private static final Pattern HELLO_EN = Pattern.compile(
      "(hi|hello|hey|hiya|good (morning|afternoon|evening))( there| backgrounder| bot)?");
  private static final Pattern HELLO_ES = Pattern.compile(
      "(hola|buen dia|buenos dias|buenas( tardes| noches)?)( backgrounder| bot)?");
  private static final Pattern THANKS_EN = Pattern.compile(
      "(thanks|thank you|thx|ty|cheers|thanks a lot|thank you very much|many thanks|great thanks)"
      + "( backgrounder| bot)?");
  private static final Pattern THANKS_ES = Pattern.compile(
      "(gracias|muchas gracias|mil gracias|muy amable)( backgrounder| bot)?");

  private SmallTalk() {}

  /** The reply to a greeting or a thank-you; empty for anything else. */
  static Optional<Reply> reply(String message) {
    String plain = Folding.fold(message).replaceAll("[^\\p{L}\\p{N} ]+", " ")
        .replaceAll("\\s+", " ").strip();
    if (HELLO_EN.matcher(plain).matches()) {
      return Optional.of(Reply.infoWithCommands("Hello! Ask me about the story in plain words,"
          + " or try /story for the story in brief and /help for the commands."));
    }
    if (HELLO_ES.matcher(plain).matches()) {
      return Optional.of(Reply.infoWithCommands("¡Hola! Pregúnteme sobre la historia con sus"
          + " palabras, o pruebe /story para el resumen y /help para los comandos."));
    }
    if (THANKS_EN.matcher(plain).matches()) {
      return Optional.of(Reply.info("You're welcome."));
    }
    if (THANKS_ES.matcher(plain).matches()) {
      return Optional.of(Reply.info("De nada."));
    }
    return Optional.empty();
  }
}

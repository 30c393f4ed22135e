package org.backgrounder.chat.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Where typed lines come from; {@code null} means the user is done (Ctrl-D, end of input). */
@FunctionalInterface
public interface LineSource {

  String readLine(String prompt);

  /** Prints {@code text} on its own lines without breaking the line being typed. */
  default void printAbove(String text, PrintWriter out) {
    out.println();
    out.println(text);
    out.flush();
  }

  /** Lines from a reader without prompts (pipes, tests). */
  static LineSource of(BufferedReader reader) {
    return prompt -> {
      try {
        return reader.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /**
   * A terminal with line editing and history kept in {@code historyFile}; Ctrl-C clears the line,
   * Ctrl-D ends the chat.
   */
  static LineSource terminal(Path historyFile) throws IOException {
    Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("backgrounder")
        .variable(LineReader.HISTORY_FILE, historyFile)
        .variable(LineReader.HISTORY_SIZE, 500)
        .build();
    return new LineSource() {
      @Override
      public String readLine(String prompt) {
        while (true) {
          try {
            return reader.readLine(prompt);
          } catch (UserInterruptException e) {
            // Ctrl-C: drop the line being typed, keep chatting
          } catch (EndOfFileException e) {
            try {
              reader.getHistory().save();
            } catch (IOException ignored) {
              // history is a convenience; losing it is not worth an error at exit
            }
            return null;
          }
        }
      }

      @Override
      public void printAbove(String text, PrintWriter out) {
        out.flush();
        reader.printAbove(text);
      }
    };
  }
}

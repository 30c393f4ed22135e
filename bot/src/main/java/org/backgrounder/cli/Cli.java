package org.backgrounder.cli;

import java.io.PrintWriter;
import org.backgrounder.config.ConfigException;
import org.backgrounder.config.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Builds the picocli command tree and runs it with one place for errors (habit 6). */
public final class Cli {

  private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

  private Cli() {}

  /** Runs {@code args} and returns the exit status. */
  public static int run(String... args) {
    return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true))
        .execute(args);
  }

  /** The command tree writing to {@code out} and {@code err} (tests capture both). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new BackgrounderCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
      PrintWriter e = line.getErr();
      if (ex instanceof ConfigException c) {
        e.println(c.getMessage());
        return 1;
      }
      if (ex instanceof UserError u) {
        e.println("backgrounder: " + u.getMessage());
        return u.exitCode();
      }
      LOG.error("unexpected failure", ex);
      e.println("backgrounder: something went wrong inside the bot; the log above has the details");
      return 70;
    });
    return cl;
  }

  /** Puts the build's version on {@code --version}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"backgrounder " + Version.current(),
          "Java " + System.getProperty("java.version")};
    }
  }
}

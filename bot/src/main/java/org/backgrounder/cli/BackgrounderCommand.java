package org.backgrounder.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top command: global options and the list of subcommands. */
@Command(name = "backgrounder",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = {"A newsroom research assistant that answers only from sourced facts and recent feeds."},
    subcommands = {ChatCommand.class, RunCommand.class, AskCommand.class, CheckCommand.class,
        IngestCommand.class, DigestCommand.class, EvalCommand.class,
        BenchCommand.class},
    usageHelpAutoWidth = true)
final class BackgrounderCommand implements Runnable {

  @Option(names = "--config", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = {"The config folder: backgrounder.yaml, facts/, feeds.yaml (default: ./config,",
          "or the built-in example story when there is no ./config)."})
  Path config;

  /** The config folder once resolved (the built-in one is extracted only once). */
  Path resolvedConfig;

  /** The settings once read. */
  org.backgrounder.config.Settings settings;

  @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "The data folder: index, feed state, digest ledger (default: ./data).")
  Path data = Path.of("data");

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

package org.backgrounder.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.backgrounder.chat.ChatException;
import org.backgrounder.config.Settings;
import org.backgrounder.ops.Logs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code run}: the bot itself until it is stopped. {@code SIGTERM} (or Ctrl-C) stops it in order
 * (answers in flight finish, polling and posting stop, connections close) and it exits 0.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    header = "Run the bot: chat platforms, feeds, digests, health, metrics.",
    description = {"Runs the bot: every configured chat platform, the feed poller, the digest",
        "scheduler, and the health and metrics endpoint, until stopped (SIGTERM or Ctrl-C);",
        "then it finishes answers in flight and exits 0. Fact-file edits go live within seconds."})
final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
  /** How long a stop may take before the process exits anyway. */
  private static final long STOP_SECONDS = 30;

  @ParentCommand
  BackgrounderCommand top;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Settings settings = Setup.settings(top);
    Logs.configure(settings.logging());
    CountDownLatch stopAsked = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stopAsked.countDown();
      try {
        if (stopped.await(STOP_SECONDS, TimeUnit.SECONDS)) {
          // A stop asked for is a clean stop: exit 0, not the 143 of a signal.
          Runtime.getRuntime().halt(0);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "shutdown");
    try (Wiring w = Wiring.open(top); Platforms platforms = Platforms.configured(w)) {
      if (platforms.isEmpty()) {
        err.println(Platforms.NONE);
        err.flush();
      }
      try (Service service = new Service(w, platforms, Service.Timing.DEFAULT)) {
        try {
          service.start();
        } catch (ChatException e) {
          throw new UserError(e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(hook);
        stopAsked.await();
        LOG.info("asked to stop");
      }
    } finally {
      stopped.countDown();
    }
    return 0;
  }
}

package org.backgrounder.feeds;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Poller} in the background: every {@code every} it polls the feeds that are due
 * (each feed's own interval and back-off decide which). Stopping lets a poll under way finish, so
 * nothing fetched is lost; what a poll stores is one transaction per feed anyway.
 */
public final class PollingService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PollingService.class);

  private final Poller poller;
  private final Supplier<List<FeedConfig>> feeds;
  private final Consumer<List<Poller.Outcome>> outcomes;
  private final Object lock = new Object();
  private volatile boolean running;
  private Thread thread;

  /**
   * @param outcomes told what each poll run did (metrics, logs)
   */
  public PollingService(Poller poller, Supplier<List<FeedConfig>> feeds,
      Consumer<List<Poller.Outcome>> outcomes) {
    this.poller = poller;
    this.feeds = feeds;
    this.outcomes = outcomes;
  }

  public void start(Duration every) {
    running = true;
    thread = new Thread(() -> {
      while (running) {
        try {
          List<Poller.Outcome> done = poller.pollDue(feeds.get());
          for (Poller.Outcome o : done) {
            if (o.kind() == Poller.Outcome.Kind.NEW) {
              LOG.debug("feed {}", o.line());
            }
          }
          outcomes.accept(done);
        } catch (Throwable e) {
          // Whatever one run throws, polling goes on: a dead poller thread stops all news.
          LOG.error("a poll run failed; the next one comes in {}", every, e);
        }
        synchronized (lock) {
          if (running) {
            try {
              lock.wait(every.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
        }
      }
    }, "feed-poller");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops polling; a poll run under way finishes first (up to {@code wait}). */
  public void stop(Duration wait) {
    running = false;
    synchronized (lock) {
      lock.notifyAll();
    }
    Thread t = thread;
    if (t == null) {
      return;
    }
    try {
      t.join(wait.toMillis());
      if (t.isAlive()) {
        LOG.warn("a feed poll was still running after {}; leaving it to the exit", wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }
}

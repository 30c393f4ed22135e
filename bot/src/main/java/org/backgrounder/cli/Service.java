package org.backgrounder.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.backgrounder.chat.ChatException;
import org.backgrounder.chat.Reply;
import org.backgrounder.config.Settings;
import org.backgrounder.desk.Desk;
import org.backgrounder.digest.DigestScheduler;
import org.backgrounder.feeds.Poller;
import org.backgrounder.feeds.PollingService;
import org.backgrounder.ops.OpsServer;
import org.backgrounder.yaml.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot as a service ({@code run}): the chat platforms, the fact-file reloader, the feed
 * poller, the digest scheduler, audit pruning and the operations endpoint, started in that order
 * and stopped in the reverse one, so answers in flight finish before anything they need closes.
 * Wiring only: each part does its own work.
 */
final class Service implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Service.class);

  /** How often each part looks for work; tests shorten them. */
  record Timing(Duration reload, Duration poll, Duration digests, Duration prune) {
    static final Timing DEFAULT = new Timing(Duration.ofSeconds(2), Duration.ofSeconds(15),
        Duration.ofSeconds(30), Duration.ofHours(6));
  }

  /** How often a replica looks whether it leads; a dead leader's lock is free at once. */
  private static final Duration LEADER_CHECK = Duration.ofSeconds(5);

  private static final java.net.URI READINESS_PROBE = java.net.URI.create(
      "urn:backgrounder:readiness-probe");

  private final Wiring w;
  private final Platforms platforms;
  private final Timing timing;
  private PollingService polling;
  private DigestScheduler scheduler;
  private ScheduledExecutorService pruner;
  private ScheduledExecutorService watcher;
  private boolean leading;
  private OpsServer ops;
  private volatile boolean closed;

  Service(Wiring w, Platforms platforms, Timing timing) {
    this.w = w;
    this.platforms = platforms;
    this.timing = timing;
  }

  /**
   * Starts everything.
   *
   * @throws ChatException when a platform's credentials are missing or rejected
   */
  void start() throws ChatException, IOException {
    platforms.startAll();
    w.recordFactChanges();
    w.reloadErrors = this::tellAdmins;
    w.reloader.start(timing.reload());
    w.metrics.leader(w.stores.leadership()::isLeader);
    if (w.stores.leadership().check()) {
      lead();
    }
    if (w.stores.shared()) {
      watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "leadership");
        t.setDaemon(true);
        return t;
      });
      watcher.scheduleWithFixedDelay(this::watchLeadership, LEADER_CHECK.toMillis(),
          LEADER_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }
    Settings.Http http = w.settings.http();
    if (http.enabled()) {
      InetSocketAddress at = Settings.Addresses.parse(http.listen());
      ops = OpsServer.start(new InetSocketAddress(at.getHostString(), at.getPort()), w.metrics,
          this::readiness, Desk.create(w.settings.desk(), w.deskSources()));
      LOG.info("health and metrics on http://{}:{}/ (/healthz, /readyz, /metrics)",
          ops.address().getHostString(), ops.address().getPort());
      if (w.settings.desk().enabled()) {
        LOG.info("the desk's page on http://{}:{}/desk/", ops.address().getHostString(),
            ops.address().getPort());
      } else {
        LOG.info("the desk's page is off: set desk.token (BACKGROUNDER_DESK_TOKEN) to turn it on");
      }
    }
    LOG.info("Backgrounder is running: {} stories, {} facts, {} feeds, {} digests, chat on {}",
        w.index.factBase().stories().size(), w.index.factBase().factCount(), w.feeds.size(),
        w.settings.digests().size(), platforms.isEmpty() ? "no platform"
            : String.join(" and ", platforms.names()));
  }

  /** Starts what only the leader does: polling feeds, posting digests, pruning the audit log. */
  private synchronized void lead() {
    if (leading || closed) {
      return;
    }
    leading = true;
    polling = new PollingService(w.poller(), () -> w.feeds, this::polled);
    polling.start(timing.poll());
    DigestScheduler.Poster poster = platforms.poster();
    scheduler = w.scheduler((platform, channel, reply, key) -> {
      try {
        poster.post(platform, channel, reply, key);
      } catch (ChatException e) {
        w.metrics.chatError(platform.id());
        throw e;
      }
    }, platforms.deduplicating());
    w.scheduler = scheduler;
    scheduler.start(timing.digests());
    pruner = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "audit-pruner");
      t.setDaemon(true);
      return t;
    });
    pruner.scheduleWithFixedDelay(this::prune, 0, timing.prune().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops what only the leader does, when leadership went to another replica. */
  private synchronized void follow() {
    if (!leading) {
      return;
    }
    leading = false;
    stopLeaderWork();
  }

  private void stopLeaderWork() {
    if (scheduler != null) {
      w.scheduler = null;
      scheduler.close();
      scheduler = null;
    }
    if (polling != null) {
      polling.stop(Duration.ofSeconds(20));
      polling = null;
    }
    if (pruner != null) {
      pruner.shutdownNow();
      pruner = null;
    }
  }

  /**
   * With replicas: takes up or gives up the leader's work as leadership moves, and while this
   * replica follows, brings its index up to the items the leader stored.
   */
  private void watchLeadership() {
    try {
      if (w.stores.leadership().check()) {
        lead();
      } else {
        follow();
        w.index.catchUp(w.feedStore);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("leadership check or index catch-up failed: {}", e.toString());
    }
  }

  Optional<InetSocketAddress> opsAddress() {
    return Optional.ofNullable(ops).map(OpsServer::address);
  }

  private Map<String, Boolean> readiness() {
    Map<String, Boolean> parts = new LinkedHashMap<>();
    parts.put("index", !closed && indexAnswers());
    parts.putAll(platforms.readiness());
    return parts;
  }

  /** A cheap search (one term, counted), so a closed or broken index is seen, not assumed. */
  private boolean indexAnswers() {
    try {
      w.index.holdsItemLink(READINESS_PROBE);
      return true;
    } catch (RuntimeException e) {
      LOG.warn("readiness: the index does not answer: {}", e.toString());
      return false;
    }
  }

  private void polled(List<Poller.Outcome> outcomes) {
    for (Poller.Outcome o : outcomes) {
      if (o.kind() != Poller.Outcome.Kind.SKIPPED) {
        w.metrics.fetch(o.kind().name().toLowerCase(java.util.Locale.ROOT));
      }
      w.metrics.itemsIngested(o.added() + o.updated());
    }
  }

  private void prune() {
    try {
      int gone = w.audit.prune(w.clock.instant().minus(w.settings.audit().retentionDays(),
          ChronoUnit.DAYS));
      if (gone > 0) {
        LOG.info("audit log: deleted {} entries older than {} days", gone,
            w.settings.audit().retentionDays());
      }
    } catch (RuntimeException e) {
      LOG.warn("pruning the audit log failed: {}", e.getMessage());
    }
  }

  /** Fact-file errors go to the admin channel as well as the log. */
  private void tellAdmins(List<Problem> problems) {
    Optional<Settings.ChatTarget> admin = w.settings.adminChannelIfSet();
    if (admin.isEmpty()) {
      return;
    }
    List<Reply.Block> blocks = new ArrayList<>();
    blocks.add(new Reply.Paragraph(List.of(new Reply.Text("A fact file edit has errors, so its"
        + " last good version keeps serving until it is fixed:"))));
    for (Problem p : problems) {
      blocks.add(new Reply.Entry(List.of(new Reply.Text(p.toString()))));
    }
    Reply reply = new Reply(Reply.Kind.ERROR, blocks, List.of(), Optional.empty(), Optional.empty());
    try {
      platforms.send(admin.get().platform(), admin.get().channel(), reply, Optional.empty());
    } catch (ChatException | RuntimeException e) {
      w.metrics.chatError(admin.get().platform().id());
      LOG.warn("could not tell the admin channel about the fact-file errors: {}", e.getMessage());
    }
  }

  /** Stops in reverse order: answers in flight finish, then polling and posting stop. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    LOG.info("stopping: finishing answers in flight");
    if (watcher != null) {
      watcher.shutdownNow();
    }
    platforms.close();
    synchronized (this) {
      leading = false;
      stopLeaderWork();
    }
    w.reloader.close();
    if (ops != null) {
      ops.close();
    }
    LOG.info("stopped");
  }
}

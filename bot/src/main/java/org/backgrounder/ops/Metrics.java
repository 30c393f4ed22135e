package org.backgrounder.ops;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bot's counters and its answer-latency histogram, written out in the Prometheus text format.
 * Thread-safe and allocation-free on the hot path once a label has been seen.
 */
public final class Metrics {

  /** Upper bounds of the latency buckets, in seconds. */
  static final double[] BUCKETS = {0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

  private final LongAdder answered = new LongAdder();
  private final LongAdder declined = new LongAdder();
  private final LongAdder[] latencyBuckets = new LongAdder[BUCKETS.length];
  private final LongAdder latencyCount = new LongAdder();
  private final LongAdder latencyMicros = new LongAdder();
  private final Map<String, LongAdder> fetches = new ConcurrentHashMap<>();
  private final LongAdder itemsIngested = new LongAdder();
  private final LongAdder digestsPosted = new LongAdder();
  private final Map<String, LongAdder> chatErrors = new ConcurrentHashMap<>();
  /** Whether this process leads its replicas; one process alone always does. */
  private volatile java.util.function.BooleanSupplier leader = () -> true;

  public Metrics() {
    for (int i = 0; i < BUCKETS.length; i++) {
      latencyBuckets[i] = new LongAdder();
    }
  }

  /** Where {@code backgrounder_leader} reads whether this process leads. */
  public void leader(java.util.function.BooleanSupplier leads) {
    this.leader = leads;
  }

  /** Whether this process leads now: it polls feeds, posts digests and prunes the audit log. */
  public boolean isLeader() {
    return leader.getAsBoolean();
  }

  /** A question was answered (or declined) in {@code took}. */
  public void question(boolean wasAnswered, Duration took) {
    (wasAnswered ? answered : declined).increment();
    double seconds = took.toNanos() / 1e9;
    for (int i = 0; i < BUCKETS.length; i++) {
      if (seconds <= BUCKETS[i]) {
        latencyBuckets[i].increment();
      }
    }
    latencyCount.increment();
    latencyMicros.add(took.toNanos() / 1000);
  }

  /** A feed fetch ended with {@code outcome} (new, unchanged, failed, skipped). */
  public void fetch(String outcome) {
    fetches.computeIfAbsent(outcome, k -> new LongAdder()).increment();
  }

  public void itemsIngested(int n) {
    itemsIngested.add(n);
  }

  public void digestPosted() {
    digestsPosted.increment();
  }

  public void chatError(String platform) {
    chatErrors.computeIfAbsent(platform, k -> new LongAdder()).increment();
  }

  /** Everything in the Prometheus text exposition format (version 0.0.4). */
  public String prometheus() {
    StringBuilder b = new StringBuilder();
    b.append("# HELP backgrounder_questions_total Questions asked, by outcome.\n");
    b.append("# TYPE backgrounder_questions_total counter\n");
    b.append("backgrounder_questions_total{outcome=\"answered\"} ").append(answered.sum()).append('\n');
    b.append("backgrounder_questions_total{outcome=\"declined\"} ").append(declined.sum()).append('\n');
    b.append("# HELP backgrounder_answer_seconds Time to answer a question.\n");
    b.append("# TYPE backgrounder_answer_seconds histogram\n");
    for (int i = 0; i < BUCKETS.length; i++) {
      b.append("backgrounder_answer_seconds_bucket{le=\"").append(format(BUCKETS[i])).append("\"} ")
          .append(latencyBuckets[i].sum()).append('\n');
    }
    b.append("backgrounder_answer_seconds_bucket{le=\"+Inf\"} ").append(latencyCount.sum()).append('\n');
    b.append("backgrounder_answer_seconds_sum ").append(format(latencyMicros.sum() / 1e6)).append('\n');
    b.append("backgrounder_answer_seconds_count ").append(latencyCount.sum()).append('\n');
    counters(b, "backgrounder_feed_fetches_total", "Feed fetches, by outcome.", "outcome", fetches);
    b.append("# HELP backgrounder_items_ingested_total Feed items stored new or changed.\n");
    b.append("# TYPE backgrounder_items_ingested_total counter\n");
    b.append("backgrounder_items_ingested_total ").append(itemsIngested.sum()).append('\n');
    b.append("# HELP backgrounder_digests_posted_total Digests posted.\n");
    b.append("# TYPE backgrounder_digests_posted_total counter\n");
    b.append("backgrounder_digests_posted_total ").append(digestsPosted.sum()).append('\n');
    b.append("# HELP backgrounder_leader Whether this replica leads: polls feeds, posts digests,"
        + " prunes the audit log.\n");
    b.append("# TYPE backgrounder_leader gauge\n");
    b.append("backgrounder_leader ").append(isLeader() ? 1 : 0).append('\n');
    counters(b, "backgrounder_chat_errors_total", "Errors talking to chat platforms.", "platform",
        chatErrors);
    return b.toString();
  }

  private static void counters(StringBuilder b, String name, String help, String label,
      Map<String, LongAdder> values) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n');
    b.append("# TYPE ").append(name).append(" counter\n");
    for (Map.Entry<String, LongAdder> e : new TreeMap<>(values).entrySet()) {
      b.append(name).append('{').append(label).append("=\"").append(e.getKey()).append("\"} ")
          .append(e.getValue().sum()).append('\n');
    }
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.1f", v)
        : String.format(Locale.ROOT, "%s", v);
  }
}

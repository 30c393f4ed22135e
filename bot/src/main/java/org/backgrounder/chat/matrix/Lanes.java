package org.backgrounder.chat.matrix;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers off the sync thread: one lane per room, run in order (a room's answers keep the order
 * of its questions) on a small shared pool, a task at a time per turn, so a flood in one room,
 * or a room waiting out the homeserver's rate limit, holds up that room only while the pool has
 * threads for the others. A room's backlog is bounded; past it, new questions are refused.
 */
final class Lanes implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Lanes.class);

  private final ExecutorService pool;
  private final int maxQueued;
  private final Map<String, ArrayDeque<Runnable>> lanes = new HashMap<>();

  /**
   * @param threads how many rooms are answered at once
   * @param maxQueued how many questions a room may have waiting
   */
  Lanes(int threads, int maxQueued) {
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "matrix-answer-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    this.maxQueued = maxQueued;
  }

  /** Queues {@code task} in {@code room}'s lane; false when that lane is full or closed. */
  synchronized boolean submit(String room, Runnable task) {
    if (pool.isShutdown()) {
      return false;
    }
    ArrayDeque<Runnable> lane = lanes.get(room);
    if (lane == null) {
      lane = new ArrayDeque<>();
      lanes.put(room, lane);
      lane.add(task);
      schedule(room, lane);
      return true;
    }
    if (lane.size() >= maxQueued) {
      return false;
    }
    lane.add(task);
    return true;
  }

  /** The lane's head task runs on the pool; it stays in the lane until done, marking it busy. */
  private void schedule(String room, ArrayDeque<Runnable> lane) {
    try {
      pool.execute(() -> runHead(room, lane));
    } catch (RejectedExecutionException e) {
      lanes.remove(room);
    }
  }

  private void runHead(String room, ArrayDeque<Runnable> lane) {
    Runnable task;
    synchronized (this) {
      task = lane.peek();
    }
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      LOG.error("Matrix: answering in {} failed", room, e);
    } finally {
      synchronized (this) {
        lane.poll();
        if (lane.isEmpty()) {
          lanes.remove(room);
        } else {
          schedule(room, lane); // to the back of the pool's queue: other rooms get their turn
        }
      }
    }
  }

  /** Takes no more questions and waits up to {@code grace} for those taken to be answered. */
  void close(Duration grace) {
    synchronized (this) {
      pool.shutdown();
    }
    try {
      if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }
}

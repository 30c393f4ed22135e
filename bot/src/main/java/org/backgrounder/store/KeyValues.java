package org.backgrounder.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Small named values that must survive a restart: a chat's sync cursor, which messages were
 * already answered. Every write is durable when the call returns.
 */
public interface KeyValues {

  Optional<String> get(String key);

  void put(String key, String value);

  /** Stores {@code value} unless {@code key} exists; true when this call stored it. */
  boolean putIfAbsent(String key, String value);

  /**
   * Stores {@code value} unless {@code key} was written less than {@code ttl} ago (an older
   * write counts as absent and is replaced); true when this call stored it. One statement the
   * database serialises on the key, so of processes sharing the store and calling at once for
   * the same key exactly one gets true: a claim that lapses by itself. Prune the prefix now and
   * then ({@link #prune}) to keep lapsed claims from piling up.
   */
  boolean putIfAbsent(String key, String value, Duration ttl);

  /** Deletes keys starting with {@code prefix} last written before {@code before}. */
  int prune(String prefix, Instant before);
}

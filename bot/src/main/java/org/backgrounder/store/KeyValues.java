package org.backgrounder.store;

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

  /** Deletes keys starting with {@code prefix} last written before {@code before}. */
  int prune(String prefix, Instant before);
}

package io.shouwang.alerting.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Map;

/**
 * When each device was last heard, saved every so often so that supervision counts silence across
 * a restart. Loss-tolerant, like telemetry: a lost save only means counting from an older time, so
 * an implementation need not force every save to disk, and must never hold up incident writes.
 */
public interface LastSeenStore {

  /** Opens (and if needed creates) the store. */
  Future<Void> open();

  /** Closes it; pending saves complete first. */
  Future<Void> close();

  /** Every stored device id with the last time it was heard. */
  Future<Map<String, Instant>> load();

  /** Stores these times in one batch; an older time never replaces a newer one. */
  Future<Void> save(Map<String, Instant> lastSeen);
}

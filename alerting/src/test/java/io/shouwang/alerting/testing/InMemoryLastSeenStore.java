package io.shouwang.alerting.testing;

import io.shouwang.alerting.store.LastSeenStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Last-heard times in memory; saves can fail or be held back to play a broken or slow disk. */
public final class InMemoryLastSeenStore implements LastSeenStore {

  private final Map<String, Instant> stored = new HashMap<>();
  private final List<Map<String, Instant>> saves = new ArrayList<>();
  private final List<Promise<Void>> held = new ArrayList<>();
  private int failures;
  private boolean holding;

  /** The next {@code count} saves fail. */
  public synchronized void failNextSaves(int count) {
    failures = count;
  }

  /** Later saves wait until {@link #release()} (they are stored at once). */
  public synchronized void holdSaves() {
    holding = true;
  }

  /** Completes every held save; later saves complete at once. */
  public void release() {
    List<Promise<Void>> promises;
    synchronized (this) {
      holding = false;
      promises = new ArrayList<>(held);
      held.clear();
    }
    promises.forEach(Promise::complete);
  }

  @Override
  public Future<Void> open() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Map<String, Instant>> load() {
    return Future.succeededFuture(Map.copyOf(stored));
  }

  @Override
  public synchronized Future<Void> save(Map<String, Instant> lastSeen) {
    if (failures > 0) {
      failures--;
      return Future.failedFuture(new IllegalStateException("disk I/O error"));
    }
    saves.add(Map.copyOf(lastSeen));
    lastSeen.forEach((device, at) -> stored.merge(device, at, (a, b) -> a.isAfter(b) ? a : b));
    if (holding) {
      Promise<Void> promise = Promise.promise();
      held.add(promise);
      return promise.future();
    }
    return Future.succeededFuture();
  }

  /** Every successful save's batch, in order. */
  public synchronized List<Map<String, Instant>> saves() {
    return List.copyOf(saves);
  }

  public synchronized Map<String, Instant> stored() {
    return Map.copyOf(stored);
  }
}

package io.shouwang.alerting.testing;

import io.shouwang.alerting.store.SavedState;
import io.shouwang.alerting.store.SavedStateStore;
import io.shouwang.alerting.store.StateChanges;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Last-heard times and rule state in memory; opening, loading and saves can fail, and saves can
 * be held back, to play a broken or slow disk.
 */
public final class InMemorySavedStateStore implements SavedStateStore {

  /** One save as the store received it: last-heard times, and rule/key to value ("-" removed). */
  public record Save(Map<String, Instant> lastSeen, Map<String, String> ruleState) {}

  private final Map<String, Instant> lastSeen = new HashMap<>();
  private final Map<String, Map<String, String>> ruleState = new HashMap<>();
  private final List<Save> saves = new ArrayList<>();
  private final List<Promise<Void>> held = new ArrayList<>();
  private int failures;
  private boolean holding;
  private boolean unreadable;

  /** The next {@code count} saves fail. */
  public synchronized void failNextSaves(int count) {
    failures = count;
  }

  /** Opening fails, as with a damaged file. */
  public synchronized void breakFile() {
    unreadable = true;
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
  public synchronized Future<Void> open() {
    return unreadable
        ? Future.failedFuture(new IllegalStateException("file is not a database"))
        : Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<SavedState> load() {
    return Future.succeededFuture(new SavedState(lastSeen, ruleState));
  }

  @Override
  public synchronized Future<Void> save(StateChanges changes) {
    if (failures > 0) {
      failures--;
      return Future.failedFuture(new IllegalStateException("disk I/O error"));
    }
    Map<String, String> rules = new HashMap<>();
    changes.ruleState().forEach((rule, entries) -> entries.forEach((key, value) -> {
      rules.put(rule + "/" + key, value == null ? "-" : value);
      if (value == null) {
        ruleState.getOrDefault(rule, new HashMap<>()).remove(key);
      } else {
        ruleState.computeIfAbsent(rule, r -> new HashMap<>()).put(key, value);
      }
    }));
    saves.add(new Save(Map.copyOf(changes.lastSeen()), Map.copyOf(rules)));
    changes.lastSeen().forEach((device, at) -> lastSeen.merge(device, at,
        (a, b) -> a.isAfter(b) ? a : b));
    if (holding) {
      Promise<Void> promise = Promise.promise();
      held.add(promise);
      return promise.future();
    }
    return Future.succeededFuture();
  }

  /** Every successful save's last-heard times, in order. */
  public synchronized List<Map<String, Instant>> saves() {
    return saves.stream().map(Save::lastSeen).toList();
  }

  /** Every successful save, in order. */
  public synchronized List<Save> fullSaves() {
    return List.copyOf(saves);
  }

  public synchronized Map<String, Instant> stored() {
    return Map.copyOf(lastSeen);
  }

  /** Stored rule state: rule/key to value. */
  public synchronized Map<String, String> storedRuleState() {
    Map<String, String> flat = new HashMap<>();
    ruleState.forEach((rule, entries) -> entries.forEach((k, v) -> flat.put(rule + "/" + k, v)));
    return flat;
  }
}

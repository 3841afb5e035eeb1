package io.shouwang.alerting.testing;

import io.shouwang.alerting.Incident;
import io.shouwang.alerting.IncidentState;
import io.shouwang.alerting.store.IncidentChange;
import io.shouwang.alerting.store.IncidentStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A store in memory; writes can be held back to play a slow disk. */
public final class InMemoryIncidentStore implements IncidentStore {

  private final Map<String, Incident> incidents = new LinkedHashMap<>();
  private final InMemorySavedStateStore savedState = new InMemorySavedStateStore();
  private final List<Promise<Void>> held = new ArrayList<>();
  private final List<List<IncidentChange>> heldChanges = new ArrayList<>();
  private boolean holding;
  private int writes;
  private int failures;

  /** The next {@code count} writes fail, as a full or broken disk would. */
  public synchronized void failNextWrites(int count) {
    failures = count;
  }

  /** Later writes wait until {@link #release()}. */
  public synchronized void holdWrites() {
    holding = true;
  }

  /** Applies and completes every held write; later writes go through at once. */
  public void release() {
    List<Promise<Void>> promises;
    synchronized (this) {
      holding = false;
      for (List<IncidentChange> changes : heldChanges) {
        apply(changes);
      }
      heldChanges.clear();
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
  public synchronized Future<Void> write(List<IncidentChange> changes) {
    writes++;
    if (failures > 0) {
      failures--;
      return Future.failedFuture(new IllegalStateException("disk I/O error"));
    }
    if (holding) {
      Promise<Void> promise = Promise.promise();
      held.add(promise);
      heldChanges.add(List.copyOf(changes));
      return promise.future();
    }
    apply(changes);
    return Future.succeededFuture();
  }

  private void apply(List<IncidentChange> changes) {
    for (IncidentChange change : changes) {
      incidents.put(change.incident().id(), change.incident());
    }
  }

  @Override
  public synchronized Future<List<Incident>> loadOpen() {
    return Future.succeededFuture(incidents.values().stream().filter(Incident::isOpen).toList());
  }

  @Override
  public synchronized Future<Optional<Incident>> find(String incidentId) {
    return Future.succeededFuture(Optional.ofNullable(incidents.get(incidentId)));
  }

  @Override
  public synchronized Future<Map<String, IncidentState>> closedSince(Instant since) {
    Map<String, IncidentState> closed = new HashMap<>();
    incidents.values().stream().filter(i -> !i.isOpen() && !i.updatedAt().isBefore(since))
        .forEach(i -> closed.put(i.id(), i.state()));
    return Future.succeededFuture(closed);
  }

  @Override
  public synchronized Future<List<Incident>> recentlyClosed(Instant since, int limit) {
    return Future.succeededFuture(incidents.values().stream()
        .filter(i -> !i.isOpen() && !i.updatedAt().isBefore(since))
        .sorted(java.util.Comparator.comparing(Incident::updatedAt).reversed())
        .limit(limit).toList());
  }

  @Override
  public InMemorySavedStateStore savedState() {
    return savedState;
  }

  public synchronized Optional<Incident> stored(String incidentId) {
    return Optional.ofNullable(incidents.get(incidentId));
  }

  public synchronized int writes() {
    return writes;
  }

  public synchronized int storedCount() {
    return incidents.size();
  }
}

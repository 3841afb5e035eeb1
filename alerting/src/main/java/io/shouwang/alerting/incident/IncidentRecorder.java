package io.shouwang.alerting.incident;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shouwang.alerting.Incident;
import io.shouwang.alerting.IncidentListener;
import io.shouwang.alerting.Scheduler;
import io.shouwang.alerting.store.IncidentChange;
import io.shouwang.alerting.store.IncidentStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every incident change: to listeners at once, and to the store with group commit. While
 * one transaction is on disk, the changes that arrive meanwhile wait and go together in the next
 * one, so a storm costs a few fsyncs instead of one per message. A failed write keeps the changes
 * dirty and is retried; callers waiting on it see the failure (the gateway then does not ack, and
 * the broker redelivers). Engine thread only, except {@link #openSnapshots()}.
 */
public final class IncidentRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentRecorder.class);
  private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(30);

  private final IncidentStore store;
  private final Scheduler scheduler;
  private final Executor loop;
  private final List<IncidentListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, Incident> latest = new ConcurrentHashMap<>();
  private final Map<String, OpenIncident> dirty = new LinkedHashMap<>();
  private final Counter writeFailures;
  private Promise<Void> next;
  private boolean flushing;
  private boolean retryScheduled;
  private int failuresInARow;

  public IncidentRecorder(
      IncidentStore store, Scheduler scheduler, Executor loop, MeterRegistry meters) {
    this.store = store;
    this.scheduler = scheduler;
    this.loop = loop;
    this.writeFailures = Counter.builder("shouwang.alerting.store.write.failures")
        .description("Incident store transactions that failed (retried)")
        .register(meters);
  }

  public void addListener(IncidentListener listener) {
    listeners.add(listener);
  }

  /** Publishes a change to listeners and completes when it is durable. */
  public Future<Void> changed(OpenIncident incident) {
    publish(incident);
    return durable(incident);
  }

  /** Completes when the incident's current state is durable (rewritten if need be). */
  public Future<Void> durable(OpenIncident incident) {
    dirty.put(incident.id(), incident);
    if (next == null) {
      next = Promise.promise();
    }
    Future<Void> future = next.future();
    if (!flushing) {
      flush();
    }
    return future;
  }

  /** Tells listeners and the open-incident snapshot about a change. */
  public void publish(OpenIncident incident) {
    Incident snapshot = incident.snapshot();
    if (snapshot.isOpen()) {
      latest.put(snapshot.id(), snapshot);
    } else {
      latest.remove(snapshot.id());
    }
    for (IncidentListener listener : listeners) {
      try {
        listener.onChange(snapshot);
      } catch (RuntimeException e) {
        LOG.warn("incident listener {} failed on {}", listener.getClass().getName(),
            snapshot.id(), e);
      }
    }
  }

  /** The latest snapshot of every open incident, oldest first; safe from any thread. */
  public List<Incident> openSnapshots() {
    List<Incident> open = new ArrayList<>(latest.values());
    open.sort(Comparator.comparing(Incident::openedAt).thenComparing(Incident::id));
    return open;
  }

  /** The latest snapshot of an open incident, or null; safe from any thread. */
  public Incident openSnapshot(String incidentId) {
    return latest.get(incidentId);
  }

  /** Completes when everything recorded so far is durable. */
  public Future<Void> drain() {
    if (dirty.isEmpty() && !flushing) {
      return Future.succeededFuture();
    }
    if (next == null) {
      next = Promise.promise();
    }
    return next.future();
  }

  private void flush() {
    Promise<Void> done = next;
    next = null;
    if (done == null) {
      return;
    }
    if (dirty.isEmpty()) {
      done.complete();
      return;
    }
    flushing = true;
    List<OpenIncident> batch = new ArrayList<>(dirty.values());
    dirty.clear();
    List<IncidentChange> changes = new ArrayList<>(batch.size());
    for (OpenIncident incident : batch) {
      changes.add(new IncidentChange(incident.snapshot(), incident.persistedTimeline()));
    }
    store.write(changes).onComplete(ar -> loop.execute(() -> {
      flushing = false;
      if (ar.succeeded()) {
        failuresInARow = 0;
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).markPersisted(changes.get(i).incident().timeline().size());
        }
        done.complete();
      } else {
        writeFailures.increment();
        failuresInARow++;
        LOG.error("incident store write of {} incidents failed ({} in a row); will retry",
            changes.size(), failuresInARow, ar.cause());
        for (OpenIncident incident : batch) {
          dirty.putIfAbsent(incident.id(), incident);
        }
        done.fail(ar.cause());
        scheduleRetry();
      }
      if (next != null && !retryScheduled) {
        flush();
      }
    }));
  }

  private void scheduleRetry() {
    if (retryScheduled) {
      return;
    }
    retryScheduled = true;
    long millis = Math.min(MAX_RETRY_WAIT.toMillis(), 500L << Math.min(failuresInARow, 10));
    scheduler.schedule(Duration.ofMillis(millis), () -> loop.execute(() -> {
      retryScheduled = false;
      if (!dirty.isEmpty() && !flushing) {
        if (next == null) {
          next = Promise.promise();
        }
        flush();
      }
    }));
  }
}

package io.shouwang.alerting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shouwang.alerting.store.LastSeenStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers when each device was last heard (receive time) and, every interval, hands the devices
 * heard since the last save to the store in one batch. The engine never waits for a save: the
 * store works on its own thread and reports back. A restart counts silence from what was saved
 * (RULES.md, Supervision). Engine thread only, except where noted.
 */
final class LastSeenTracker {

  private static final Logger LOG = LoggerFactory.getLogger(LastSeenTracker.class);

  /** One device: its latest receive time and whether that is newer than the last save. */
  private static final class Seen {
    final String deviceId;
    Instant at;
    boolean dirty;

    Seen(String deviceId, Instant at) {
      this.deviceId = deviceId;
      this.at = at;
    }
  }

  private final LastSeenStore store;
  private final Scheduler scheduler;
  private final Executor loop;
  private final Duration interval;
  private final Counter saveFailures;
  private final Map<String, Seen> devices = new HashMap<>();
  private final List<Seen> dirty = new ArrayList<>();
  private Future<Void> lastSave = Future.succeededFuture();
  private int savesInFlight;
  private Scheduler.Cancellable nextSave;
  private boolean saving;

  LastSeenTracker(LastSeenStore store, Scheduler scheduler, Executor loop, Duration interval,
      MeterRegistry meters) {
    this.store = store;
    this.scheduler = scheduler;
    this.loop = loop;
    this.interval = interval;
    this.saveFailures = Counter.builder("shouwang.alerting.lastseen.save.failures")
        .description("Failed saves of devices' last-heard times (retried with the next save)")
        .register(meters);
  }

  /**
   * Opens the store and reads the saved times; any thread. Without them supervision counts from
   * the start, as it did before they were kept, so a store that cannot be read stops nothing.
   */
  Future<Map<String, Instant>> open() {
    return store.open().compose(v -> store.load()).recover(e -> {
      LOG.warn("devices' last-heard times could not be loaded; supervision counts from the start",
          e);
      return Future.succeededFuture(Map.of());
    });
  }

  /** Starts the periodic saves. */
  void startSaving() {
    saving = true;
    scheduleSave();
  }

  /**
   * Stops the periodic saves and saves what is left; completes when that is stored, or failed:
   * a lost last save only makes the next start count from older times.
   */
  Future<Void> stopSaving() {
    saving = false;
    if (nextSave != null) {
      nextSave.cancel();
    }
    return save().otherwiseEmpty();
  }

  /** Closes the store; any thread. */
  Future<Void> close() {
    return store.close();
  }

  /** Notes a message; allocates nothing once the device is known, as every message comes here. */
  void heard(String deviceId, Instant receivedAt) {
    Seen seen = devices.get(deviceId);
    if (seen == null) {
      seen = new Seen(deviceId, receivedAt);
      devices.put(deviceId, seen);
    } else if (receivedAt.isAfter(seen.at)) {
      seen.at = receivedAt;
    } else {
      return;
    }
    if (!seen.dirty) {
      seen.dirty = true;
      dirty.add(seen);
    }
  }

  /** The periodic save; skipped while one is still on its way, so a slow disk piles nothing up. */
  void saveIfIdle() {
    if (savesInFlight == 0) {
      save();
    }
  }

  /** Saves every change not yet saved; completes when the store has them (it writes in order). */
  Future<Void> save() {
    if (dirty.isEmpty()) {
      return lastSave;
    }
    Map<String, Instant> batch = new HashMap<>(dirty.size() * 2);
    for (Seen seen : dirty) {
      batch.put(seen.deviceId, seen.at);
      seen.dirty = false;
    }
    dirty.clear();
    savesInFlight++;
    Promise<Void> saved = Promise.promise();
    store.save(batch).onComplete(ar -> loop.execute(() -> {
      savesInFlight--;
      if (ar.failed()) {
        saveFailures.increment();
        LOG.warn("saving the last-heard times of {} devices failed; the next save retries them",
            batch.size(), ar.cause());
        batch.keySet().forEach(this::markDirty);
      }
      saved.handle(ar);
    }));
    lastSave = saved.future();
    return lastSave;
  }

  private void scheduleSave() {
    nextSave = scheduler.schedule(interval, () -> loop.execute(() -> {
      if (saving) {
        saveIfIdle();
        scheduleSave();
      }
    }));
  }

  private void markDirty(String deviceId) {
    Seen seen = devices.get(deviceId);
    if (seen != null && !seen.dirty) {
      seen.dirty = true;
      dirty.add(seen);
    }
  }
}

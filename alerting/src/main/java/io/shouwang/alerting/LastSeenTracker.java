package io.shouwang.alerting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shouwang.alerting.store.LastSeenStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers when each device was last heard (receive time) and hands the devices heard since the
 * last save to the store in one batch. The engine never waits for a save: the store works on its
 * own thread and reports back. A restart counts silence from what was saved (RULES.md,
 * Supervision). Engine thread only.
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
  private final Executor loop;
  private final Counter saveFailures;
  private final Map<String, Seen> devices = new HashMap<>();
  private final List<Seen> dirty = new ArrayList<>();
  private Future<Void> lastSave = Future.succeededFuture();
  private int savesInFlight;

  LastSeenTracker(LastSeenStore store, Executor loop, MeterRegistry meters) {
    this.store = store;
    this.loop = loop;
    this.saveFailures = Counter.builder("shouwang.alerting.lastseen.save.failures")
        .description("Failed saves of devices' last-heard times (retried with the next save)")
        .register(meters);
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

  /**
   * Saves every change not yet saved; completes after every earlier save too (the store writes in
   * order). For stopping.
   */
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

  private void markDirty(String deviceId) {
    Seen seen = devices.get(deviceId);
    if (seen != null && !seen.dirty) {
      seen.dirty = true;
      dirty.add(seen);
    }
  }
}

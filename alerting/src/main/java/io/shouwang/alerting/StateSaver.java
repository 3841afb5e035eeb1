package io.shouwang.alerting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shouwang.alerting.rules.RuleState;
import io.shouwang.alerting.store.SavedState;
import io.shouwang.alerting.store.SavedStateStore;
import io.shouwang.alerting.store.StateChanges;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves what the rules pick up after a restart besides the incidents: the devices' last-heard
 * times and the rules' own state. Every interval it collects what changed since the last save
 * and hands it to the store in one batch; the engine never waits for a save: the store works on
 * its own thread and reports back. Engine thread only, except where noted.
 */
final class StateSaver {

  private static final Logger LOG = LoggerFactory.getLogger(StateSaver.class);

  private final SavedStateStore store;
  private final LastSeenTracker lastSeen;
  private final List<RuleState> rules;
  private final Scheduler scheduler;
  private final Executor loop;
  private final Duration interval;
  private final Counter saveFailures;
  private final Counter loadFailures;
  // Saves on their way to the store, oldest first.
  private final Deque<StateChanges> inFlight = new ArrayDeque<>();
  // What failed saves still have to write: no later save carries newer values for these keys.
  private StateChanges unsaved;
  private Future<Void> lastSave = Future.succeededFuture();
  private Scheduler.Cancellable nextSave;
  private boolean saving;
  // False once the store could not be opened or read: saves would only fail until the next start.
  private volatile boolean usable = true;

  StateSaver(SavedStateStore store, LastSeenTracker lastSeen, List<RuleState> rules,
      Scheduler scheduler, Executor loop, Duration interval, MeterRegistry meters) {
    Set<String> names = new HashSet<>();
    for (RuleState rule : rules) {
      if (!names.add(rule.name())) {
        throw new IllegalArgumentException("two rules keep state under the name " + rule.name());
      }
    }
    this.store = store;
    this.lastSeen = lastSeen;
    this.rules = List.copyOf(rules);
    this.scheduler = scheduler;
    this.loop = loop;
    this.interval = interval;
    this.saveFailures = Counter.builder("shouwang.alerting.state.save.failures")
        .description("Failed saves of last-heard times and rule state (retried with the next save)")
        .register(meters);
    this.loadFailures = Counter.builder("shouwang.alerting.state.load.failures")
        .description("Starts without saved last-heard times and rule state: the store could not"
            + " be opened or read")
        .register(meters);
  }

  /**
   * Opens the store and reads what was saved; any thread. Without it the rules count from the
   * start, as they did before anything was kept, so a store that cannot be read stops nothing;
   * nothing is saved until the next start then, since every save would fail too.
   */
  Future<SavedState> open() {
    return store.open().compose(v -> store.load()).recover(e -> {
      usable = false;
      loadFailures.increment();
      LOG.warn("saved last-heard times and rule state could not be loaded: rules count from the"
          + " start, and nothing is saved until the next start (a damaged saved-state file can"
          + " be deleted)", e);
      return Future.succeededFuture(SavedState.empty());
    });
  }

  /** Starts the periodic saves. */
  void startSaving() {
    saving = true;
    scheduleSave();
  }

  /**
   * Stops the periodic saves and saves what is left; completes when that is stored, or failed:
   * a lost last save only makes the next start pick up older state.
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

  /** The periodic save; skipped while one is still on its way, so a slow disk piles nothing up. */
  void saveIfIdle() {
    if (inFlight.isEmpty()) {
      save();
    }
  }

  /** Saves every change not yet saved; completes when the store has them (it writes in order). */
  Future<Void> save() {
    StateChanges batch = new StateChanges();
    lastSeen.takeChanges(batch.lastSeen());
    for (RuleState rule : rules) {
      String name = rule.name();
      rule.takeChanges((key, value) -> batch.put(name, key, value));
    }
    if (unsaved != null) {
      batch.addUnder(unsaved);
      unsaved = null;
    }
    if (batch.isEmpty()) {
      return lastSave;
    }
    if (!usable) {
      // Taken all the same, so that what the rules drop (old trend hours) does not pile up.
      return lastSave;
    }
    inFlight.addLast(batch);
    Promise<Void> saved = Promise.promise();
    store.save(batch).onComplete(ar -> loop.execute(() -> {
      inFlight.remove(batch);
      if (ar.failed()) {
        saveFailures.increment();
        LOG.warn("saving {} last-heard times and rule state entries failed; the next save retries"
            + " them", batch.size(), ar.cause());
        keepUnsaved(batch);
      }
      saved.handle(ar);
    }));
    lastSave = saved.future();
    return lastSave;
  }

  /** A failed batch goes into the next save, less what a save after it already carries. */
  private void keepUnsaved(StateChanges failed) {
    StateChanges left = failed.without(inFlight);
    if (unsaved != null) {
      left.addUnder(unsaved);
    }
    unsaved = left.isEmpty() ? null : left;
  }

  private void scheduleSave() {
    nextSave = scheduler.schedule(interval, () -> loop.execute(() -> {
      if (saving) {
        saveIfIdle();
        scheduleSave();
      }
    }));
  }
}

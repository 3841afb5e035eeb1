package io.shouwang.alerting.store;

import io.vertx.core.Future;

/**
 * What the rules pick up after a restart besides the incidents: each device's last-heard time
 * and the state rules keep (RULES.md, "What survives a restart"), saved every so often. Loss-
 * tolerant, like telemetry: a lost save only means starting from slightly older state, so an
 * implementation need not force every save to disk, and must never hold up incident writes.
 */
public interface SavedStateStore {

  /** Opens (and if needed creates or upgrades) the store. */
  Future<Void> open();

  /** Closes it; pending saves complete first. */
  Future<Void> close();

  /** Everything saved. */
  Future<SavedState> load();

  /**
   * Stores one batch of changes in one transaction; an older last-heard time never replaces a
   * newer one. The caller hands the batch over and does not change it afterwards.
   */
  Future<Void> save(StateChanges changes);
}

package io.shouwang.alerting;

import java.time.Duration;

/**
 * Runs tasks later. The engine takes one so tests can drive time: the Vert.x one uses timers, a
 * test one runs due tasks when the test advances its clock. Tasks may run on any thread; the
 * engine moves them onto its own before touching state.
 */
public interface Scheduler {

  /** Runs {@code task} once after {@code delay} (at once for zero or negative delays). */
  Cancellable schedule(Duration delay, Runnable task);

  /** A scheduled task that can still be called off. */
  @FunctionalInterface
  interface Cancellable {
    /** Stops the task if it has not run yet; harmless afterwards. */
    void cancel();
  }
}

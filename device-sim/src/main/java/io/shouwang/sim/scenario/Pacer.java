package io.shouwang.sim.scenario;

import java.time.Duration;

/** Waits between scenario steps; tests pass one that does not wait. */
@FunctionalInterface
public interface Pacer {

  /** Waits for a simulated duration. */
  void pause(Duration simulated) throws InterruptedException;

  /** Sleeps the simulated duration divided by the speedup. */
  static Pacer real(double speedup) {
    return d -> Thread.sleep(Math.max(0, Math.round(d.toMillis() / speedup)));
  }
}

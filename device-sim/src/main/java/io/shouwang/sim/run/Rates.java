package io.shouwang.sim.run;

import java.time.Duration;

/**
 * How often devices speak in {@code run}; every interval is divided by {@code speedup} so a demo
 * shows an hour's life in a minute (device times stay real, so a gateway still accepts them).
 */
public record Rates(
    Duration heartbeat,
    Duration vitals,
    Duration motion,
    Duration level,
    double doorOpensPerDay,
    double speedup) {

  public Rates {
    for (Duration d : new Duration[] {heartbeat, vitals, motion, level}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("intervals must be positive");
      }
    }
    if (speedup <= 0 || doorOpensPerDay < 0) {
      throw new IllegalArgumentException("speedup must be positive, door opens not negative");
    }
  }

  /** The wall-clock time an interval takes at this speedup, never below one millisecond. */
  public long millis(Duration simulated) {
    return Math.max(1, Math.round(simulated.toMillis() / speedup));
  }
}

package io.shouwang.sim.load;

import java.time.Duration;

/**
 * A load run: {@code rate} messages per second over all connections (0 = as fast as the windows
 * allow), for {@code warmup} unmeasured and then {@code duration} measured, with {@code eventShare}
 * of messages being events; then up to {@code drain} to let in-flight messages complete.
 */
public record LoadSettings(
    double rate, Duration warmup, Duration duration, double eventShare, Duration drain) {

  /** A run without warm-up. */
  public LoadSettings(double rate, Duration duration, double eventShare, Duration drain) {
    this(rate, Duration.ZERO, duration, eventShare, drain);
  }

  public LoadSettings {
    if (rate < 0 || eventShare < 0 || eventShare > 1) {
      throw new IllegalArgumentException("rate must not be negative; event share between 0 and 1");
    }
    if (duration.isNegative() || warmup.isNegative()) {
      throw new IllegalArgumentException("duration and warm-up must not be negative");
    }
    if (!warmup.isZero() && duration.isZero()) {
      throw new IllegalArgumentException("a warm-up needs a duration to measure after it");
    }
  }
}

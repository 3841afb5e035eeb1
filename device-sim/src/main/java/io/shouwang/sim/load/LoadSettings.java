package io.shouwang.sim.load;

import java.time.Duration;

/**
 * A load run: {@code rate} messages per second over all connections (0 = as fast as the windows
 * allow), for {@code duration}, with {@code eventShare} of messages being events; then up to {@code
 * drain} to let in-flight messages complete.
 */
public record LoadSettings(double rate, Duration duration, double eventShare, Duration drain) {

  public LoadSettings {
    if (rate < 0 || eventShare < 0 || eventShare > 1) {
      throw new IllegalArgumentException("rate must not be negative; event share between 0 and 1");
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative");
    }
  }
}

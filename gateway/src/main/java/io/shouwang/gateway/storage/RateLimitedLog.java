package io.shouwang.gateway.storage;

import java.time.Clock;
import java.time.Duration;

/** Lets one log line through per interval and counts the events it held back. */
final class RateLimitedLog {

  private final Clock clock;
  private final long intervalMillis;
  private long lastLoggedAt = Long.MIN_VALUE;
  private long held;

  RateLimitedLog(Clock clock, Duration interval) {
    this.clock = clock;
    this.intervalMillis = interval.toMillis();
  }

  /** Records an event; returns how many to report now (this one included), or 0 to stay quiet. */
  synchronized long record() {
    held++;
    long now = clock.millis();
    if (lastLoggedAt != Long.MIN_VALUE && now - lastLoggedAt < intervalMillis) {
      return 0;
    }
    lastLoggedAt = now;
    long count = held;
    held = 0;
    return count;
  }
}

package io.shouwang.alerting.config;

import java.time.Duration;

/**
 * How pages (and device commands) are sent: every channel gets its own queue of this capacity.
 *
 * @param queueCapacity pages one channel may hold (waiting, in flight or waiting for a retry)
 * @param maxInFlight pages one channel may be sending at the same time
 * @param timeout how long one send attempt may take before it counts as a retryable failure
 * @param maxAttempts attempts per page, the first included
 * @param initialBackoff wait before the first retry; doubles (by {@code multiplier}) per retry
 * @param maxBackoff the longest wait between two attempts
 */
public record DispatchSettings(
    int queueCapacity,
    int maxInFlight,
    Duration timeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double multiplier) {

  /** The longest wait before attempt {@code attempt + 1}, after {@code attempt} attempts failed. */
  public Duration backoffAfter(int attempt) {
    double factor = Math.pow(multiplier, Math.max(0, attempt - 1));
    double millis = Math.min(initialBackoff.toMillis() * factor, maxBackoff.toMillis());
    return Duration.ofMillis(Math.round(millis));
  }

  /**
   * The wait with "equal jitter": somewhere in the upper half of {@link #backoffAfter}, so that the
   * pages of an alert storm that failed together do not all retry in the same millisecond
   * against a gateway that is just coming back.
   *
   * @param random a number in [0, 1]; 1 gives the full backoff
   */
  public Duration jitteredBackoffAfter(int attempt, double random) {
    long full = backoffAfter(attempt).toMillis();
    return Duration.ofMillis(full / 2 + Math.round((full - full / 2) * random));
  }
}

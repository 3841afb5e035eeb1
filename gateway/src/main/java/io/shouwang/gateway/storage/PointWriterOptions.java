package io.shouwang.gateway.storage;

import java.time.Duration;
import java.util.Objects;

/**
 * How a point writer batches and retries.
 *
 * @param maxBatchLines lines per store request at most
 * @param linger how long the first line of a batch may wait for more; zero writes as soon as the
 *     worker is free, batching only what arrived while it was busy
 * @param retryInterval how often an unreachable store is probed and the spool replayed
 * @param maxPendingLines lines accepted but not yet stored or spooled; beyond, writes fail at once
 */
public record PointWriterOptions(
    int maxBatchLines, Duration linger, Duration retryInterval, int maxPendingLines) {

  public PointWriterOptions {
    if (maxBatchLines < 1) {
      throw new IllegalArgumentException("maxBatchLines must be >= 1, was " + maxBatchLines);
    }
    Objects.requireNonNull(linger, "linger");
    Objects.requireNonNull(retryInterval, "retryInterval");
    if (linger.isNegative()) {
      throw new IllegalArgumentException("linger must be >= 0, was " + linger);
    }
    if (retryInterval.toMillis() < 1) {
      throw new IllegalArgumentException("retryInterval must be >= 1 ms, was " + retryInterval);
    }
    if (maxPendingLines < maxBatchLines) {
      throw new IllegalArgumentException(
          "maxPendingLines must be >= maxBatchLines (" + maxBatchLines + "), was "
              + maxPendingLines);
    }
  }

  /** Options with the pending bound at 20 batches (at least 10,000 lines). */
  public PointWriterOptions(int maxBatchLines, Duration linger, Duration retryInterval) {
    this(maxBatchLines, linger, retryInterval, defaultPending(maxBatchLines));
  }

  /** The telemetry profile: big batches, 50 ms linger, 1 s retry. */
  public static PointWriterOptions defaults() {
    return new PointWriterOptions(5000, Duration.ofMillis(50), Duration.ofSeconds(1));
  }

  /** The events profile: no linger (latency first), small batches, 1 s retry. */
  public static PointWriterOptions events() {
    return new PointWriterOptions(500, Duration.ZERO, Duration.ofSeconds(1));
  }

  private static int defaultPending(int maxBatchLines) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(10_000L, 20L * maxBatchLines));
  }
}

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

  /** The telemetry profile: big batches, 250 ms linger, 1 s retry. */
  public static PointWriterOptions defaults() {
    return new PointWriterOptions(5000, Duration.ofMillis(250), Duration.ofSeconds(1));
  }

  /**
   * How long an event's point may wait for others. Not a delay for alerting: the alert engine gets
   * the event beside the write, never behind it; only the broker acknowledgement waits. Without it
   * a busy gateway sent the store about a hundred requests of 3-5 lines a second, and a store
   * request costs about the same whatever its size (QuestDB: ~10 ms of CPU for a commit), so the
   * store spent more on a tenth of the traffic than on the telemetry. 50 ms bounds that to 20
   * requests a second.
   */
  public static final Duration EVENT_LINGER = Duration.ofMillis(50);

  /** The events profile: a short linger, small batches, 1 s retry. */
  public static PointWriterOptions events() {
    return new PointWriterOptions(500, EVENT_LINGER, Duration.ofSeconds(1));
  }

  private static int defaultPending(int maxBatchLines) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(10_000L, 20L * maxBatchLines));
  }
}

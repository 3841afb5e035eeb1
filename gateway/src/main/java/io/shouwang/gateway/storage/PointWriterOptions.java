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
   * How long an event's point may wait for others: none. The alert engine gets the event beside
   * the write, but the broker's acknowledgement waits for the write, and brokers bound the
   * unacknowledged messages they send one client (Mosquitto: max_inflight_messages, 20 by
   * default): a 50 ms linger filled that window under load and held the next emergency at the
   * broker (press to page p99 +20 ms in bench/README.md's second alert set). Small requests are
   * still merged: batches sealed while the writer is busy go out together (PendingBatches).
   */
  public static final Duration EVENT_LINGER = Duration.ZERO;

  /** The events profile: no linger, small batches, 1 s retry. */
  public static PointWriterOptions events() {
    return new PointWriterOptions(500, EVENT_LINGER, Duration.ofSeconds(1));
  }

  private static int defaultPending(int maxBatchLines) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(10_000L, 20L * maxBatchLines));
  }
}

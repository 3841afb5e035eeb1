package io.shouwang.gateway.notify.dashboard;

/**
 * The dashboard feed's limits.
 *
 * @param bufferPerSubscriber events held for one subscriber that has not caught up; beyond, the
 *     oldest is dropped and counted
 */
public record DashboardOptions(int bufferPerSubscriber) {

  /** Enough for a burst of pages across a community while a browser tab is busy. */
  public static final int DEFAULT_BUFFER = 256;

  public DashboardOptions {
    if (bufferPerSubscriber < 1) {
      throw new IllegalArgumentException(
          "dashboard.bufferPerSubscriber must be >= 1, was " + bufferPerSubscriber);
    }
  }

  /** The default buffer. */
  public static DashboardOptions defaults() {
    return new DashboardOptions(DEFAULT_BUFFER);
  }
}

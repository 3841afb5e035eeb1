package io.shouwang.alerting;

/** What became of one page. */
public enum DeliveryStatus {
  /** Waiting in its channel's queue, being sent, or waiting for a retry. */
  QUEUED,
  /** The channel accepted it. */
  SENT,
  /** Given up: not retryable, out of attempts, or the channel's queue was full. */
  FAILED,
  /** Not sent because it was no longer needed (someone accepted, or the incident closed). */
  SKIPPED;

  /** True once nothing more will happen to the page. */
  public boolean isFinal() {
    return this != QUEUED;
  }
}

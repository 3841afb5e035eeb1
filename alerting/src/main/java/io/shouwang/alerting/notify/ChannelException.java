package io.shouwang.alerting.notify;

/**
 * A failed page delivery. Retryable: 5xx, 429, timeouts, connection failures. Not retryable: other
 * 4xx (the request is wrong and would be wrong again). The message never carries secrets.
 */
public final class ChannelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final boolean retryable;

  public ChannelException(String message, int status, boolean retryable, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.retryable = retryable;
  }

  /** The one place that maps an HTTP-like status to a retry decision (0 = no response). */
  public static ChannelException forStatus(String message, int status, Throwable cause) {
    boolean retryable = status == 0 || status == 408 || status == 429 || status >= 500;
    return new ChannelException(message, status, retryable, cause);
  }

  public int status() {
    return status;
  }

  public boolean retryable() {
    return retryable;
  }
}

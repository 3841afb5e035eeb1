package io.shouwang.gateway.storage;

/**
 * A failed write; retryable (5xx, 429, timeout, connection refused) or not (other 4xx).
 *
 * <p>Of the non-retryable failures only {@link #badData()} ones mean the lines themselves are bad:
 * 401/403 (token), 402 (quota), 404 (bucket) and 405/407 (URL, proxy) are the store's or our
 * configuration's fault, so the writer keeps such data in its spool instead of dead-lettering it.
 */
public final class StoreException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final boolean retryable;

  /** A failure with the HTTP status (0 when no response arrived) and the retry decision. */
  public StoreException(String msg, int httpStatus, boolean retryable, Throwable cause) {
    super(msg, cause);
    this.httpStatus = httpStatus;
    this.retryable = retryable;
  }

  /** Classifies a failure by HTTP status in the one place that decides retries; 0 = no response. */
  public static StoreException forStatus(int httpStatus, String msg, Throwable cause) {
    boolean retryable =
        httpStatus == 0 || httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
    return new StoreException(msg, httpStatus, retryable, cause);
  }

  /** The HTTP status of the refusal, 0 when the store never answered. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether the same request may succeed later unchanged. */
  public boolean retryable() {
    return retryable;
  }

  /** Whether the store refused the data itself, so isolating and dead-lettering lines is right. */
  public boolean badData() {
    if (retryable || httpStatus < 400 || httpStatus >= 500) {
      return false;
    }
    return switch (httpStatus) {
      case 401, 402, 403, 404, 405, 407 -> false;
      default -> true;
    };
  }
}

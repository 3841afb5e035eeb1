package io.shouwang.alerting;

/**
 * A refused incident action. The reason maps to an HTTP status in one place: NOT_FOUND 404,
 * ILLEGAL_TRANSITION 409, INVALID_ARGUMENT 400.
 */
public final class IncidentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why an action was refused. */
  public enum Reason {
    NOT_FOUND(404),
    ILLEGAL_TRANSITION(409),
    INVALID_ARGUMENT(400);

    private final int httpStatus;

    Reason(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Reason reason;

  public IncidentException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

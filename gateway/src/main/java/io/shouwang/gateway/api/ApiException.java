package io.shouwang.gateway.api;

/**
 * A request the API refuses, with the HTTP status, the stable code of API.md and a message for
 * people. Thrown by handlers; {@link ApiErrors} turns it into the JSON error body.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String field;

  public ApiException(int status, String code, String message) {
    this(status, code, message, null);
  }

  public ApiException(int status, String code, String message, String field) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The request field that is wrong, or null. */
  public String field() {
    return field;
  }

  public static ApiException badRequest(String field, String message) {
    return new ApiException(400, "bad_request", message, field);
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not_found", "no such " + what);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message);
  }

  public static ApiException unavailable(String message) {
    return new ApiException(503, "unavailable", message);
  }
}

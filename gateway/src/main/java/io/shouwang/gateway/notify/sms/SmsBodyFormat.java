package io.shouwang.gateway.notify.sms;

/** How placeholder values are escaped in the SMS gateway's request body. */
public enum SmsBodyFormat {
  /** A JSON body; placeholders sit inside JSON strings and are escaped as string content. */
  JSON("application/json; charset=utf-8"),
  /** An {@code application/x-www-form-urlencoded} body; placeholders are percent-encoded. */
  FORM("application/x-www-form-urlencoded; charset=utf-8");

  private final String contentType;

  SmsBodyFormat(String contentType) {
    this.contentType = contentType;
  }

  /** The Content-Type sent unless the configured headers name another. */
  public String contentType() {
    return contentType;
  }
}

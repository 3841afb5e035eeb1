package io.shouwang.gateway.notify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes secrets and personal data from failure text before it reaches an exception or a log.
 *
 * <p>Library exceptions quote what they were given: a Vert.x timeout names the request URI (query
 * string and all), an SMTP reply quotes the rejected address. Rather than drop those causes, and
 * their stack traces with them, a channel passes them through {@link #scrub(Throwable)}.
 */
public final class Redactor {

  /** Replaces every hidden value. */
  public static final String MASK = "<redacted>";

  // Query strings carry API keys and phone numbers in many gateways' URLs; none of them is needed
  // to diagnose a failure.
  private static final Pattern QUERY = Pattern.compile("\\?[^\\s]*");
  private static final int MIN_SECRET_LENGTH = 3;
  private static final int MAX_CAUSE_DEPTH = 8;

  private final List<String> hidden;

  private Redactor(List<String> hidden) {
    this.hidden = hidden;
  }

  /** A redactor hiding the given values (nulls and values under 3 characters are ignored). */
  public static Redactor hiding(Collection<String> values) {
    List<String> kept = new ArrayList<>();
    for (String value : values) {
      if (value != null && value.length() >= MIN_SECRET_LENGTH) {
        kept.add(value);
      }
    }
    // Longest first, so a secret containing another is masked whole.
    kept.sort((a, b) -> Integer.compare(b.length(), a.length()));
    return new Redactor(List.copyOf(kept));
  }

  /** This redactor plus more values, e.g. one page's phone number or e-mail address. */
  public Redactor and(String... values) {
    List<String> all = new ArrayList<>(hidden);
    for (String value : values) {
      all.add(value);
    }
    return hiding(all);
  }

  /** The text with every hidden value and every URL query string masked. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String value : hidden) {
      result = result.replace(value, MASK);
    }
    return QUERY.matcher(result).replaceAll("?" + MASK);
  }

  /**
   * A stand-in for the throwable and its causes, with redacted messages and the original stack
   * traces; the original class name is kept in the message.
   */
  public Throwable scrub(Throwable throwable) {
    return scrub(throwable, 0);
  }

  private Throwable scrub(Throwable throwable, int depth) {
    if (throwable == null || depth == MAX_CAUSE_DEPTH) {
      return null;
    }
    String message = throwable.getClass().getName();
    if (throwable.getMessage() != null) {
      message += ": " + redact(throwable.getMessage());
    }
    RedactedException copy = new RedactedException(message, scrub(throwable.getCause(), depth + 1));
    copy.setStackTrace(throwable.getStackTrace());
    return copy;
  }

  /** A throwable whose message was redacted; its class name is the first word of the message. */
  static final class RedactedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RedactedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

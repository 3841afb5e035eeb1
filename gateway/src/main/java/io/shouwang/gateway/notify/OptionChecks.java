package io.shouwang.gateway.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * Validation shared by the channels' options records. Messages name the key and never echo a
 * value that could be a secret (a URL may carry a token in its path or query).
 */
public final class OptionChecks {

  private OptionChecks() {}

  /** The text, or an error naming the key when it is null or blank. */
  public static String requireText(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " is required");
    }
    return value;
  }

  /** The duration, or an error naming the key when it is null, zero or negative. */
  public static Duration requirePositive(Duration value, String key) {
    if (value == null) {
      throw new IllegalArgumentException(key + " is required");
    }
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(key + " must be > 0, was " + value);
    }
    return value;
  }

  /** The duration, the default when null, or an error naming the key when zero or negative. */
  public static Duration positiveOr(Duration value, Duration fallback, String key) {
    return value == null ? fallback : requirePositive(value, key);
  }

  /** The URL parsed; an error naming the key unless it is an absolute http(s) URL with a host. */
  public static URI requireHttpUrl(String value, String key) {
    requireText(value, key);
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      // Not chained: the cause quotes the whole URL.
      throw new IllegalArgumentException(key + " is not a valid URL at index " + e.getIndex());
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(key + " must be an absolute http:// or https:// URL");
    }
    return uri;
  }
}

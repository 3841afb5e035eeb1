package io.shouwang.gateway.notify.sms;

import io.shouwang.gateway.notify.OptionChecks;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The HTTP SMS gateway's request, as a template.
 *
 * @param method POST, PUT or PATCH; null for POST
 * @param url the gateway's endpoint; put API keys in {@code headers}, not in the URL
 * @param headers sent with every request, e.g. {@code Authorization} or {@code X-Api-Key}; every
 *     value is treated as a secret
 * @param bodyTemplate the request body with {@code {phone}}, {@code {text}} and optionally
 *     {@code {idempotencyKey}}; in a JSON body the placeholders sit inside quoted strings
 * @param bodyFormat how placeholder values are escaped, JSON or FORM; null for JSON
 * @param maxLength the longest text sent, in characters (70 fits one Chinese SMS segment)
 * @param timeout how long one request may take, connection included; null for the default
 */
public record SmsOptions(
    String method,
    String url,
    Map<String, String> headers,
    String bodyTemplate,
    SmsBodyFormat bodyFormat,
    int maxLength,
    Duration timeout) {

  /** One Chinese SMS segment (UCS-2). */
  public static final int DEFAULT_MAX_LENGTH = 70;

  /** The shortest text budget that still leaves room for a title next to an accept link. */
  public static final int MIN_MAX_LENGTH = 20;

  /** Five seconds: a gateway only queues the message. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

  public SmsOptions {
    method = method == null ? "POST" : method.strip().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("sms.method must be POST, PUT or PATCH, was " + method);
    }
    OptionChecks.requireHttpUrl(url, "sms.url");
    headers = headers == null ? Map.of() : checkHeaders(headers);
    OptionChecks.requireText(bodyTemplate, "sms.bodyTemplate");
    bodyFormat = bodyFormat == null ? SmsBodyFormat.JSON : bodyFormat;
    SmsTemplate.parse(bodyTemplate, bodyFormat);
    if (maxLength < MIN_MAX_LENGTH) {
      throw new IllegalArgumentException(
          "sms.maxLength must be >= " + MIN_MAX_LENGTH + ", was " + maxLength);
    }
    timeout = OptionChecks.positiveOr(timeout, DEFAULT_TIMEOUT, "sms.timeout");
  }

  /** A POST with a JSON body, one segment of text, the default timeout. */
  public static SmsOptions json(String url, Map<String, String> headers, String bodyTemplate) {
    return new SmsOptions("POST", url, headers, bodyTemplate, SmsBodyFormat.JSON,
        DEFAULT_MAX_LENGTH, DEFAULT_TIMEOUT);
  }

  /** The parsed URL. */
  URI uri() {
    return URI.create(url);
  }

  @Override
  public String toString() {
    return "SmsOptions[" + method + " host=" + uri().getHost() + ", headers=" + headers.keySet()
        + " (values redacted), bodyFormat=" + bodyFormat + ", maxLength=" + maxLength
        + ", timeout=" + timeout + "]";
  }

  private static Map<String, String> checkHeaders(Map<String, String> headers) {
    Map<String, String> checked = new LinkedHashMap<>();
    headers.forEach(
        (name, value) -> {
          if (name == null || !HEADER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("sms.headers has an invalid header name");
          }
          if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(
                "sms.headers." + name + " must be a value without line breaks");
          }
          checked.put(name, value);
        });
    return Map.copyOf(checked);
  }
}

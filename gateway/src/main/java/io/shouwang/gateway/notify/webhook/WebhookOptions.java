package io.shouwang.gateway.notify.webhook;

import io.shouwang.gateway.notify.OptionChecks;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * Where and how the webhook channel posts pages.
 *
 * @param url the receiver, an absolute http(s) URL
 * @param secret the shared HMAC-SHA256 key, at least 16 characters; never logged
 * @param timeout how long one request may take, connection included; null for the default
 * @param roles the recipient roles this webhook pages for; empty means every recipient (the usual
 *     case: the webhook is the service centre's own integration)
 */
public record WebhookOptions(String url, String secret, Duration timeout, Set<String> roles) {

  /** The shortest secret accepted: shorter keys can be guessed offline from one signed request. */
  public static final int MIN_SECRET_LENGTH = 16;

  /** Five seconds: the receiver only has to store the page, not act on it. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  public WebhookOptions {
    OptionChecks.requireHttpUrl(url, "webhook.url");
    OptionChecks.requireText(secret, "webhook.secret");
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "webhook.secret must be at least " + MIN_SECRET_LENGTH + " characters");
    }
    timeout = OptionChecks.positiveOr(timeout, DEFAULT_TIMEOUT, "webhook.timeout");
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  /** Every recipient, the default timeout. */
  public WebhookOptions(String url, String secret) {
    this(url, secret, DEFAULT_TIMEOUT, Set.of());
  }

  @Override
  public String toString() {
    // The URL's path and query may hold a token too: host only.
    return "WebhookOptions[host=" + URI.create(url).getHost() + ", secret=<redacted>"
        + ", timeout=" + timeout + ", roles=" + roles + "]";
  }
}

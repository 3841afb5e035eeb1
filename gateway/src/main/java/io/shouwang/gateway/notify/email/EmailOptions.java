package io.shouwang.gateway.notify.email;

import io.shouwang.gateway.notify.OptionChecks;
import io.vertx.ext.mail.StartTLSOptions;
import java.time.Duration;

/**
 * The SMTP server pages are sent through.
 *
 * @param host the SMTP server
 * @param port its port: 587 for submission with STARTTLS, 465 with {@code ssl}, 25 for a relay
 * @param starttls DISABLED, OPTIONAL or REQUIRED (the default when null)
 * @param ssl TLS from the first byte (port 465) instead of STARTTLS
 * @param username the login, or null for a relay without authentication
 * @param password the password, with username; never logged
 * @param from the sender address, e.g. {@code 守望 <alerts@example.org>}
 * @param timeout how long one message may take to hand over, connection included; null for
 *     the default
 * @param html whether to add a simple HTML part next to the plain text
 */
public record EmailOptions(
    String host,
    int port,
    StartTLSOptions starttls,
    boolean ssl,
    String username,
    String password,
    String from,
    Duration timeout,
    boolean html) {

  /** Ten seconds: a TLS handshake, a login and a DATA exchange with a distant server. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public EmailOptions {
    OptionChecks.requireText(host, "email.host");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("email.port must be 1-65535, was " + port);
    }
    starttls = starttls == null ? StartTLSOptions.REQUIRED : starttls;
    boolean hasUser = username != null && !username.isBlank();
    boolean hasPassword = password != null && !password.isEmpty();
    if (hasUser != hasPassword) {
      throw new IllegalArgumentException(
          "email.username and email.password must be set together (or neither, for a relay)");
    }
    OptionChecks.requireText(from, "email.from");
    if (EmailMessages.domainOf(from) == null) {
      throw new IllegalArgumentException("email.from must be an e-mail address like a@example.org");
    }
    timeout = OptionChecks.positiveOr(timeout, DEFAULT_TIMEOUT, "email.timeout");
  }

  /** Whether the client logs in. */
  boolean authenticates() {
    return username != null && !username.isBlank();
  }

  @Override
  public String toString() {
    return "EmailOptions[" + host + ":" + port + ", starttls=" + starttls + ", ssl=" + ssl
        + ", login=" + (authenticates() ? "<redacted>" : "none") + ", timeout=" + timeout
        + ", html=" + html + "]";
  }
}

package io.shouwang.gateway.notify.email;

import io.vertx.ext.mail.SMTPException;
import java.util.concurrent.TimeoutException;

/**
 * Translates SMTP outcomes into the HTTP-like statuses {@code ChannelException.forStatus} decides
 * retries by, so e-mail follows the same retry rules as every other channel.
 */
final class SmtpStatus {

  private SmtpStatus() {}

  /** 0 for no answer, 503 for transient SMTP replies, 401/413/400 for permanent ones. */
  static int of(Throwable error) {
    if (error instanceof TimeoutException) {
      return 0;
    }
    if (!(error instanceof SMTPException smtp)) {
      // Refused or reset connections, TLS failures: nothing was answered.
      return 0;
    }
    int code = smtp.getReplyCode();
    if (code >= 400 && code < 500) {
      return 503; // 4yz: transient, e.g. 421 closing, 451 local error, 452 storage
    }
    return switch (code) {
      case 530, 534, 535, 538 -> 401; // authentication required or refused
      case 552 -> 413; // message too large
      default -> code >= 500 ? 400 : 0; // other 5yz: permanent (bad address, policy)
    };
  }

  /** A short description: the reply code only, since reply text may quote addresses. */
  static String describe(Throwable error) {
    if (error instanceof TimeoutException) {
      return "no answer in time";
    }
    if (error instanceof SMTPException smtp) {
      return "SMTP " + smtp.getReplyCode() + (smtp.isPermanent() ? " (permanent)" : " (transient)");
    }
    return "no answer (" + error.getClass().getSimpleName() + ")";
  }
}

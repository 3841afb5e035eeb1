package io.shouwang.alerting.notify;

import io.vertx.core.Future;

/**
 * One way of reaching people (webhook, SMS gateway, e-mail, dashboard push, device feedback). The
 * gateway implements them; the engine's dispatcher gives each its own bounded queue, timeouts and
 * retries, so no channel can block another.
 */
public interface NotificationChannel {

  /** The channel's name: webhook, sms, email, dashboard or device. */
  String name();

  /** Whether this channel can reach the recipient at all (e.g. SMS needs a phone number). */
  boolean canReach(Recipient recipient);

  /**
   * Sends one page once; no retries here. Completes with a short receipt (e.g. the gateway's
   * message id) or fails with a {@link ChannelException} saying whether a retry could help.
   */
  Future<String> send(Page page);
}

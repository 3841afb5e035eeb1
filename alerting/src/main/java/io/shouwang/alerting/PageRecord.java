package io.shouwang.alerting;

import java.time.Instant;

/**
 * The delivery record of one page.
 *
 * @param idempotencyKey incident id / step / round / recipient / channel: the same after a restart
 * @param step the escalation step the page belongs to
 * @param round 0 for the first pass of the ladder, then 1, 2, ... for each repeat
 * @param attempts send attempts made so far (a retry counts)
 * @param lastError the last failure, short and free of secrets, or null
 * @param at when the status last changed
 */
public record PageRecord(
    String idempotencyKey,
    String channel,
    String recipientId,
    String recipientRole,
    int step,
    int round,
    DeliveryStatus status,
    int attempts,
    String lastError,
    Instant at) {

  /** The same page with a new status. */
  public PageRecord with(DeliveryStatus newStatus, int newAttempts, String error, Instant when) {
    return new PageRecord(idempotencyKey, channel, recipientId, recipientRole, step, round,
        newStatus, newAttempts, error, when);
  }
}

package io.shouwang.alerting.notify;

import io.shouwang.alerting.DeliveryStatus;

/**
 * What happened to one page: a final status, or QUEUED again with the failure that will be
 * retried.
 *
 * @param attempts send attempts made so far
 * @param error the failure, short and free of secrets, or null
 * @param overflow true when the channel's queue was full and the page was never tried
 */
public record DeliveryReport(
    String idempotencyKey,
    String incidentId,
    String channel,
    DeliveryStatus status,
    int attempts,
    String error,
    boolean overflow) {}

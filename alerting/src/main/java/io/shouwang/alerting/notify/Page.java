package io.shouwang.alerting.notify;

import java.time.Instant;
import java.util.Map;

/**
 * One notification of one incident step to one recipient over one channel.
 *
 * @param idempotencyKey the same for every retry and every re-send after a restart, so a receiver
 *     can drop duplicates: incident id + escalation step + round + recipient + channel
 * @param title short line, e.g. "【紧急】王秀英 3号楼 502 按了紧急按钮"
 * @param body a few lines for a phone: who, where, what, since when, how to accept
 * @param acceptUrl where the recipient accepts (may be null when no API is configured)
 * @param data machine-readable fields for webhooks (incident id, household, cause, severity, ...)
 */
public record Page(
    String idempotencyKey,
    String incidentId,
    String channel,
    Recipient recipient,
    String title,
    String body,
    String acceptUrl,
    Map<String, String> data,
    Instant createdAt) {

  public Page {
    data = Map.copyOf(data);
  }
}

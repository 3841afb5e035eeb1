package io.shouwang.gateway.ingest;

import java.util.Locale;

/** Why a message was refused; each has its own counter and appears in the dead-letter record. */
public enum RejectReason {
  /** Larger than ingest.maxPayloadBytes. */
  OVERSIZED,
  /** Not a {@code shouwang/v1/<class>/<device>[/json]} topic. */
  BAD_TOPIC,
  /** The topic's device is not in the registry. */
  UNKNOWN_DEVICE,
  /** Not a decodable envelope in the topic's encoding. */
  MALFORMED,
  /** The payload's device id differs from the topic's: a device speaking for another (spoofing). */
  DEVICE_MISMATCH,
  /** An envelope without a payload, sequence number or device time. */
  MISSING_FIELD,
  /** A payload this kind of device cannot send (a smoke alarm sending vitals). */
  KIND_MISMATCH,
  /** A value no sensor can measure (SpO2 over 100, negative heart rate, NaN). */
  IMPOSSIBLE_VALUE,
  /** The same (device, boot, sequence) seen before: a redelivery or a replay. */
  DUPLICATE;

  /** The value used as a metric tag and in the dead-letter record. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

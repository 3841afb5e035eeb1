package io.shouwang.alerting;

import io.shouwang.registry.PlacedDevice;
import io.shouwang.schemas.v1.Envelope;
import java.time.Instant;

/**
 * A validated device message as the alert engine sees it: the gateway has decoded it, checked it
 * and placed the device in the registry.
 *
 * @param timestamp device time (or receive time when the device clock was off)
 * @param receivedAt when the gateway received it
 */
public record DeviceMessage(Envelope envelope, PlacedDevice device, Instant timestamp,
    Instant receivedAt) {

  /** The household the message belongs to. */
  public String householdId() {
    return device.household().id();
  }

  /** A stable identity of this message: device, boot and sequence number. */
  public String messageKey() {
    return envelope.getDeviceId() + "/" + envelope.getBootId() + "/" + envelope.getSeq();
  }
}

package io.shouwang.gateway.ingest;

import io.shouwang.registry.PlacedDevice;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.v1.Envelope;
import java.time.Instant;

/**
 * A validated device message with its registry placement.
 *
 * @param timestamp the device time, or the receive time when the device clock was too far off
 * @param clockSkewed true when {@code timestamp} is the receive time because of clock skew
 * @param receivedAt wall-clock arrival at the gateway
 * @param receivedNanos {@link System#nanoTime()} at arrival, for latency measurement
 */
public record AcceptedMessage(
    Envelope envelope,
    PlacedDevice device,
    MessageClass messageClass,
    Instant timestamp,
    boolean clockSkewed,
    Instant receivedAt,
    long receivedNanos)
    implements Verdict {}

package io.shouwang.gateway.ingest;

import com.google.protobuf.InvalidProtocolBufferException;
import io.shouwang.registry.PlacedDevice;
import io.shouwang.registry.Registry;
import io.shouwang.schemas.EnvelopeCodec;
import io.shouwang.schemas.Topic;
import io.shouwang.schemas.v1.Envelope;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decodes and validates every inbound message, in one place and in a fixed order: size, topic,
 * device, decoding, spoofing, required fields, device kind, value ranges, duplicates, clock.
 * Stateless apart from the lane's {@link DuplicateFilter}, which the caller owns.
 */
final class MessageValidator {

  static final long SEQ_NANOS = 1000;

  private final Registry registry;
  private final int maxPayloadBytes;
  private final Duration maxClockSkew;

  MessageValidator(Registry registry, int maxPayloadBytes, Duration maxClockSkew) {
    this.registry = registry;
    this.maxPayloadBytes = maxPayloadBytes;
    this.maxClockSkew = maxClockSkew;
  }

  Verdict validate(InboundMessage message, DuplicateFilter duplicates) {
    if (message.payload().length > maxPayloadBytes) {
      return reject(RejectReason.OVERSIZED,
          message.payload().length + " bytes, limit " + maxPayloadBytes);
    }
    if (message.parsedTopic().isEmpty()) {
      return reject(RejectReason.BAD_TOPIC, "expected " + Topic.PREFIX + "/<class>/<device>[/json]");
    }
    Topic topic = message.parsedTopic().get();
    Optional<PlacedDevice> placed = registry.device(topic.deviceId());
    if (placed.isEmpty()) {
      return reject(RejectReason.UNKNOWN_DEVICE, "device not in registry");
    }
    Envelope envelope;
    try {
      envelope = EnvelopeCodec.decodeEnvelope(message.payload(), topic.encoding());
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      return reject(RejectReason.MALFORMED, "not a " + topic.encoding() + " envelope: " + brief(e));
    }
    if (!topic.deviceId().equals(envelope.getDeviceId())) {
      return reject(RejectReason.DEVICE_MISMATCH,
          "payload names device '" + printable(envelope.getDeviceId()) + "'");
    }
    if (envelope.getPayloadCase() == Envelope.PayloadCase.PAYLOAD_NOT_SET) {
      return reject(RejectReason.MISSING_FIELD, "payload not set");
    }
    if (envelope.getSeq() == 0) {
      return reject(RejectReason.MISSING_FIELD, "seq not set (sequence numbers start at 1)");
    }
    if (!envelope.hasDeviceTime()) {
      return reject(RejectReason.MISSING_FIELD, "device_time not set");
    }
    PlacedDevice device = placed.get();
    if (!PayloadRules.allowed(device.device().kind(), envelope.getPayloadCase())) {
      return reject(RejectReason.KIND_MISMATCH,
          device.device().kind().yamlName() + " cannot send " + envelope.getPayloadCase());
    }
    Optional<String> impossible = ValueRanges.problem(envelope);
    if (impossible.isPresent()) {
      return reject(RejectReason.IMPOSSIBLE_VALUE, impossible.get());
    }
    if (!duplicates.firstSeen(topic.deviceId(), envelope.getBootId(), envelope.getSeq())) {
      return reject(RejectReason.DUPLICATE,
          "boot " + envelope.getBootId() + " seq " + envelope.getSeq() + " seen before");
    }
    Instant deviceTime =
        Instant.ofEpochSecond(
            envelope.getDeviceTime().getSeconds(), envelope.getDeviceTime().getNanos());
    boolean skewed =
        Duration.between(message.receivedAt(), deviceTime).abs().compareTo(maxClockSkew) > 0;
    return new AcceptedMessage(
        envelope,
        device,
        topic.messageClass(),
        storedTimestamp(skewed ? message.receivedAt() : deviceTime, envelope.getSeq()),
        skewed,
        message.receivedAt(),
        message.receivedNanos());
  }

  /**
   * A point is identified by its series and timestamp, so two messages of one device in the same
   * clock tick (a press and a cancel from a whole-second clock) would collapse into one. Adding
   * {@code seq mod 1000} nanoseconds keeps them apart, invisibly, while a replay of the same
   * message still lands on the same timestamp and overwrites itself.
   */
  static Instant storedTimestamp(Instant time, long seq) {
    return time.plusNanos(seq % SEQ_NANOS);
  }

  private static Rejection reject(RejectReason reason, String detail) {
    return new Rejection(reason, detail);
  }

  private static String brief(Exception e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return printable(text.length() > 120 ? text.substring(0, 120) + "…" : text);
  }

  /** Keeps device-supplied text from forging log lines or blowing up the record. */
  private static String printable(String text) {
    String cut = text.length() > 64 ? text.substring(0, 64) + "…" : text;
    return cut.replaceAll("[\\p{Cntrl}]", "?");
  }
}

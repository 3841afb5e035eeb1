package io.shouwang.gateway.ingest;

import io.shouwang.schemas.Topic;
import java.time.Instant;
import java.util.Optional;

/**
 * One message as the broker delivered it, before validation.
 *
 * @param parsedTopic the topic parsed once on arrival, empty when malformed
 * @param acknowledger tells the broker the message is safe; called once, only when it is
 */
record InboundMessage(
    String topic,
    Optional<Topic> parsedTopic,
    byte[] payload,
    int qos,
    Instant receivedAt,
    long receivedNanos,
    Acknowledger acknowledger) {

  /** Acknowledges a QoS 1 message to the broker; a no-op for QoS 0. */
  void ack() {
    if (qos > 0) {
      acknowledger.ack();
    }
  }

  /** Sends the message to the broker again later: it was neither stored nor spooled. */
  void redeliverLater() {
    if (qos > 0) {
      acknowledger.redeliverLater();
    }
  }

  /** The device id named by the topic, or the raw topic when it is malformed. */
  String deviceKey() {
    return parsedTopic.map(Topic::deviceId).orElse(topic);
  }

  /** Acknowledges one delivery to the connection it came from. */
  interface Acknowledger {
    void ack();

    /** The message could not be made safe: leave it unacknowledged and get it delivered again. */
    void redeliverLater();
  }
}

package io.shouwang.schemas;

import java.util.Optional;

/** The delivery class of a message: it decides the topic, the QoS and how the gateway queues it. */
public enum MessageClass {
  /** Vitals, heartbeats, levels: loss-tolerant, batched; devices publish at QoS 0 or 1. */
  TELEMETRY("telemetry", 0),
  /** Button, smoke, gas, door, valve state: at-least-once, never queued behind telemetry. */
  EVENT("event", 1),
  /** Backend to device: valve close/open, button feedback. */
  COMMAND("command", 1),
  /** Device to backend: the outcome of a command. */
  COMMAND_RESULT("result", 1);

  private final String topicSegment;
  private final int qos;

  MessageClass(String topicSegment, int qos) {
    this.topicSegment = topicSegment;
    this.qos = qos;
  }

  /** The topic level that names this class. */
  public String topicSegment() {
    return topicSegment;
  }

  /** The QoS a device publishes (or the gateway subscribes/publishes) this class at. */
  public int qos() {
    return qos;
  }

  /** The class named by a topic level, if any. */
  public static Optional<MessageClass> fromTopicSegment(String segment) {
    for (MessageClass c : values()) {
      if (c.topicSegment.equals(segment)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}

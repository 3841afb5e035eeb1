package io.shouwang.gateway.ingest;

/**
 * Receives every accepted event-class message on the event lane, in per-device order: the hand-off
 * to the alert path. Must not block; it runs on the event lane.
 */
@FunctionalInterface
public interface AcceptedMessageListener {
  void onAccepted(AcceptedMessage message);
}

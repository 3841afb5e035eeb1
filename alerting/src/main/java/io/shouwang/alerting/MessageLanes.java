package io.shouwang.alerting;

import io.shouwang.schemas.v1.Envelope;

/** Which device messages are events (may need a person) and which are telemetry. */
final class MessageLanes {

  private MessageLanes() {}

  /**
   * Buttons, smoke, gas, valves, doors and command results are events, whatever their sub-kind:
   * keeping a device's alarm and its clear on one lane keeps them in order.
   */
  static boolean isEvent(Envelope envelope) {
    return switch (envelope.getPayloadCase()) {
      case EMERGENCY_BUTTON, SERVICE_BUTTON, SMOKE_ALARM, GAS_DETECTOR, GAS_VALVE, DOOR_CONTACT,
          COMMAND_RESULT -> true;
      default -> false;
    };
  }
}

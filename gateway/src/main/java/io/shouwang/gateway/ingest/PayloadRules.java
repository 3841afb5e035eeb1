package io.shouwang.gateway.ingest;

import io.shouwang.registry.DeviceKind;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.Envelope.PayloadCase;
import io.shouwang.schemas.v1.GasDetector;
import io.shouwang.schemas.v1.GasValve;
import io.shouwang.schemas.v1.SmokeAlarm;
import java.util.EnumMap;
import java.util.Map;

/** Which payloads each device kind may send, and which payloads belong on the event lane. */
final class PayloadRules {

  private static final Map<DeviceKind, PayloadCase> OWN_PAYLOAD = new EnumMap<>(DeviceKind.class);

  static {
    OWN_PAYLOAD.put(DeviceKind.EMERGENCY_BUTTON, PayloadCase.EMERGENCY_BUTTON);
    OWN_PAYLOAD.put(DeviceKind.SERVICE_BUTTON, PayloadCase.SERVICE_BUTTON);
    OWN_PAYLOAD.put(DeviceKind.SMOKE_ALARM, PayloadCase.SMOKE_ALARM);
    OWN_PAYLOAD.put(DeviceKind.GAS_DETECTOR, PayloadCase.GAS_DETECTOR);
    OWN_PAYLOAD.put(DeviceKind.GAS_VALVE, PayloadCase.GAS_VALVE);
    OWN_PAYLOAD.put(DeviceKind.DOOR_CONTACT, PayloadCase.DOOR_CONTACT);
    OWN_PAYLOAD.put(DeviceKind.MOTION_SENSOR, PayloadCase.MOTION);
    OWN_PAYLOAD.put(DeviceKind.HEALTH_MONITOR, PayloadCase.HEALTH);
  }

  private PayloadRules() {}

  /** Every device sends heartbeats and command results; otherwise only its own kind's payload. */
  static boolean allowed(DeviceKind kind, PayloadCase payload) {
    return payload == PayloadCase.HEARTBEAT
        || payload == PayloadCase.COMMAND_RESULT
        || OWN_PAYLOAD.get(kind) == payload;
  }

  /**
   * True for payloads that may need a person: they are processed on the event lane even when a
   * device published them on a telemetry topic, so a firmware mistake never queues an emergency
   * behind vitals.
   */
  static boolean belongsOnEventLane(Envelope envelope) {
    return switch (envelope.getPayloadCase()) {
      case EMERGENCY_BUTTON, SERVICE_BUTTON, DOOR_CONTACT, COMMAND_RESULT -> true;
      case SMOKE_ALARM -> envelope.getSmokeAlarm().getEvent() != SmokeAlarm.Event.LEVEL_REPORT;
      case GAS_DETECTOR -> envelope.getGasDetector().getAlarm() == GasDetector.Alarm.ALARM;
      case GAS_VALVE -> envelope.getGasValve().getState() != GasValve.State.OPEN;
      default -> false;
    };
  }
}

package io.shouwang.alerting.rules;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.DeviceMessage;
import io.shouwang.alerting.Signal;
import java.time.Instant;
import java.util.Map;

/** Builds signals with the cause's default severity, the way every rule does. */
final class Signals {

  private Signals() {}

  /** A signal caused by a device message: its device, its time and its message key. */
  static Signal of(
      Signal.Kind kind,
      Cause cause,
      DeviceMessage message,
      String summary,
      Map<String, String> details) {
    return new Signal(
        kind,
        message.householdId(),
        cause,
        cause.defaultSeverity(),
        message.envelope().getDeviceId(),
        summary,
        details,
        message.timestamp(),
        message.messageKey());
  }

  /**
   * A signal caused by the passing of time; {@code timerKey} must be the same whenever the same
   * condition is found again (say, after a restart), so the incident stage can recognise it.
   */
  static Signal ofTimer(
      Signal.Kind kind,
      Cause cause,
      String householdId,
      String deviceId,
      String summary,
      Map<String, String> details,
      Instant at,
      String timerKey) {
    return new Signal(
        kind,
        householdId,
        cause,
        cause.defaultSeverity(),
        deviceId,
        summary,
        details,
        at,
        timerKey);
  }
}

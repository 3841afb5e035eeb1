package io.shouwang.alerting.rules;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.DeviceMessage;
import io.shouwang.alerting.Signal;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.SmokeAlarm;
import java.time.Instant;
import java.util.Map;

/**
 * Smoke alarms: ALARM raises FIRE (every time: the incident stage attaches repeats), CLEAR clears
 * it once no smoke alarm of the household is in alarm. A failed self-test means the alarm may not
 * sound: the household is unprotected (PROTECTION_LOST) until a self-test passes.
 *
 * <p>HUSH only silences the sounder: it is not a clear, and the incident stays for a person to
 * resolve. LEVEL_REPORT is telemetry for the time series.
 */
final class SmokeRule implements Rule {

  private final Conditions conditions;

  SmokeRule(Conditions conditions) {
    this.conditions = conditions;
  }

  @Override
  public RuleOutput onMessage(DeviceMessage message) {
    if (message.envelope().getPayloadCase() != Envelope.PayloadCase.SMOKE_ALARM) {
      return RuleOutput.NONE;
    }
    SmokeAlarm smoke = message.envelope().getSmokeAlarm();
    String household = message.householdId();
    String device = message.envelope().getDeviceId();
    String selfTest = device + ":self-test";
    return switch (smoke.getEvent()) {
      case ALARM -> {
        conditions.raise(household, Cause.FIRE, device);
        yield RuleOutput.of(
            Signals.of(Signal.Kind.RAISE, Cause.FIRE, message, "smoke alarm", level(smoke)));
      }
      case CLEAR ->
          conditions.clear(household, Cause.FIRE, device)
              ? RuleOutput.of(
                  Signals.of(
                      Signal.Kind.CLEARED, Cause.FIRE, message, "smoke cleared", level(smoke)))
              : RuleOutput.NONE;
      case SELF_TEST_FAILED ->
          conditions.raise(household, Cause.PROTECTION_LOST, selfTest)
              ? RuleOutput.of(
                  Signals.of(
                      Signal.Kind.RAISE,
                      Cause.PROTECTION_LOST,
                      message,
                      "smoke alarm self-test failed",
                      Map.of("device_kind", "smoke_alarm")))
              : RuleOutput.NONE;
      case SELF_TEST_PASSED ->
          conditions.clear(household, Cause.PROTECTION_LOST, selfTest)
              ? RuleOutput.of(
                  Signals.of(
                      Signal.Kind.CLEARED,
                      Cause.PROTECTION_LOST,
                      message,
                      "smoke alarm self-test passed",
                      Map.of("device_kind", "smoke_alarm")))
              : RuleOutput.NONE;
      default -> RuleOutput.NONE;
    };
  }

  private static Map<String, String> level(SmokeAlarm smoke) {
    return smoke.hasObscurationPctPerM()
        ? Map.of("obscuration_pct_per_m", Readings.format(smoke.getObscurationPctPerM()))
        : Map.of();
  }

  @Override
  public RuleOutput onTick(Instant now) {
    return RuleOutput.NONE;
  }
}

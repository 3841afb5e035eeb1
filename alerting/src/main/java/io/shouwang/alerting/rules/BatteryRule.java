package io.shouwang.alerting.rules;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.DeviceMessage;
import io.shouwang.alerting.Signal;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.Heartbeat;
import java.time.Instant;
import java.util.Map;

/**
 * Heartbeat battery levels: below {@code lowPercent} raises LOW_BATTERY once per device; the device
 * counts as fine again only above {@code clearPercent}, so a level wobbling around the threshold
 * does not raise again. CLEARED once no device of the household is low.
 */
final class BatteryRule implements Rule {

  private final RuleSettings.Battery settings;
  private final Conditions conditions;

  BatteryRule(RuleSettings.Battery settings, Conditions conditions) {
    this.settings = settings;
    this.conditions = conditions;
  }

  @Override
  public RuleOutput onMessage(DeviceMessage message) {
    if (message.envelope().getPayloadCase() != Envelope.PayloadCase.HEARTBEAT) {
      return RuleOutput.NONE;
    }
    Heartbeat heartbeat = message.envelope().getHeartbeat();
    if (!heartbeat.hasBatteryPercent() || heartbeat.getMainsPowered()) {
      return RuleOutput.NONE;
    }
    int percent = heartbeat.getBatteryPercent();
    String household = message.householdId();
    String device = message.envelope().getDeviceId();
    String kind = message.device().device().kind().yamlName();
    Map<String, String> details = Map.of("battery_percent", "" + percent, "device_kind", kind);
    if (percent < settings.lowPercent() && conditions.raise(household, Cause.LOW_BATTERY, device)) {
      return RuleOutput.of(
          Signals.of(
              Signal.Kind.RAISE,
              Cause.LOW_BATTERY,
              message,
              SupervisionRule.label(message.device().device().kind()) + " battery low",
              details));
    }
    if (percent > settings.clearPercent()
        && conditions.clear(household, Cause.LOW_BATTERY, device)) {
      return RuleOutput.of(
          Signals.of(Signal.Kind.CLEARED, Cause.LOW_BATTERY, message, "batteries fine", details));
    }
    return RuleOutput.NONE;
  }

  @Override
  public RuleOutput onTick(Instant now) {
    return RuleOutput.NONE;
  }
}

package io.shouwang.alerting.rules;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.DeviceMessage;
import io.shouwang.alerting.Signal;
import io.shouwang.schemas.v1.DoorContact;
import io.shouwang.schemas.v1.Envelope;
import java.time.Instant;
import java.util.Map;

/**
 * Door and window contacts: every forced opening raises BREAK_IN; tamper raises TAMPER when it
 * starts (the flag stays set on every message while the casing is open) and clears when no contact
 * of the household reports it any more.
 */
final class DoorRule implements Rule {

  private final Conditions conditions;

  DoorRule(Conditions conditions) {
    this.conditions = conditions;
  }

  @Override
  public RuleOutput onMessage(DeviceMessage message) {
    if (message.envelope().getPayloadCase() != Envelope.PayloadCase.DOOR_CONTACT) {
      return RuleOutput.NONE;
    }
    DoorContact door = message.envelope().getDoorContact();
    String household = message.householdId();
    String device = message.envelope().getDeviceId();
    Map<String, String> details = Map.of("door_state", door.getState().name());
    Output out = new Output();
    if (door.getForced()) {
      out.add(Signals.of(Signal.Kind.RAISE, Cause.BREAK_IN, message, "door forced open", details));
    }
    if (door.getTamper()) {
      if (conditions.raise(household, Cause.TAMPER, device)) {
        out.add(Signals.of(Signal.Kind.RAISE, Cause.TAMPER, message, "contact tampered", details));
      }
    } else if (conditions.clear(household, Cause.TAMPER, device)) {
      out.add(Signals.of(Signal.Kind.CLEARED, Cause.TAMPER, message, "tamper ended", details));
    }
    return out.build();
  }

  @Override
  public RuleOutput onTick(Instant now) {
    return RuleOutput.NONE;
  }
}

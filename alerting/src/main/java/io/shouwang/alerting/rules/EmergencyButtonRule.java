package io.shouwang.alerting.rules;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.DeviceMessage;
import io.shouwang.alerting.Signal;
import io.shouwang.schemas.v1.Envelope;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A press raises EMERGENCY_BUTTON; a CANCEL within the grace window of the household's last press
 * is the resident's cancel.
 *
 * <p>Every press is a RAISE, even while an incident is open: the rule does not know incident state,
 * and the incident stage does. It attaches a repeated press to the open incident and turns a press
 * on an accepted incident into "responder on site" (ON_SITE_BY_BUTTON), so that a press is never
 * swallowed by a rule's guess.
 */
final class EmergencyButtonRule implements Rule {

  private record Press(Instant at, String messageKey) {}

  private final Duration grace;
  // By household: the pendant pressed and the wall button cancelling is one resident's act.
  private final Map<String, Press> lastPress = new HashMap<>();

  EmergencyButtonRule(RuleSettings.Button settings) {
    this.grace = settings.cancelGrace();
  }

  @Override
  public RuleOutput onMessage(DeviceMessage message) {
    if (message.envelope().getPayloadCase() != Envelope.PayloadCase.EMERGENCY_BUTTON) {
      return RuleOutput.NONE;
    }
    return switch (message.envelope().getEmergencyButton().getAction()) {
      case PRESS -> press(message);
      case CANCEL -> cancel(message);
      default -> RuleOutput.NONE;
    };
  }

  private RuleOutput press(DeviceMessage message) {
    lastPress.put(message.householdId(), new Press(message.timestamp(), message.messageKey()));
    return RuleOutput.of(
        Signals.of(
            Signal.Kind.RAISE,
            Cause.EMERGENCY_BUTTON,
            message,
            "emergency button pressed",
            Map.of()));
  }

  private RuleOutput cancel(DeviceMessage message) {
    Press press = lastPress.remove(message.householdId());
    // A late cancel does not withdraw a call for help: a person goes and looks.
    if (press == null || message.timestamp().isAfter(press.at().plus(grace))) {
      return RuleOutput.NONE;
    }
    long afterSeconds = Math.max(0, Duration.between(press.at(), message.timestamp()).toSeconds());
    return RuleOutput.of(
        Signals.of(
            Signal.Kind.RESIDENT_CANCEL,
            Cause.EMERGENCY_BUTTON,
            message,
            "press cancelled by the resident",
            Map.of(
                "cancelled_press", press.messageKey(), "seconds_after_press", "" + afterSeconds)));
  }

  @Override
  public RuleOutput onTick(Instant now) {
    // Forget presses that can no longer be cancelled; a minute's slack for device clocks.
    Instant oldest = now.minus(grace).minus(Duration.ofMinutes(1));
    lastPress.values().removeIf(press -> press.at().isBefore(oldest));
    return RuleOutput.NONE;
  }
}

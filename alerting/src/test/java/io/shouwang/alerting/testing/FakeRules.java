package io.shouwang.alerting.testing;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.DeviceMessage;
import io.shouwang.alerting.Severity;
import io.shouwang.alerting.Signal;
import io.shouwang.alerting.rules.Rule;
import io.shouwang.alerting.rules.RuleOutput;
import io.shouwang.schemas.v1.EmergencyButton;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.SmokeAlarm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Small stand-ins for the real rules, which are written elsewhere. */
public final class FakeRules {

  private FakeRules() {}

  /** Button press raises an emergency; a cancel is a resident cancel. */
  public static Rule press() {
    return new Stateless() {
      @Override
      public RuleOutput onMessage(DeviceMessage m) {
        if (m.envelope().getPayloadCase() != Envelope.PayloadCase.EMERGENCY_BUTTON) {
          return RuleOutput.NONE;
        }
        boolean press =
            m.envelope().getEmergencyButton().getAction() == EmergencyButton.Action.PRESS;
        return RuleOutput.of(signal(m, press ? Signal.Kind.RAISE : Signal.Kind.RESIDENT_CANCEL,
            Cause.EMERGENCY_BUTTON, press ? "button pressed" : "resident cancelled"));
      }
    };
  }

  /** Smoke alarm raises a fire. */
  public static Rule smoke() {
    return new Stateless() {
      @Override
      public RuleOutput onMessage(DeviceMessage m) {
        if (m.envelope().getPayloadCase() != Envelope.PayloadCase.SMOKE_ALARM
            || m.envelope().getSmokeAlarm().getEvent() != SmokeAlarm.Event.ALARM) {
          return RuleOutput.NONE;
        }
        return RuleOutput.of(signal(m, Signal.Kind.RAISE, Cause.FIRE, "smoke alarm"));
      }
    };
  }

  /** Returns the same output for every message of one device; records what it saw. */
  public static final class Recording implements Rule {
    private final List<String> seen = new ArrayList<>();
    private final Function<DeviceMessage, RuleOutput> answer;

    public Recording(Function<DeviceMessage, RuleOutput> answer) {
      this.answer = answer;
    }

    @Override
    public synchronized RuleOutput onMessage(DeviceMessage message) {
      seen.add(message.messageKey());
      return answer.apply(message);
    }

    @Override
    public RuleOutput onTick(Instant now) {
      return RuleOutput.NONE;
    }

    public synchronized List<String> seen() {
      return List.copyOf(seen);
    }
  }

  public static Signal signal(DeviceMessage m, Signal.Kind kind, Cause cause, String summary) {
    return new Signal(kind, m.householdId(), cause, cause.defaultSeverity(),
        m.envelope().getDeviceId(), summary, Map.of(), m.timestamp(), m.messageKey());
  }

  public static Signal signal(DeviceMessage m, Signal.Kind kind, Cause cause, Severity severity,
      Map<String, String> details) {
    return new Signal(kind, m.householdId(), cause, severity, m.envelope().getDeviceId(),
        cause.label(), details, m.timestamp(), m.messageKey());
  }

  private abstract static class Stateless implements Rule {
    @Override
    public RuleOutput onTick(Instant now) {
      return RuleOutput.NONE;
    }
  }
}

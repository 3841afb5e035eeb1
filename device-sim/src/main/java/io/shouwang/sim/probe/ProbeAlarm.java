package io.shouwang.sim.probe;

import io.shouwang.schemas.v1.EmergencyButton;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.SmokeAlarm;
import io.shouwang.sim.device.Payloads;
import io.shouwang.sim.registry.DeviceKind;
import java.util.Locale;

/** The alarm a probe sends once from each of its devices: each raises an incident that pages. */
public enum ProbeAlarm {
  /** The resident presses the emergency button. */
  PRESS(DeviceKind.EMERGENCY_BUTTON),
  /** The smoke alarm goes off. */
  SMOKE(DeviceKind.SMOKE_ALARM);

  private final DeviceKind kind;

  ProbeAlarm(DeviceKind kind) {
    this.kind = kind;
  }

  /** The kind of device that sends it. */
  public DeviceKind kind() {
    return kind;
  }

  /** The unstamped payload. */
  public Envelope.Builder payload() {
    return switch (this) {
      case PRESS -> Payloads.button(EmergencyButton.Action.PRESS);
      case SMOKE -> Payloads.smoke(SmokeAlarm.Event.ALARM, 4.5f);
    };
  }

  /** The name used on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package io.shouwang.sim.scenario;

import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.v1.EmergencyButton;
import io.shouwang.sim.device.Payloads;
import io.shouwang.sim.registry.DeviceKind;
import java.util.List;

/** The resident presses the emergency button, and optionally cancels the press later. */
final class PressScenario implements Scenario {

  @Override
  public String name() {
    return "press";
  }

  @Override
  public List<DeviceKind> needs() {
    return List.of(DeviceKind.EMERGENCY_BUTTON);
  }

  @Override
  public void play(ScenarioContext c) throws InterruptedException {
    String id = c.device(DeviceKind.EMERGENCY_BUTTON).device().id();
    c.log().step("resident presses " + id);
    c.log()
        .sent(
            c.send(
                DeviceKind.EMERGENCY_BUTTON,
                MessageClass.EVENT,
                Payloads.button(EmergencyButton.Action.PRESS)));
    if (c.settings().cancelAfter() != null && !c.settings().cancelAfter().isZero()) {
      c.pause(c.settings().cancelAfter());
      c.log().step("resident cancels: pressed by mistake");
      c.log()
          .sent(
              c.send(
                  DeviceKind.EMERGENCY_BUTTON,
                  MessageClass.EVENT,
                  Payloads.button(EmergencyButton.Action.CANCEL)));
    }
  }
}

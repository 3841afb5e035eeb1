package io.shouwang.sim.scenario;

import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.v1.SmokeAlarm;
import io.shouwang.sim.device.Payloads;
import io.shouwang.sim.registry.DeviceKind;
import java.util.List;

/** Smoke builds up: an alarm, the alarm repeated while smoke stays, then a clear. */
final class SmokeScenario implements Scenario {

  @Override
  public String name() {
    return "smoke";
  }

  @Override
  public List<DeviceKind> needs() {
    return List.of(DeviceKind.SMOKE_ALARM);
  }

  @Override
  public void play(ScenarioContext c) throws InterruptedException {
    c.log().step("smoke in the kitchen");
    float obscuration = 2.8f;
    int repeats = Math.max(1, c.settings().count());
    for (int i = 0; i <= repeats; i++) {
      if (i > 0) {
        c.pause();
        c.log().step("alarm still sounding (repeat " + i + ")");
      }
      c.log()
          .sent(
              c.send(
                  DeviceKind.SMOKE_ALARM,
                  MessageClass.EVENT,
                  Payloads.smoke(SmokeAlarm.Event.ALARM, obscuration)));
      obscuration = Math.round((obscuration + 1.7f) * 10) / 10f;
    }
    c.pause();
    c.log().step("smoke gone");
    c.log()
        .sent(
            c.send(
                DeviceKind.SMOKE_ALARM,
                MessageClass.EVENT,
                Payloads.smoke(SmokeAlarm.Event.CLEAR, 0.2f)));
  }
}

package io.shouwang.sim.scenario;

import io.shouwang.schemas.MessageClass;
import io.shouwang.sim.device.DeviceLife;
import io.shouwang.sim.device.Payloads;
import io.shouwang.sim.registry.DeviceKind;
import java.util.List;

/** Sustained low SpO2 and high heart rate for several readings, then a normal one. */
final class AbnormalVitalsScenario implements Scenario {

  @Override
  public String name() {
    return "abnormal-vitals";
  }

  @Override
  public List<DeviceKind> needs() {
    return List.of(DeviceKind.HEALTH_MONITOR);
  }

  @Override
  public void play(ScenarioContext c) throws InterruptedException {
    DeviceLife hm = c.device(DeviceKind.HEALTH_MONITOR);
    int readings = Math.max(1, c.settings().count());
    c.log().step("resident becomes short of breath: " + readings + " abnormal readings");
    for (int i = 0; i < readings; i++) {
      if (i > 0) {
        c.pause();
      }
      c.log()
          .sent(
              c.send(
                  DeviceKind.HEALTH_MONITOR,
                  MessageClass.TELEMETRY,
                  Payloads.health(hm.vitals().abnormal(hm.localTime()))));
    }
    c.pause();
    c.log().step("resident recovers");
    c.log()
        .sent(
            c.send(
                DeviceKind.HEALTH_MONITOR,
                MessageClass.TELEMETRY,
                Payloads.health(hm.vitals().normal(hm.localTime()))));
  }
}

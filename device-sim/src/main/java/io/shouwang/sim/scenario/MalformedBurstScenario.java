package io.shouwang.sim.scenario;

import io.shouwang.sim.device.MalformedMessages;
import io.shouwang.sim.device.SimDevice;
import io.shouwang.sim.registry.DeviceKind;
import io.shouwang.sim.registry.DeviceSpec;
import java.util.List;

/** One household's device sends a burst of every kind of bad message a gateway must survive. */
final class MalformedBurstScenario implements Scenario {

  @Override
  public String name() {
    return "malformed-burst";
  }

  @Override
  public List<DeviceKind> needs() {
    return List.of();
  }

  @Override
  public void play(ScenarioContext c) {
    List<SimDevice> devices =
        c.household().devices().stream()
            .map(DeviceSpec::id)
            .map(id -> c.fleet().life(id).device())
            .toList();
    MalformedMessages generator =
        new MalformedMessages(
            devices, devices.get(0).stream("malformed"), c.settings().oversizeBytes());
    int count = Math.max(1, c.settings().count());
    c.log().step(devices.get(0).id() + " sends " + count + " bad messages");
    for (MalformedMessages.Bad bad : generator.burst(count)) {
      for (int i = 0; i < bad.copies(); i++) {
        c.fleet().sendRaw(devices.get(0), bad.topic(), bad.payload(), bad.qos());
      }
      c.log()
          .step(
              "✗ %-18s %s (%d bytes%s) %s"
                  .formatted(
                      bad.kind(),
                      bad.topic(),
                      bad.payload().length,
                      bad.copies() > 1 ? " ×" + bad.copies() : "",
                      bad.description()));
    }
  }
}

package io.shouwang.sim.scenario;

import io.shouwang.schemas.MessageClass;
import io.shouwang.sim.device.DeviceLife;
import io.shouwang.sim.registry.DeviceKind;
import io.shouwang.sim.registry.DeviceSpec;
import io.shouwang.sim.registry.Household;
import java.util.List;
import java.util.Set;

/** A device (the smoke alarm unless told otherwise) sends a last heartbeat, then nothing. */
final class SilentDeviceScenario implements Scenario {

  @Override
  public String name() {
    return "silent-device";
  }

  @Override
  public List<DeviceKind> needs() {
    return List.of();
  }

  @Override
  public Set<String> scripted(Household household) {
    return Set.of(target(household, null));
  }

  static String target(Household household, String requested) {
    if (requested != null) {
      return requested;
    }
    return household
        .first(DeviceKind.SMOKE_ALARM)
        .or(() -> household.devices().stream().findFirst())
        .map(DeviceSpec::id)
        .orElseThrow(() -> new IllegalStateException(household.id() + " has no devices"));
  }

  @Override
  public void play(ScenarioContext c) {
    String id = target(c.household(), c.settings().silentDevice());
    DeviceLife life = c.fleet().life(id);
    c.log().sent(c.fleet().send(life.device(), MessageClass.TELEMETRY, life.heartbeat()));
    c.fleet().silence(id);
    c.log()
        .step(
            id
                + " unplugged: it sends nothing more; the gateway should report it offline"
                + " once its heartbeat timeout passes");
  }
}

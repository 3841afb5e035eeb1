package io.shouwang.sim.scenario;

import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.sim.device.DeviceLife;
import io.shouwang.sim.device.Outgoing;
import io.shouwang.sim.registry.DeviceKind;
import io.shouwang.sim.registry.Household;
import io.shouwang.sim.run.Fleet;
import java.time.Duration;

/** What a scenario plays with: the connected fleet, its household, settings, log and pacing. */
public record ScenarioContext(
    Fleet fleet, Household household, ScenarioSettings settings, StepLog log, Pacer pacer) {

  /** The household's first device of a kind. */
  public DeviceLife device(DeviceKind kind) {
    String id =
        household
            .first(kind)
            .orElseThrow(() -> new IllegalStateException(household.id() + " has no " + kind))
            .id();
    return fleet.life(id);
  }

  /** Sends a message as the household's device of a kind. */
  public Outgoing send(DeviceKind kind, MessageClass messageClass, Envelope.Builder payload) {
    return fleet.send(device(kind).device(), messageClass, payload);
  }

  /** Waits one scenario step (scaled by the speedup). */
  public void pause() throws InterruptedException {
    pacer.pause(settings.step());
  }

  /** Waits a simulated duration. */
  public void pause(Duration d) throws InterruptedException {
    pacer.pause(d);
  }
}

package io.shouwang.sim.scenario;

import io.shouwang.sim.mqtt.ConnectionException;
import io.shouwang.sim.registry.DeviceKind;
import io.shouwang.sim.registry.DeviceSpec;
import io.shouwang.sim.registry.Household;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A scripted story played against the broker by one household's devices. */
public interface Scenario {

  /** The name on the command line, e.g. {@code gas-leak}. */
  String name();

  /** The device kinds a household needs for this story. */
  List<DeviceKind> needs();

  /** Devices the story scripts: background traffic sends only their heartbeats. */
  default Set<String> scripted(Household household) {
    Set<String> ids = new LinkedHashSet<>();
    for (DeviceKind kind : needs()) {
      household.first(kind).map(DeviceSpec::id).ifPresent(ids::add);
    }
    return ids;
  }

  /** Attaches the story's own command actors before the default ones are attached. */
  default void prepare(ScenarioContext context) throws ConnectionException {}

  /** Plays the story. */
  void play(ScenarioContext context) throws InterruptedException, ScenarioFailure;
}

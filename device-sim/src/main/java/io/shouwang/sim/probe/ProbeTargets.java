package io.shouwang.sim.probe;

import io.shouwang.sim.registry.DeviceSpec;
import io.shouwang.sim.registry.Household;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks the devices a probe sends from: one per household, so every alarm raises its own incident
 * (a second alarm in a household with an open incident would only attach to it).
 */
public final class ProbeTargets {

  /** One device and its household. */
  public record Target(String householdId, DeviceSpec device) {}

  private ProbeTargets() {}

  /**
   * The first device of the alarm's kind in each household, skipping the first {@code skip}
   * households that have one, then taking {@code count}; fails if there are not enough.
   */
  public static List<Target> pick(List<Household> households, ProbeAlarm alarm, int skip,
      int count) {
    if (skip < 0 || count < 1) {
      throw new IllegalArgumentException("--skip must not be negative and --count must be positive");
    }
    List<Target> targets = new ArrayList<>();
    int seen = 0;
    for (Household household : households) {
      Optional<DeviceSpec> device = household.first(alarm.kind());
      if (device.isEmpty()) {
        continue;
      }
      if (seen++ < skip) {
        continue;
      }
      targets.add(new Target(household.id(), device.get()));
      if (targets.size() == count) {
        return List.copyOf(targets);
      }
    }
    throw new IllegalArgumentException("only " + Math.max(0, seen - skip) + " households after"
        + " the first " + skip + " have a " + alarm.kind().registryName() + "; " + count
        + " wanted");
  }
}

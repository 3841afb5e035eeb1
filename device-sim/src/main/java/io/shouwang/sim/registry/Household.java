package io.shouwang.sim.registry;

import java.util.List;
import java.util.Optional;

/** A household and its devices, in registry order. */
public record Household(String id, List<DeviceSpec> devices) {

  public Household {
    devices = List.copyOf(devices);
  }

  /** The first device of a kind, if the household has one. */
  public Optional<DeviceSpec> first(DeviceKind kind) {
    return devices.stream().filter(d -> d.kind() == kind).findFirst();
  }

  /** Whether the household has at least one device of every given kind. */
  public boolean hasAll(List<DeviceKind> kinds) {
    return kinds.stream().allMatch(k -> first(k).isPresent());
  }
}

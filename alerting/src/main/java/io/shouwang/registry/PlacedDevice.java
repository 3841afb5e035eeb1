package io.shouwang.registry;

import java.util.Objects;

/** A device with everything above it, for tagging and routing. */
public record PlacedDevice(
    Device device, Household household, Building building, Grid grid, Community community) {

  public PlacedDevice {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(household, "household");
    Objects.requireNonNull(building, "building");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(community, "community");
  }
}

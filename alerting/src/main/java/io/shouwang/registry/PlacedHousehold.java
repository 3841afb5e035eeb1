package io.shouwang.registry;

import java.util.Objects;

/** A household with everything above it, for routing an alert to its caregivers and duty desk. */
public record PlacedHousehold(
    Household household, Building building, Grid grid, Community community) {

  public PlacedHousehold {
    Objects.requireNonNull(household, "household");
    Objects.requireNonNull(building, "building");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(community, "community");
  }
}

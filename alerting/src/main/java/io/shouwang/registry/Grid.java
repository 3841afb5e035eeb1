package io.shouwang.registry;

import java.util.List;
import java.util.Objects;

/** A grid of a few buildings looked after by its caregivers (possibly none yet). */
public record Grid(String id, String name, List<Caregiver> caregivers, List<Building> buildings) {

  public Grid {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    caregivers = List.copyOf(caregivers);
    buildings = List.copyOf(buildings);
  }
}

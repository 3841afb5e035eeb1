package io.shouwang.registry;

import java.util.List;
import java.util.Objects;

/** A building and the registered households in it. */
public record Building(String id, String name, String address, List<Household> households) {

  public Building {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    households = List.copyOf(households);
  }
}

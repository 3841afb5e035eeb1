package io.shouwang.registry;

import java.util.List;
import java.util.Objects;

/** A community with its duty desk and grids. */
public record Community(String id, String name, DutyDesk dutyDesk, List<Grid> grids) {

  public Community {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dutyDesk, "dutyDesk");
    grids = List.copyOf(grids);
  }
}

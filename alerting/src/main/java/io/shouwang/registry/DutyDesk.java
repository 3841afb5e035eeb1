package io.shouwang.registry;

import java.util.Objects;

/** The community service centre duty desk; {@code email} is null when not given. */
public record DutyDesk(String name, String phone, String email) {

  public DutyDesk {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(phone, "phone");
  }
}

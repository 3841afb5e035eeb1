package io.shouwang.registry;

import java.util.Objects;

/** A community caregiver (grid worker); {@code email} is null when the file does not give one. */
public record Caregiver(String id, String name, String phone, String email) {

  public Caregiver {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(phone, "phone");
  }
}

package io.shouwang.registry;

import java.util.Objects;

/** Someone to page about a household; {@code email} is null when the file does not give one. */
public record Contact(
    String id, String name, String relation, String phone, String email, ContactRole role) {

  public Contact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(role, "role");
  }
}

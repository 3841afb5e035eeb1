package io.shouwang.registry;

import java.util.List;
import java.util.Objects;

/** One flat with its residents, contacts and devices; {@code keyHolder} may be null. */
public record Household(
    String id,
    String flat,
    String keyHolder,
    List<Resident> residents,
    List<Contact> contacts,
    List<Device> devices) {

  public Household {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(flat, "flat");
    residents = List.copyOf(residents);
    contacts = List.copyOf(contacts);
    devices = List.copyOf(devices);
  }
}

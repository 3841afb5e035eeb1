package io.shouwang.sim.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The registry file's shape, as the generator writes it (the gateway loads the same file). */
record RegistryDocument(List<Community> communities) {

  record Community(String id, String name, DutyDesk dutyDesk, List<Grid> grids) {}

  record DutyDesk(String name, String phone, String email) {}

  record Grid(String id, String name, List<Caregiver> caregivers, List<Building> buildings) {}

  record Caregiver(String id, String name, String phone) {}

  record Building(String id, String name, String address, List<HouseholdEntry> households) {}

  record HouseholdEntry(
      String id,
      String flat,
      List<Resident> residents,
      List<Contact> contacts,
      List<DeviceEntry> devices) {}

  record Resident(String id, String name, int birthYear, boolean livesAlone) {}

  record Contact(String id, String name, String relation, String phone, String role) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DeviceEntry(String id, String kind, String encoding, String protocol, String model) {}
}

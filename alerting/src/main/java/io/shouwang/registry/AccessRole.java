package io.shouwang.registry;

import java.util.Locale;
import java.util.Optional;

/** What a person who logs in is to the system; decides what they may see and do. */
public enum AccessRole {
  /** The community service center's duty desk: every household of its community. */
  DUTY_DESK,
  /** A grid caregiver: the households of the grids that list them. */
  CAREGIVER,
  /** A family member: their relative's household only. */
  FAMILY,
  /** Runs the system: sees every household and device, but no health data. */
  ADMIN;

  private final String yamlName = name().toLowerCase(Locale.ROOT);

  /** The name used in the registry file and the API, e.g. {@code duty_desk}. */
  public String yamlName() {
    return yamlName;
  }

  /** The role with this registry-file name, if any (exact, lower case). */
  public static Optional<AccessRole> fromYamlName(String name) {
    for (AccessRole role : values()) {
      if (role.yamlName.equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}

package io.shouwang.registry;

import java.util.Locale;
import java.util.Optional;

/** Why a household contact is on the list; escalation policies page by role. */
public enum ContactRole {
  FAMILY,
  NEIGHBOUR,
  /** Holds a key to the flat: the one to call when a responder needs to get in. */
  KEY_HOLDER,
  DOCTOR;

  private final String yamlName = name().toLowerCase(Locale.ROOT);

  /** The name used in the registry file, e.g. {@code key_holder}. */
  public String yamlName() {
    return yamlName;
  }

  /** The role with this registry-file name, if any (exact, lower case). */
  public static Optional<ContactRole> fromYamlName(String name) {
    for (ContactRole role : values()) {
      if (role.yamlName.equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}

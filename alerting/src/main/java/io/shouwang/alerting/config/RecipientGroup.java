package io.shouwang.alerting.config;

import java.util.Locale;
import java.util.Optional;

/** Who an escalation step pages, resolved from the registry for the incident's household. */
public enum RecipientGroup {
  /** Every caregiver of the household's grid (the first and the second caregiver). */
  GRID_CAREGIVERS,
  /** Household contacts with role family. */
  FAMILY,
  /** Household contacts with role neighbour. */
  NEIGHBOURS,
  /** Household contacts with role key_holder. */
  KEY_HOLDERS,
  /** Household contacts with role doctor. */
  DOCTORS,
  /** The duty desk of the household's community. */
  DUTY_DESK;

  private final String yamlName = name().toLowerCase(Locale.ROOT);

  /** The name used in the alerting file, e.g. {@code grid_caregivers}. */
  public String yamlName() {
    return yamlName;
  }

  /** The group with this name, ignoring case. */
  public static Optional<RecipientGroup> fromName(String name) {
    for (RecipientGroup group : values()) {
      if (group.yamlName.equalsIgnoreCase(name)) {
        return Optional.of(group);
      }
    }
    return Optional.empty();
  }
}

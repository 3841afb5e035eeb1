package io.shouwang.registry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A person in a household; {@code language} is "zh" or "en", {@code medicalNotes} may be null.
 *
 * @param vitals the resident's own alert thresholds, overriding the rules' defaults (often empty)
 * @param quietWindows the resident's own quiet windows, overriding the defaults where they apply
 */
public record Resident(
    String id,
    String name,
    int birthYear,
    boolean livesAlone,
    String language,
    String medicalNotes,
    Map<VitalLimit, Double> vitals,
    List<QuietWindow> quietWindows) {

  public Resident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
    EnumMap<VitalLimit, Double> limits = new EnumMap<>(VitalLimit.class);
    limits.putAll(vitals);
    vitals = Collections.unmodifiableMap(limits);
    quietWindows = List.copyOf(quietWindows);
  }

  /** A resident without overrides: the rules' defaults apply. */
  public Resident(
      String id,
      String name,
      int birthYear,
      boolean livesAlone,
      String language,
      String medicalNotes) {
    this(id, name, birthYear, livesAlone, language, medicalNotes, Map.of(), List.of());
  }
}

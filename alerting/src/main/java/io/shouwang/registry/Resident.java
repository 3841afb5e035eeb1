package io.shouwang.registry;

import java.util.Objects;

/** A person in a household; {@code language} is "zh" or "en", {@code medicalNotes} may be null. */
public record Resident(
    String id,
    String name,
    int birthYear,
    boolean livesAlone,
    String language,
    String medicalNotes) {

  public Resident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
  }
}

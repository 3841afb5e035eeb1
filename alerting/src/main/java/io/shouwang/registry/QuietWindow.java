package io.shouwang.registry;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A time of day and the longest the home may stay without movement then, e.g. 22:00-07:00 → 10h.
 *
 * <p>The window runs from {@code from} (inclusive) to {@code to} (exclusive) and wraps past
 * midnight when {@code to} is not after {@code from}; {@code from} and {@code to} must differ.
 */
public record QuietWindow(LocalTime from, LocalTime to, Duration maxQuiet) {

  public QuietWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(maxQuiet, "maxQuiet");
    if (from.equals(to)) {
      throw new IllegalArgumentException("a quiet window needs different from and to: " + from);
    }
    if (maxQuiet.isNegative() || maxQuiet.isZero()) {
      throw new IllegalArgumentException("maxQuiet must be positive: " + maxQuiet);
    }
  }

  /** Whether {@code time} falls in this window. */
  public boolean contains(LocalTime time) {
    return from.isBefore(to)
        ? !time.isBefore(from) && time.isBefore(to)
        : !time.isBefore(from) || time.isBefore(to);
  }

  /** Whether the two windows share any moment of the day. */
  public boolean overlaps(QuietWindow other) {
    // Two arcs of a circle overlap exactly when one of them starts inside the other.
    return contains(other.from) || other.contains(from);
  }

  /** "22:00-07:00", for messages and details. */
  public String span() {
    return from + "-" + to;
  }
}

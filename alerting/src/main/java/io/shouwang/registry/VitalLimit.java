package io.shouwang.registry;

import java.util.Optional;

/**
 * One alert threshold on a vital sign, e.g. "SpO2 below 90"; a resident may override the rules'
 * default for any of them. {@code min}..{@code max} is what the health monitor can measure (see
 * HealthReading in devices.proto): a threshold outside it could never fire.
 */
public enum VitalLimit {
  HEART_RATE_LOW("heartRateLow", 20, 250),
  HEART_RATE_HIGH("heartRateHigh", 20, 250),
  SPO2_LOW("spo2Low", 50, 100),
  SYSTOLIC_LOW("systolicLow", 50, 260),
  SYSTOLIC_HIGH("systolicHigh", 50, 260),
  DIASTOLIC_HIGH("diastolicHigh", 30, 160),
  GLUCOSE_LOW("glucoseLow", 1, 35),
  GLUCOSE_HIGH("glucoseHigh", 1, 35);

  private final String key;
  private final double min;
  private final double max;

  VitalLimit(String key, double min, double max) {
    this.key = key;
    this.min = min;
    this.max = max;
  }

  /** The key in the registry file and in the rule settings, e.g. {@code spo2Low}. */
  public String key() {
    return key;
  }

  /** True for a lower bound (alert below it), false for an upper bound (alert above it). */
  public boolean isLow() {
    return name().endsWith("_LOW");
  }

  /** The lowest value the monitor can measure. */
  public double min() {
    return min;
  }

  /** The highest value the monitor can measure. */
  public double max() {
    return max;
  }

  /** The other bound of the same measurement, if the rules know one (heart rate low ↔ high). */
  public Optional<VitalLimit> opposite() {
    String measurement = name().substring(0, name().lastIndexOf('_'));
    String other = measurement + (isLow() ? "_HIGH" : "_LOW");
    for (VitalLimit limit : values()) {
      if (limit.name().equals(other)) {
        return Optional.of(limit);
      }
    }
    return Optional.empty();
  }

  /** The limit with this key, if any (exact case). */
  public static Optional<VitalLimit> fromKey(String key) {
    for (VitalLimit limit : values()) {
      if (limit.key.equals(key)) {
        return Optional.of(limit);
      }
    }
    return Optional.empty();
  }
}

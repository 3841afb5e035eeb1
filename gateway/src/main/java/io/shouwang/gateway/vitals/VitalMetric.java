package io.shouwang.gateway.vitals;

import io.shouwang.registry.VitalLimit;
import java.util.Locale;

/** A vital sign the pages chart: its field in the {@code health} measurement and its limits. */
public enum VitalMetric {
  HEART_RATE("heart_rate_bpm", "bpm", VitalLimit.HEART_RATE_LOW, VitalLimit.HEART_RATE_HIGH),
  SPO2("spo2_percent", "%", VitalLimit.SPO2_LOW, null),
  SYSTOLIC("systolic_mmhg", "mmHg", VitalLimit.SYSTOLIC_LOW, VitalLimit.SYSTOLIC_HIGH),
  DIASTOLIC("diastolic_mmhg", "mmHg", null, VitalLimit.DIASTOLIC_HIGH),
  GLUCOSE("glucose_mmol_l", "mmol/L", VitalLimit.GLUCOSE_LOW, VitalLimit.GLUCOSE_HIGH);

  private final String field;
  private final String unit;
  private final VitalLimit low;
  private final VitalLimit high;

  VitalMetric(String field, String unit, VitalLimit low, VitalLimit high) {
    this.field = field;
    this.unit = unit;
    this.low = low;
    this.high = high;
  }

  /** The field in the time-series schema (TIME_SERIES.md). */
  public String field() {
    return field;
  }

  public String unit() {
    return unit;
  }

  /** The limit below which a reading is abnormal, or null. */
  public VitalLimit low() {
    return low;
  }

  /** The limit above which a reading is abnormal, or null. */
  public VitalLimit high() {
    return high;
  }

  /** The name in the API, e.g. {@code heart_rate}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The metric stored in this field, or null. */
  static VitalMetric ofField(String field) {
    for (VitalMetric metric : values()) {
      if (metric.field.equals(field)) {
        return metric;
      }
    }
    return null;
  }
}

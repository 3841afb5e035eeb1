package io.shouwang.alerting.rules;

import io.shouwang.registry.VitalLimit;
import io.shouwang.schemas.v1.HealthReading;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** Values of a health reading by threshold, and their text for details. */
final class Readings {

  private Readings() {}

  /** The measurement a threshold applies to, if the reading carries it. */
  static OptionalDouble value(HealthReading reading, VitalLimit limit) {
    return switch (limit) {
      case HEART_RATE_LOW, HEART_RATE_HIGH ->
          reading.hasHeartRateBpm()
              ? OptionalDouble.of(reading.getHeartRateBpm())
              : OptionalDouble.empty();
      case SPO2_LOW ->
          reading.hasSpo2Percent()
              ? OptionalDouble.of(reading.getSpo2Percent())
              : OptionalDouble.empty();
      case SYSTOLIC_LOW, SYSTOLIC_HIGH ->
          reading.hasSystolicMmhg()
              ? OptionalDouble.of(reading.getSystolicMmhg())
              : OptionalDouble.empty();
      case DIASTOLIC_HIGH ->
          reading.hasDiastolicMmhg()
              ? OptionalDouble.of(reading.getDiastolicMmhg())
              : OptionalDouble.empty();
      case GLUCOSE_LOW, GLUCOSE_HIGH ->
          reading.hasGlucoseMmolL()
              ? OptionalDouble.of(reading.getGlucoseMmolL())
              : OptionalDouble.empty();
    };
  }

  /** Everything the reading measured, for responders (never logged). */
  static Map<String, String> details(HealthReading reading) {
    Map<String, String> details = new LinkedHashMap<>();
    if (reading.hasHeartRateBpm()) {
      details.put("heart_rate_bpm", format(reading.getHeartRateBpm()));
    }
    if (reading.hasSpo2Percent()) {
      details.put("spo2_percent", format(reading.getSpo2Percent()));
    }
    if (reading.hasSystolicMmhg()) {
      details.put("systolic_mmhg", format(reading.getSystolicMmhg()));
    }
    if (reading.hasDiastolicMmhg()) {
      details.put("diastolic_mmhg", format(reading.getDiastolicMmhg()));
    }
    if (reading.hasGlucoseMmolL()) {
      details.put("glucose_mmol_l", format(reading.getGlucoseMmolL()));
    }
    if (reading.getEcgRhythm() != HealthReading.EcgRhythm.ECG_RHYTHM_UNSPECIFIED) {
      details.put("ecg_rhythm", reading.getEcgRhythm().name());
    }
    return details;
  }

  /** "88" rather than "88.0", "3.9" rather than "3.9000000953674316". */
  static String format(double value) {
    String text = Float.toString((float) value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }
}

package io.shouwang.sim.device;

import io.shouwang.schemas.v1.HealthReading;
import java.time.LocalTime;
import java.util.random.RandomGenerator;

/**
 * Health readings of an elderly but stable resident (heart rate 60-85 with a night dip, SpO2 94-99,
 * BP 115-150/70-90, glucose 4.5-8 after meals), and the abnormal ones a scenario needs.
 */
public final class VitalsGenerator {

  private final RandomGenerator random;

  /** Draws noise from the given stream. */
  public VitalsGenerator(RandomGenerator random) {
    this.random = random;
  }

  /** A reading within the normal ranges, following the time of day. */
  public HealthReading normal(LocalTime time) {
    double c = DailyRhythm.circadian(time);
    return HealthReading.newBuilder()
        .setHeartRateBpm(round(clamp(72 + 6 * c + gauss(2.5), 60, 85), 0))
        .setSpo2Percent(round(clamp(96.8 + gauss(0.8), 94, 99), 0))
        .setSystolicMmhg(round(clamp(130 + 8 * c + gauss(6), 115, 150), 0))
        .setDiastolicMmhg(round(clamp(78 + 4 * c + gauss(3.5), 70, 90), 0))
        .setGlucoseMmolL(round(clamp(5.0 + DailyRhythm.afterMeal(time) + gauss(0.25), 4.5, 8), 1))
        .setEcgRhythm(HealthReading.EcgRhythm.SINUS)
        .setQuality(
            random.nextDouble() < 0.92 ? HealthReading.Quality.GOOD : HealthReading.Quality.POOR)
        .build();
  }

  /** A sustained-hypoxia reading: SpO2 85-89 and heart rate 118-132, measured well. */
  public HealthReading abnormal(LocalTime time) {
    return normal(time).toBuilder()
        .setSpo2Percent(round(clamp(87.5 + gauss(1), 85, 89), 0))
        .setHeartRateBpm(round(clamp(124 + gauss(4), 118, 132), 0))
        .setQuality(HealthReading.Quality.GOOD)
        .build();
  }

  private double gauss(double sigma) {
    return random.nextGaussian() * sigma;
  }

  static double clamp(double v, double min, double max) {
    return Math.max(min, Math.min(max, v));
  }

  static float round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return (float) (Math.round(v * f) / f);
  }
}

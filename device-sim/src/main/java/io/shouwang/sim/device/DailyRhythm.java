package io.shouwang.sim.device;

import java.time.LocalTime;

/** The daily rhythm of an elderly resident: quiet nights, busy mornings and evenings. */
public final class DailyRhythm {

  private DailyRhythm() {}

  /** How active the resident is, 0 (asleep) to 1 (busiest hour of the day). */
  public static double activity(LocalTime time) {
    double h = hours(time);
    double level =
        0.02
            + bump(h, 8.5, 1.5, 1.0) // getting up, breakfast, morning chores
            + bump(h, 12.5, 1.2, 0.55) // lunch
            + bump(h, 18.5, 2.0, 0.85); // dinner, television
    return Math.min(1.0, level);
  }

  /** The circadian swing, -1 around 04:00 (lowest heart rate and blood pressure) to +1 at 16:00. */
  public static double circadian(LocalTime time) {
    return Math.cos(2 * Math.PI * (hours(time) - 16) / 24);
  }

  /**
   * Extra blood glucose (mmol/L) from the last meal (07:30, 12:00, 18:00), peaking 45 min after.
   */
  public static double afterMeal(LocalTime time) {
    double h = hours(time);
    double extra = 0;
    for (double meal : new double[] {7.5, 12.0, 18.0}) {
      double since = h - meal;
      if (since > 0 && since < 4) {
        double x = since / 0.75;
        extra = Math.max(extra, 2.4 * x * Math.exp(1 - x));
      }
    }
    return extra;
  }

  static double hours(LocalTime time) {
    return time.toSecondOfDay() / 3600.0;
  }

  private static double bump(double h, double centre, double width, double height) {
    double d = (h - centre) / width;
    return height * Math.exp(-0.5 * d * d);
  }
}

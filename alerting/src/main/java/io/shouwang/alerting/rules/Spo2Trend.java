package io.shouwang.alerting.rules;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The resident's SpO2 over time, in hourly sums so that a week of per-minute readings costs a few
 * hundred numbers: the mean of the recent hours against the mean of the days before them (the
 * resident's own baseline; the recent hours are not part of it, so a fall does not dilute its own
 * reference).
 */
final class Spo2Trend {

  private static final long HOUR = 3_600;

  /** Hour (epoch seconds / 3600) to {sum, count}. */
  private final TreeMap<Long, double[]> hours = new TreeMap<>();

  private final RuleSettings.Trend settings;
  private final long recentHours;
  private final long baselineHours;
  private boolean on;
  private Means means;

  /** The two means and their reading counts at the last evaluation. */
  record Means(double recent, int recentCount, double baseline, int baselineCount) {
    double drop() {
      return baseline - recent;
    }
  }

  Spo2Trend(RuleSettings.Trend settings) {
    this.settings = settings;
    this.recentHours = settings.recent().toHours();
    this.baselineHours = settings.baseline().toHours();
  }

  /** Adds a reading and re-evaluates; NONE until both windows hold enough readings. */
  Sustained.Change add(Instant at, double spo2) {
    long hour = Math.floorDiv(at.getEpochSecond(), HOUR);
    double[] bucket = hours.computeIfAbsent(hour, h -> new double[2]);
    bucket[0] += spo2;
    bucket[1]++;
    long newest = hours.lastKey();
    hours.headMap(newest - baselineHours, true).clear();
    means = means(newest);
    if (means.recentCount() < settings.minRecent()
        || means.baselineCount() < settings.minBaseline()) {
      return Sustained.Change.NONE;
    }
    if (!on && means.drop() >= settings.drop()) {
      on = true;
      return Sustained.Change.RAISED;
    }
    if (on && means.drop() < settings.drop() - settings.clearMargin()) {
      on = false;
      return Sustained.Change.CLEARED;
    }
    return Sustained.Change.NONE;
  }

  /** The means at the last reading. */
  Means means() {
    return means;
  }

  private Means means(long newest) {
    double recentSum = 0;
    double baselineSum = 0;
    int recentCount = 0;
    int baselineCount = 0;
    for (Map.Entry<Long, double[]> entry : hours.entrySet()) {
      double[] bucket = entry.getValue();
      if (entry.getKey() > newest - recentHours) {
        recentSum += bucket[0];
        recentCount += (int) bucket[1];
      } else {
        baselineSum += bucket[0];
        baselineCount += (int) bucket[1];
      }
    }
    return new Means(
        recentCount == 0 ? Double.NaN : recentSum / recentCount,
        recentCount,
        baselineCount == 0 ? Double.NaN : baselineSum / baselineCount,
        baselineCount);
  }
}

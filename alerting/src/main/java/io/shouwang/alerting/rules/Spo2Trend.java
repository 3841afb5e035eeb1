package io.shouwang.alerting.rules;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The resident's SpO2 over time, in hourly sums so that a week of per-minute readings costs a few
 * hundred numbers: the mean of the recent hours against the mean of the days before them (the
 * resident's own baseline; the recent hours are not part of it, so a fall does not dilute its own
 * reference).
 *
 * <p>Kept across a restart, so the trend is not blind for a whole baseline window after every
 * deploy: each hour's sum is an entry of the rule's state ({@code <key>:<hour>}, written when the
 * hour changes, removed when it leaves the baseline), and so is whether the trend is raised
 * ({@code <key>}, present only while it is).
 */
final class Spo2Trend extends KeptEntries.Entry {

  private static final long HOUR = 3_600;

  /** One hour's readings. */
  private final class Hour extends KeptEntries.Entry {
    final long hour;
    double sum;
    int count;
    boolean gone;

    Hour(long hour) {
      this.hour = hour;
    }

    @Override
    String key() {
      return key + ":" + hour;
    }

    @Override
    String encode() {
      return gone ? null : sum + " " + count;
    }
  }

  /** Hour (epoch seconds / 3600) to its readings. */
  private final TreeMap<Long, Hour> hours = new TreeMap<>();

  private final KeptEntries kept;
  private final String key;
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

  /** {@code key}: its key in the rule's kept state, which saves it whenever it changes. */
  Spo2Trend(KeptEntries kept, String key, RuleSettings.Trend settings) {
    this.kept = kept;
    this.key = key;
    this.settings = settings;
    this.recentHours = settings.recent().toHours();
    this.baselineHours = settings.baseline().toHours();
  }

  /** Adds a reading and re-evaluates; NONE until both windows hold enough readings. */
  Sustained.Change add(Instant at, double spo2) {
    long hour = Math.floorDiv(at.getEpochSecond(), HOUR);
    Hour bucket = hours.get(hour);
    if (bucket == null) {
      bucket = new Hour(hour);
      hours.put(hour, bucket);
    }
    bucket.sum += spo2;
    bucket.count++;
    kept.changed(bucket);
    dropBefore(hours.lastKey() - baselineHours);
    means = means(hours.lastKey());
    if (means.recentCount() < settings.minRecent()
        || means.baselineCount() < settings.minBaseline()) {
      return Sustained.Change.NONE;
    }
    if (!on && means.drop() >= settings.drop()) {
      on = true;
      kept.changed(this);
      return Sustained.Change.RAISED;
    }
    if (on && means.drop() < settings.drop() - settings.clearMargin()) {
      on = false;
      kept.changed(this);
      return Sustained.Change.CLEARED;
    }
    return Sustained.Change.NONE;
  }

  boolean isOn() {
    return on;
  }

  /** The means at the last reading. */
  Means means() {
    return means;
  }

  @Override
  String key() {
    return key;
  }

  @Override
  String encode() {
    return on ? "1" : null;
  }

  /** Takes back a raised trend. */
  void restoreOn() {
    on = true;
  }

  /**
   * Takes back an hour's sum ({@code "<sum> <count>"}) unless it had left the baseline by the
   * restart, when it is removed; throws IllegalArgumentException when it cannot be read.
   */
  void restoreHour(long hour, String value, Instant start) {
    String[] parts = value.split(" ");
    if (parts.length != 2) {
      throw new IllegalArgumentException("not an hourly sum");
    }
    double sum = Double.parseDouble(parts[0]);
    int count = Integer.parseInt(parts[1]);
    if (count < 1 || !Double.isFinite(sum)) {
      throw new IllegalArgumentException("not an hourly sum");
    }
    Hour bucket = new Hour(hour);
    bucket.sum = sum;
    bucket.count = count;
    if (hour <= Math.floorDiv(start.getEpochSecond(), HOUR) - baselineHours) {
      bucket.gone = true;
      kept.changed(bucket);
      return;
    }
    hours.put(hour, bucket);
  }

  /** Drops the hours up to {@code oldest} and removes them from the kept state. */
  private void dropBefore(long oldest) {
    NavigableMap<Long, Hour> old = hours.headMap(oldest, true);
    if (old.isEmpty()) {
      return;
    }
    for (Hour hour : old.values()) {
      hour.gone = true;
      kept.changed(hour);
    }
    old.clear();
  }

  private Means means(long newest) {
    double recentSum = 0;
    double baselineSum = 0;
    int recentCount = 0;
    int baselineCount = 0;
    for (Map.Entry<Long, Hour> entry : hours.entrySet()) {
      Hour bucket = entry.getValue();
      if (entry.getKey() > newest - recentHours) {
        recentSum += bucket.sum;
        recentCount += bucket.count;
      } else {
        baselineSum += bucket.sum;
        baselineCount += bucket.count;
      }
    }
    return new Means(
        recentCount == 0 ? Double.NaN : recentSum / recentCount,
        recentCount,
        baselineCount == 0 ? Double.NaN : baselineSum / baselineCount,
        baselineCount);
  }
}

package io.shouwang.alerting.rules;

/**
 * The key of one entry of the vitals rule's kept state: {@code <monitor>:<condition>} (also the
 * condition's key in {@link Conditions}), or {@code <monitor>:spo2Trend:<hour>} for one hour of
 * the SpO2 trend's sums.
 *
 * @param hour the trend hour (epoch hours), or -1 for a condition
 */
record VitalsKey(String deviceId, String condition, long hour) {

  static final String TREND = "spo2Trend";

  /** A condition's key. */
  static String of(String deviceId, String condition) {
    return deviceId + ":" + condition;
  }

  boolean isTrendHour() {
    return hour >= 0;
  }

  /** Reads a key; throws IllegalArgumentException when it is none of the two. */
  static VitalsKey parse(String key) {
    int last = key.lastIndexOf(':');
    if (last < 1 || last == key.length() - 1) {
      throw new IllegalArgumentException("not a vitals key");
    }
    String owner = key.substring(0, last);
    String part = key.substring(last + 1);
    String trendOwner = ":" + TREND;
    if (Character.isDigit(part.charAt(0)) && owner.endsWith(trendOwner)) {
      String deviceId = owner.substring(0, owner.length() - trendOwner.length());
      return new VitalsKey(deviceId, TREND, Long.parseLong(part));
    }
    return new VitalsKey(owner, part, -1);
  }
}

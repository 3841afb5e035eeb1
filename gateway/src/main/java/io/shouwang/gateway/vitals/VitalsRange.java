package io.shouwang.gateway.vitals;

import java.time.Duration;
import java.util.Optional;

/** The chart ranges the pages offer, with the bucket that keeps a chart to ~150-170 points. */
public enum VitalsRange {
  DAY("24h", Duration.ofHours(24), Duration.ofMinutes(10)),
  WEEK("7d", Duration.ofDays(7), Duration.ofHours(1));

  private final String apiName;
  private final Duration length;
  private final Duration bucket;

  VitalsRange(String apiName, Duration length, Duration bucket) {
    this.apiName = apiName;
    this.length = length;
    this.bucket = bucket;
  }

  public String apiName() {
    return apiName;
  }

  public Duration length() {
    return length;
  }

  public Duration bucket() {
    return bucket;
  }

  public static Optional<VitalsRange> of(String apiName) {
    for (VitalsRange range : values()) {
      if (range.apiName.equals(apiName)) {
        return Optional.of(range);
      }
    }
    return Optional.empty();
  }
}

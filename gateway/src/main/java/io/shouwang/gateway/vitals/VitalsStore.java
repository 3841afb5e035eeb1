package io.shouwang.gateway.vitals;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads a household's vital signs back from the time-series store, bucketed for charts. One
 * implementation per query language: QuestDB SQL (the embedded default) and Flux (InfluxDB).
 */
public interface VitalsStore {

  /** Buckets in [from, to), oldest first, for each metric that has readings. */
  Future<Map<VitalMetric, List<VitalBucket>>> read(String householdId, Instant from, Instant to,
      Duration bucket);
}

package io.shouwang.sim.load;

import io.shouwang.sim.run.Fleet;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fleet's counters at one moment, so a measured window can leave out the warm-up before it. */
record FleetCounts(long sent, long acked, Map<String, Long> errors, long windowFull) {

  static final FleetCounts ZERO = new FleetCounts(0, 0, Map.of(), 0);

  static FleetCounts of(Fleet fleet) {
    return new FleetCounts(
        fleet.sentCount(), fleet.ackedCount(), fleet.errorCounts(), fleet.windowFullCount());
  }

  /** What happened since {@code before}. */
  FleetCounts since(FleetCounts before) {
    Map<String, Long> errorsSince = new LinkedHashMap<>();
    errors.forEach((kind, n) -> {
      long delta = n - before.errors.getOrDefault(kind, 0L);
      if (delta > 0) {
        errorsSince.put(kind, delta);
      }
    });
    return new FleetCounts(
        sent - before.sent, acked - before.acked, errorsSince, windowFull - before.windowFull);
  }

  long errorsTotal() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }
}

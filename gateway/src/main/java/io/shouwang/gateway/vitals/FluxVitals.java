package io.shouwang.gateway.vitals;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.query.FluxRecord;
import com.influxdb.query.FluxTable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Vitals from InfluxDB 2.x / Cloud / 1.8+ with one Flux query (mean, min and max per window). */
public final class FluxVitals implements VitalsStore {

  private final Vertx vertx;
  private final InfluxDBClient client;
  private final String bucket;

  public FluxVitals(Vertx vertx, InfluxDBClient client, String bucket) {
    this.vertx = vertx;
    this.client = client;
    this.bucket = bucket;
  }

  @Override
  public Future<Map<VitalMetric, List<VitalBucket>>> read(String householdId, Instant from,
      Instant to, Duration window) {
    String flux = flux(bucket, householdId, from, to, window);
    // The client blocks: run it on a worker, never on an event loop.
    return vertx.executeBlocking(() -> parse(client.getQueryApi().query(flux)), false);
  }

  static String flux(String bucket, String householdId, Instant from, Instant to,
      Duration window) {
    StringBuilder fields = new StringBuilder();
    for (VitalMetric metric : VitalMetric.values()) {
      if (fields.length() > 0) {
        fields.append(" or ");
      }
      fields.append("r._field == ").append(string(metric.field()));
    }
    String every = window.toMinutes() + "m";
    return "data = from(bucket: " + string(bucket) + ")\n"
        + "  |> range(start: " + from + ", stop: " + to + ")\n"
        + "  |> filter(fn: (r) => r._measurement == \"health\" and r.household == "
        + string(householdId) + ")\n"
        + "  |> filter(fn: (r) => " + fields + ")\n"
        + "  |> group(columns: [\"_field\"])\n"
        + aggregate("mean", every) + aggregate("min", every) + aggregate("max", every);
  }

  private static String aggregate(String fn, String every) {
    return "data |> aggregateWindow(every: " + every + ", fn: " + fn
        + ", createEmpty: false, timeSrc: \"_start\") |> yield(name: \"" + fn + "\")\n";
  }

  static Map<VitalMetric, List<VitalBucket>> parse(List<FluxTable> tables) {
    Map<VitalMetric, TreeMap<Instant, double[]>> byTime = new EnumMap<>(VitalMetric.class);
    for (FluxTable table : tables) {
      for (FluxRecord record : table.getRecords()) {
        VitalMetric metric = VitalMetric.ofField(record.getField());
        if (metric == null || !(record.getValue() instanceof Number n)) {
          continue;
        }
        int slot = switch (String.valueOf(record.getValueByKey("result"))) {
          case "mean" -> 0;
          case "min" -> 1;
          case "max" -> 2;
          default -> -1;
        };
        if (slot < 0) {
          continue;
        }
        double[] values = byTime.computeIfAbsent(metric, m -> new TreeMap<>())
            .computeIfAbsent(record.getTime(), t -> new double[] {Double.NaN, Double.NaN,
                Double.NaN});
        values[slot] = n.doubleValue();
      }
    }
    Map<VitalMetric, List<VitalBucket>> result = new EnumMap<>(VitalMetric.class);
    byTime.forEach((metric, rows) -> {
      List<VitalBucket> buckets = new ArrayList<>();
      rows.forEach((start, v) -> {
        if (!Double.isNaN(v[0])) {
          buckets.add(new VitalBucket(start, v[0], Double.isNaN(v[1]) ? v[0] : v[1],
              Double.isNaN(v[2]) ? v[0] : v[2]));
        }
      });
      result.put(metric, buckets);
    });
    return result;
  }

  private static String string(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

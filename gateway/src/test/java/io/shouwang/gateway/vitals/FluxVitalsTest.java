package io.shouwang.gateway.vitals;

import static org.assertj.core.api.Assertions.assertThat;

import com.influxdb.query.FluxRecord;
import com.influxdb.query.FluxTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Flux path's query and its reading of the answer (no InfluxDB 2 runs on these machines). */
class FluxVitalsTest {

  static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

  @Test
  void theQueryAsksForOneHouseholdsHealthFieldsAsMeanMinAndMaxPerWindow() {
    String flux = FluxVitals.flux("tele\"care", "hh-0001", T0, T0.plus(Duration.ofDays(1)),
        Duration.ofMinutes(10));

    assertThat(flux)
        .contains("from(bucket: \"tele\\\"care\")")
        .contains("range(start: 2026-11-20T08:00:00Z, stop: 2026-11-21T08:00:00Z)")
        .contains("r._measurement == \"health\" and r.household == \"hh-0001\"")
        .contains("r._field == \"heart_rate_bpm\"").contains("r._field == \"glucose_mmol_l\"")
        .contains("aggregateWindow(every: 10m, fn: mean").contains("yield(name: \"mean\")")
        .contains("fn: min").contains("fn: max");
  }

  @Test
  void meanMinAndMaxOfTheSameWindowBecomeOneBucket() {
    FluxTable table = new FluxTable();
    table.getRecords().addAll(List.of(
        record("mean", "heart_rate_bpm", T0, 80.0),
        record("min", "heart_rate_bpm", T0, 70.0),
        record("max", "heart_rate_bpm", T0, 131.0),
        record("mean", "spo2_percent", T0.plusSeconds(600), 96.0),
        record("mean", "not_a_vital", T0, 1.0)));

    Map<VitalMetric, List<VitalBucket>> buckets = FluxVitals.parse(List.of(table));

    assertThat(buckets.get(VitalMetric.HEART_RATE))
        .containsExactly(new VitalBucket(T0, 80.0, 70.0, 131.0));
    // Without min and max, the mean stands for both.
    assertThat(buckets.get(VitalMetric.SPO2))
        .containsExactly(new VitalBucket(T0.plusSeconds(600), 96.0, 96.0, 96.0));
    assertThat(buckets).containsOnlyKeys(VitalMetric.HEART_RATE, VitalMetric.SPO2);
  }

  private static FluxRecord record(String result, String field, Instant time, double value) {
    FluxRecord record = new FluxRecord(0);
    record.getValues().put("result", result);
    record.getValues().put("_field", field);
    record.getValues().put("_time", time);
    record.getValues().put("_value", value);
    return record;
  }
}

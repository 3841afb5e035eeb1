package io.shouwang.sim.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.schemas.v1.HealthReading;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VitalsGeneratorTest {

  private final VitalsGenerator vitals = new VitalsGenerator(new SplittableRandom(7));

  private List<HealthReading> readingsAt(LocalTime time, int n) {
    List<HealthReading> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(vitals.normal(time));
    }
    return list;
  }

  @Test
  void normalReadingsStayInPhysiologicalRangesAllDay() {
    // GIVEN readings every 10 minutes over a whole day, many times over
    for (int minute = 0; minute < 24 * 60; minute += 10) {
      LocalTime time = LocalTime.of(minute / 60, minute % 60);
      // WHEN
      for (HealthReading r : readingsAt(time, 20)) {
        // THEN
        assertThat(r.getHeartRateBpm()).isBetween(60f, 85f);
        assertThat(r.getSpo2Percent()).isBetween(94f, 99f);
        assertThat(r.getSystolicMmhg()).isBetween(115f, 150f);
        assertThat(r.getDiastolicMmhg()).isBetween(70f, 90f);
        assertThat(r.getGlucoseMmolL()).isBetween(4.5f, 8f);
        assertThat(r.getQuality()).isIn(HealthReading.Quality.GOOD, HealthReading.Quality.POOR);
      }
    }
  }

  @Test
  void heartRateDipsAtNightAndGlucoseRisesAfterMeals() {
    double night =
        readingsAt(LocalTime.of(4, 0), 500).stream()
            .mapToDouble(HealthReading::getHeartRateBpm)
            .average()
            .orElseThrow();
    double afternoon =
        readingsAt(LocalTime.of(16, 0), 500).stream()
            .mapToDouble(HealthReading::getHeartRateBpm)
            .average()
            .orElseThrow();
    double fasting =
        readingsAt(LocalTime.of(6, 30), 500).stream()
            .mapToDouble(HealthReading::getGlucoseMmolL)
            .average()
            .orElseThrow();
    double afterLunch =
        readingsAt(LocalTime.of(12, 45), 500).stream()
            .mapToDouble(HealthReading::getGlucoseMmolL)
            .average()
            .orElseThrow();

    assertThat(afternoon - night).isGreaterThan(6);
    assertThat(afterLunch - fasting).isGreaterThan(1.5);
  }

  @Test
  void qualityIsMostlyGoodButSometimesPoor() {
    List<HealthReading> readings = readingsAt(LocalTime.NOON, 1000);

    long poor = readings.stream().filter(r -> r.getQuality() == HealthReading.Quality.POOR).count();

    assertThat(poor).isBetween(20L, 200L);
  }

  @Test
  void abnormalReadingsShowLowOxygenAndFastHeartWithGoodQuality() {
    for (int i = 0; i < 200; i++) {
      HealthReading r = vitals.abnormal(LocalTime.of(10, 0));

      assertThat(r.getSpo2Percent()).isBetween(85f, 89f);
      assertThat(r.getHeartRateBpm()).isBetween(118f, 132f);
      assertThat(r.getQuality()).isEqualTo(HealthReading.Quality.GOOD);
    }
  }
}

package io.shouwang.sim.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.schemas.Encoding;
import io.shouwang.sim.registry.DeviceKind;
import io.shouwang.sim.registry.DeviceSpec;
import io.shouwang.sim.registry.Protocol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DailyRhythmTest {

  @ParameterizedTest
  @CsvSource({
    "02:00, 0.0, 0.1",
    "04:30, 0.0, 0.1",
    "08:30, 0.8, 1.0",
    "18:30, 0.7, 1.0",
    "12:30, 0.4, 0.9"
  })
  void activityIsQuietAtNightAndHighAtMorningAndEvening(String time, double min, double max) {
    assertThat(DailyRhythm.activity(LocalTime.parse(time))).isBetween(min, max);
  }

  @Test
  void circadianSwingIsLowestBeforeDawnAndHighestInTheAfternoon() {
    assertThat(DailyRhythm.circadian(LocalTime.of(4, 0)))
        .isEqualTo(-1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(DailyRhythm.circadian(LocalTime.of(16, 0)))
        .isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void motionSensorCountsFarMoreInTheMorningThanAtNight() {
    // GIVEN the same PIR at 03:00 and at 08:30
    double night = meanMotion(LocalTime.of(3, 0));
    double morning = meanMotion(LocalTime.of(8, 30));

    // THEN mornings are busy, nights nearly still
    assertThat(night).isLessThan(1.5);
    assertThat(morning).isGreaterThan(5 * night);
  }

  private static double meanMotion(LocalTime time) {
    Instant at = time.atDate(java.time.LocalDate.of(2026, 11, 21)).toInstant(ZoneOffset.UTC);
    DeviceSpec spec =
        new DeviceSpec(
            "pir-0001",
            "hh-0001",
            DeviceKind.MOTION_SENSOR,
            Encoding.PROTOBUF,
            Protocol.MQTT5,
            null);
    DeviceLife life = new DeviceLife(new SimDevice(spec, Clock.fixed(at, ZoneOffset.UTC), 3, 0));
    return IntStream.range(0, 300)
        .map(i -> life.periodic(Duration.ofMinutes(1)).orElseThrow().getMotion().getCount())
        .average()
        .orElseThrow();
  }

  @Test
  void poissonDrawsAverageToTheirMean() {
    SplittableRandom random = new SplittableRandom(1);
    double small =
        IntStream.range(0, 5000).map(i -> DeviceLife.poisson(random, 3)).average().orElseThrow();
    double large =
        IntStream.range(0, 5000).map(i -> DeviceLife.poisson(random, 100)).average().orElseThrow();

    assertThat(small).isBetween(2.8, 3.2);
    assertThat(large).isBetween(98.0, 102.0);
  }
}

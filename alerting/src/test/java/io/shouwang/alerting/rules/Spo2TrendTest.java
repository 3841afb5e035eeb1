package io.shouwang.alerting.rules;

import static io.shouwang.alerting.rules.Payloads.spo2;
import static io.shouwang.alerting.rules.Script.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shouwang.alerting.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SpO2 trend against the resident's own baseline (defaults: the last 6 hours against the 7 days
 * before, 3 points, at least 4 recent and 20 baseline readings). Every value here is above the 90
 * threshold, so only the trend can speak.
 */
class Spo2TrendTest {

  private static final long HOUR = 3_600;
  private static final String TRENDING = "RAISE ABNORMAL_VITALS oxygen saturation trending down";
  private static final String NORMAL = "CLEARED ABNORMAL_VITALS vitals back to normal";

  static Stream<Arguments> trends() {
    return Stream.of(
        Arguments.of("a fall of 3.5 points raises once", 36, 96f, 8, 92.5f, List.of(TRENDING)),
        Arguments.of("a fall of exactly 3 points raises", 36, 96f, 8, 93f, List.of(TRENDING)),
        Arguments.of("a fall of 2.5 points is not a trend", 36, 96f, 8, 93.5f, List.of()),
        Arguments.of("too short a baseline concludes nothing", 10, 96f, 8, 91f, List.of()),
        Arguments.of("too few recent readings conclude nothing", 36, 96f, 3, 91f, List.of()),
        Arguments.of("a rise is no trend", 36, 92f, 8, 97f, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trends")
  void trend(
      String name,
      int baselineReadings,
      float baseline,
      int recentReadings,
      float recent,
      List<String> expected) {
    Script script = script();
    List<Script.Step> steps = new ArrayList<>();
    long second = baselineHistory(steps, baselineReadings, baseline);
    for (int i = 0; i < recentReadings; i++) {
      steps.add(at(second + i * 1_800, "hm-1", spo2(recent)));
    }

    List<String> lines = script.run(steps);

    assertThat(lines).map(Spo2TrendTest::withoutTime).containsExactlyElementsOf(expected);
  }

  @Test
  void raisesWithBothMeansAndClearsOnlyWhenTheFallHasShrunkBelowDropMinusMargin() {
    Script script = script();
    List<Script.Step> steps = new ArrayList<>();
    long second = baselineHistory(steps, 36, 96f);
    for (int i = 0; i < 6; i++) {
      steps.add(at(second + i * 1_800, "hm-1", spo2(92.5f)));
    }
    second += 3 * HOUR;
    // Recovering to 94.5: a fall of about 1.5, inside drop - clearMargin = 2 only once the
    // low readings have left the recent window.
    for (int i = 0; i < 20; i++) {
      steps.add(at(second + i * 1_800, "hm-1", spo2(94.5f)));
    }

    List<String> lines = script.run(steps);

    assertThat(lines).map(Spo2TrendTest::withoutTime).containsExactly(TRENDING, NORMAL);
    Signal raise = script.signals().get(0);
    assertThat(raise.details())
        .containsEntry("spo2Trend_baseline_mean", "96")
        .containsEntry("spo2Trend_recent_mean", "92.5")
        .containsEntry("spo2Trend_baseline_readings", "36")
        .containsEntry("spo2Trend_recent_readings", "4");
    long clearedAt = Long.parseLong(lines.get(1).split(" ")[0]);
    assertThat(clearedAt - second)
        .as("cleared after the low readings aged out")
        .isGreaterThan(3 * HOUR);
  }

  @Test
  void wobbleAroundTheDropDoesNotFlap() {
    Script script = script();
    List<Script.Step> steps = new ArrayList<>();
    long second = baselineHistory(steps, 36, 96f);
    float[] wobble = {92.8f, 93.2f, 92.9f, 93.3f, 92.7f, 93.4f, 92.8f, 93.1f};
    for (int i = 0; i < wobble.length; i++) {
      steps.add(at(second + i * 1_200, "hm-1", spo2(wobble[i])));
    }

    assertThat(script.run(steps)).map(Spo2TrendTest::withoutTime).containsExactly(TRENDING);
  }

  /** Readings every two hours over the days before second 0; returns the second to go on from. */
  private static long baselineHistory(List<Script.Step> steps, int readings, float value) {
    long start = -readings * 2 * HOUR - 7 * HOUR;
    for (int i = 0; i < readings; i++) {
      steps.add(at(start + i * 2 * HOUR, "hm-1", spo2(value)));
    }
    return 0;
  }

  private static String withoutTime(String line) {
    return line.substring(line.indexOf(' ') + 1);
  }

  private static Script script() {
    RuleSettings settings = RuleSettings.defaults();
    return new Script(
        clock ->
            new VitalsRule(
                Fixture.REGISTRY,
                settings.vitals(),
                settings.trend(),
                new Conditions(),
                new SimpleMeterRegistry()));
  }
}

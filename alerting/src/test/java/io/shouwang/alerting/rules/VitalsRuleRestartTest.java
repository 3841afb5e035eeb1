package io.shouwang.alerting.rules;

import static io.shouwang.alerting.rules.Payloads.ecg;
import static io.shouwang.alerting.rules.Payloads.health;
import static io.shouwang.alerting.rules.Payloads.heartRate;
import static io.shouwang.alerting.rules.Payloads.spo2;
import static io.shouwang.alerting.rules.Script.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shouwang.schemas.v1.HealthReading.EcgRhythm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vitals rule of a new process picking up what the one before saved: each condition's state
 * (on, and the run in progress) and the SpO2 trend's hourly sums. Defaults: three readings in a
 * row, maxGap 30 min, SpO2 limit 90 clearing at 92; trend 6 h against 7 d, 3 points.
 */
class VitalsRuleRestartTest {

  private static final long HOUR = 3_600;
  private static final String SPO2_LOW = "RAISE ABNORMAL_VITALS oxygen saturation low";
  private static final String TRENDING = "RAISE ABNORMAL_VITALS oxygen saturation trending down";
  private static final String NORMAL = "CLEARED ABNORMAL_VITALS vitals back to normal";

  static Stream<Arguments> restarts() {
    return Stream.of(
        Arguments.of(
            "raised before the restart: clears after it, with hysteresis",
            spo2Readings(0, 88, 88, 88), 600,
            spo2Readings(660, 92, 91, 92, 92, 93),
            List.of("900 " + NORMAL)),
        Arguments.of(
            "raised before the restart: one normal reading is not enough",
            spo2Readings(0, 88, 88, 88), 600,
            spo2Readings(660, 95, 88),
            List.of()),
        Arguments.of(
            "a run half-way there before the restart goes on after it",
            spo2Readings(0, 88, 88), 120,
            spo2Readings(180, 88),
            List.of("180 " + SPO2_LOW)),
        Arguments.of(
            "a run broken by a downtime longer than maxGap starts again",
            spo2Readings(0, 88, 88), 3_000,
            spo2Readings(3_600, 88, 88, 88),
            List.of("3720 " + SPO2_LOW)),
        Arguments.of(
            "atrial fibrillation raised before the restart: sinus rhythm clears it",
            List.of(
                at(0, "hm-1", ecg(EcgRhythm.ATRIAL_FIBRILLATION)),
                at(60, "hm-1", ecg(EcgRhythm.ATRIAL_FIBRILLATION)),
                at(120, "hm-1", ecg(EcgRhythm.ATRIAL_FIBRILLATION))),
            600,
            List.of(
                at(660, "hm-1", ecg(EcgRhythm.SINUS)),
                at(720, "hm-1", ecg(EcgRhythm.SINUS)),
                at(780, "hm-1", ecg(EcgRhythm.SINUS))),
            List.of("780 " + NORMAL)),
        Arguments.of(
            "two conditions raised before the restart: cleared only when both are back",
            List.of(
                at(0, "hm-1", health(h -> h.setSpo2Percent(88).setHeartRateBpm(140))),
                at(60, "hm-1", health(h -> h.setSpo2Percent(88).setHeartRateBpm(140))),
                at(120, "hm-1", health(h -> h.setSpo2Percent(88).setHeartRateBpm(140)))),
            600,
            List.of(
                at(660, "hm-1", spo2(96)),
                at(720, "hm-1", spo2(96)),
                at(780, "hm-1", spo2(96)),
                at(840, "hm-1", heartRate(80)),
                at(900, "hm-1", heartRate(80)),
                at(960, "hm-1", heartRate(80))),
            List.of("960 " + NORMAL)),
        Arguments.of(
            "a baseline saved before the restart: the trend raises right after it",
            baseline(36, 96f), -HOUR,
            trendReadings(0, 6, 92.5f),
            List.of("5400 " + TRENDING)),
        Arguments.of(
            "a trend raised before the restart clears after it",
            concat(baseline(36, 96f), trendReadings(0, 6, 92.5f)), 3 * HOUR,
            trendReadings(3 * HOUR + 60, 20, 94.5f),
            List.of("23460 " + NORMAL)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("restarts")
  void vitalsArePickedUpAfterARestart(
      String name,
      List<Script.Step> before,
      long restartSecond,
      List<Script.Step> after,
      List<String> expected) {
    // GIVEN a rule that saw the readings before, and saved its state
    Script first = script();
    first.run(before);
    Map<String, String> saved = stored(first.takeSavedState());

    // WHEN a new process's rule resumes with that state and the monitor goes on
    Script second = script();
    second.restart(new Restart(
        Fixture.T0.plusSeconds(restartSecond), List.of(), Map.of(),
        Map.of(VitalsRule.STATE, saved)));
    List<String> lines = second.run(after);

    // THEN it concludes what the table says
    assertThat(lines).containsExactlyElementsOf(expected);
  }

  @Test
  void withoutSavedStateTheSameReadingsAfterARestartConcludeNothing() {
    // GIVEN a rule that saved nothing before (the engine's behaviour before state was kept)
    Script script = script();
    script.restart(Restart.fresh(Fixture.T0.plusSeconds(600)));

    // WHEN the readings of two of the scenarios above come
    List<String> normal = script.run(spo2Readings(660, 92, 91, 92, 92, 93));
    List<String> recent = script.run(trendReadings(2 * HOUR, 6, 92.5f));

    // THEN nothing clears (nothing was raised) and the trend has no baseline
    assertThat(normal).isEmpty();
    assertThat(recent).isEmpty();
  }

  @Test
  void aRunIsSavedWithItsValuesAndRemovedOnceItIsOver() {
    // GIVEN two low SpO2 readings
    Script script = script();
    script.run(spo2Readings(0, 88, 88));

    // WHEN the save collects the changes, and again after a normal reading
    Map<String, String> inRun = script.takeSavedState();
    script.run(spo2Readings(120, 96));
    Map<String, String> over = script.takeSavedState();

    // THEN the run is kept (off|run|start|last|values) beside the hour's sum; then it is removed
    long t0 = Fixture.T0.toEpochMilli();
    String hour = "hm-1:spo2Trend:" + Fixture.T0.getEpochSecond() / HOUR;
    assertThat(inRun).isEqualTo(Map.of(
        "hm-1:spo2Low", "0|2|" + t0 + "|" + (t0 + 60_000) + "|88,88",
        hour, "176.0 2"));
    assertThat(over).isEqualTo(Map.of("hm-1:spo2Low", "-", hour, "272.0 3"));
  }

  @Test
  void savedEntriesThatCannotBeUsedAreRemovedAndTheRestIsKept() {
    // GIVEN saved entries of an unregistered monitor, unreadable ones, and a good one
    Script script = script();
    Map<String, String> saved = Map.of(
        "hm-9:spo2Low", "1",
        "hm-1:spo2Low", "on",
        "hm-1:breathing", "1",
        "hm-1:spo2Trend:1x", "96.0 1",
        "hm-1:heartRateHigh", "1");

    // WHEN the rule resumes and the heart rate is back three times
    script.restart(new Restart(
        Fixture.T0, List.of(), Map.of(), Map.of(VitalsRule.STATE, saved)));
    Map<String, String> removed = script.takeSavedState();
    List<String> lines = script.run(List.of(
        at(60, "hm-1", heartRate(80)), at(120, "hm-1", heartRate(80)),
        at(180, "hm-1", heartRate(80))));

    // THEN the unusable ones are removed, and the good one still clears
    assertThat(removed).isEqualTo(Map.of(
        "hm-9:spo2Low", "-", "hm-1:spo2Low", "-", "hm-1:breathing", "-",
        "hm-1:spo2Trend:1x", "-"));
    assertThat(lines).containsExactly("180 " + NORMAL);
  }

  @Test
  void hoursThatLeftTheBaselineDuringTheDowntimeAreRemoved() {
    // GIVEN an hour saved eight days before the restart, and one the day before
    long restartHour = Fixture.T0.getEpochSecond() / HOUR;
    Map<String, String> saved = Map.of(
        "hm-1:spo2Trend:" + (restartHour - 8 * 24), "96.0 1",
        "hm-1:spo2Trend:" + (restartHour - 24), "96.0 1");
    Script script = script();

    // WHEN the rule resumes
    script.restart(new Restart(
        Fixture.T0, List.of(), Map.of(), Map.of(VitalsRule.STATE, saved)));

    // THEN only the old one is removed
    assertThat(script.takeSavedState())
        .isEqualTo(Map.of("hm-1:spo2Trend:" + (restartHour - 8 * 24), "-"));
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

  /** What the store holds after a save of these changes: the removed ones are gone. */
  private static Map<String, String> stored(Map<String, String> changes) {
    Map<String, String> stored = new HashMap<>(changes);
    stored.values().removeIf("-"::equals);
    return stored;
  }

  /** SpO2 readings from hm-1 a minute apart from {@code from}. */
  private static List<Script.Step> spo2Readings(long from, float... values) {
    List<Script.Step> steps = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      steps.add(at(from + i * 60L, "hm-1", spo2(values[i])));
    }
    return steps;
  }

  /** {@code count} SpO2 readings half an hour apart from {@code from}. */
  private static List<Script.Step> trendReadings(long from, int count, float value) {
    List<Script.Step> steps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      steps.add(at(from + i * 1_800L, "hm-1", spo2(value)));
    }
    return steps;
  }

  /** Readings every two hours over the days before second 0, the last 9 hours before it. */
  private static List<Script.Step> baseline(int readings, float value) {
    List<Script.Step> steps = new ArrayList<>();
    long start = -readings * 2 * HOUR - 7 * HOUR;
    for (int i = 0; i < readings; i++) {
      steps.add(at(start + i * 2 * HOUR, "hm-1", spo2(value)));
    }
    return steps;
  }

  private static List<Script.Step> concat(List<Script.Step> a, List<Script.Step> b) {
    List<Script.Step> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}

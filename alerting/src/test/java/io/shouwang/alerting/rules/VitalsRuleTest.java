package io.shouwang.alerting.rules;

import static io.shouwang.alerting.rules.Payloads.ecg;
import static io.shouwang.alerting.rules.Payloads.health;
import static io.shouwang.alerting.rules.Payloads.heartRate;
import static io.shouwang.alerting.rules.Payloads.spo2;
import static io.shouwang.alerting.rules.Script.at;
import static io.shouwang.alerting.rules.Script.late;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shouwang.alerting.Severity;
import io.shouwang.alerting.Signal;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.HealthReading.EcgRhythm;
import io.shouwang.schemas.v1.HealthReading.Quality;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VitalsRuleTest {

  private static final String SPO2_LOW = "RAISE ABNORMAL_VITALS oxygen saturation low";
  private static final String NORMAL = "CLEARED ABNORMAL_VITALS vitals back to normal";

  static Stream<Arguments> thresholds() {
    return Stream.of(
        Arguments.of(
            "three low readings in a row raise",
            readings("hm-1", 60, 88, 88, 88),
            List.of("120 " + SPO2_LOW)),
        Arguments.of(
            "two low readings are not sustained",
            readings("hm-1", 60, 88, 88, 95, 88, 88),
            List.of()),
        Arguments.of(
            "two low readings five minutes apart are sustained",
            readings("hm-1", 300, 88, 88),
            List.of("300 " + SPO2_LOW)),
        Arguments.of(
            "readings further apart than maxGap do not make a run",
            List.of(
                at(0, "hm-1", spo2(88)),
                at(2_000, "hm-1", spo2(88)),
                at(2_060, "hm-1", spo2(88)),
                at(2_120, "hm-1", spo2(88))),
            List.of("2120 " + SPO2_LOW)),
        Arguments.of(
            "values oscillating around the threshold raise once and never flap",
            readings("hm-1", 60, 89, 89, 89, 91, 89, 91, 89, 91.5f, 89, 90, 89, 91),
            List.of("120 " + SPO2_LOW)),
        Arguments.of(
            "back inside by the margin three times in a row clears",
            readings("hm-1", 60, 88, 88, 88, 92, 93, 92),
            List.of("120 " + SPO2_LOW, "300 " + NORMAL)),
        Arguments.of(
            "a reading inside the margin band breaks the clearing run",
            readings("hm-1", 60, 88, 88, 88, 92, 91, 92, 92, 93),
            List.of("120 " + SPO2_LOW, "420 " + NORMAL)),
        Arguments.of(
            "a reading without SpO2 neither counts nor breaks an SpO2 run",
            List.of(
                at(0, "hm-1", spo2(88)),
                at(30, "hm-1", heartRate(70)),
                at(60, "hm-1", spo2(88)),
                at(120, "hm-1", spo2(88))),
            List.of("120 " + SPO2_LOW)),
        Arguments.of(
            "heart rate high",
            List.of(
                at(0, "hm-1", heartRate(140)),
                at(60, "hm-1", heartRate(141)),
                at(120, "hm-1", heartRate(150))),
            List.of("120 RAISE ABNORMAL_VITALS heart rate high")),
        Arguments.of(
            "systolic and diastolic high in the same readings: one signal",
            repeat("hm-1", health(h -> h.setSystolicMmhg(200).setDiastolicMmhg(125)), 3),
            List.of("120 RAISE ABNORMAL_VITALS blood pressure high")),
        Arguments.of(
            "glucose low",
            repeat("hm-1", health(h -> h.setGlucoseMmolL(3.1f)), 3),
            List.of("120 RAISE ABNORMAL_VITALS blood glucose low")),
        Arguments.of(
            "two conditions: cleared only when both are back",
            List.of(
                at(0, "hm-1", health(h -> h.setSpo2Percent(88).setHeartRateBpm(140))),
                at(60, "hm-1", health(h -> h.setSpo2Percent(88).setHeartRateBpm(140))),
                at(120, "hm-1", health(h -> h.setSpo2Percent(88).setHeartRateBpm(140))),
                at(180, "hm-1", health(h -> h.setSpo2Percent(96).setHeartRateBpm(140))),
                at(240, "hm-1", health(h -> h.setSpo2Percent(96).setHeartRateBpm(140))),
                at(300, "hm-1", health(h -> h.setSpo2Percent(96).setHeartRateBpm(140))),
                at(360, "hm-1", heartRate(80)),
                at(420, "hm-1", heartRate(80)),
                at(480, "hm-1", heartRate(80))),
            List.of(
                "120 RAISE ABNORMAL_VITALS heart rate high; oxygen saturation low",
                "480 " + NORMAL)),
        Arguments.of(
            "sustained atrial fibrillation raises; sinus rhythm clears",
            List.of(
                at(0, "hm-1", ecg(EcgRhythm.ATRIAL_FIBRILLATION)),
                at(60, "hm-1", ecg(EcgRhythm.ATRIAL_FIBRILLATION)),
                at(120, "hm-1", ecg(EcgRhythm.ATRIAL_FIBRILLATION)),
                at(180, "hm-1", ecg(EcgRhythm.SINUS)),
                at(240, "hm-1", ecg(EcgRhythm.SINUS)),
                at(250, "hm-1", ecg(EcgRhythm.ECG_RHYTHM_UNSPECIFIED)),
                at(300, "hm-1", ecg(EcgRhythm.SINUS))),
            List.of("120 RAISE ABNORMAL_VITALS atrial fibrillation sustained", "300 " + NORMAL)),
        Arguments.of(
            "a single episode of atrial fibrillation is not sustained",
            List.of(
                at(0, "hm-1", ecg(EcgRhythm.ATRIAL_FIBRILLATION)),
                at(60, "hm-1", ecg(EcgRhythm.IRREGULAR_OTHER)),
                at(120, "hm-1", ecg(EcgRhythm.ATRIAL_FIBRILLATION))),
            List.of()),
        Arguments.of(
            "the resident's own SpO2 limit: 88 is usual for her, 84 is not",
            readings("hm-4", 60, 88, 88, 88, 84, 84, 84),
            List.of("300 " + SPO2_LOW)),
        Arguments.of(
            "the resident's own heart rate limit applies to her monitor",
            repeat("hm-4", heartRate(115), 3),
            List.of("120 RAISE ABNORMAL_VITALS heart rate high")),
        Arguments.of(
            "the default heart rate limit applies elsewhere",
            repeat("hm-1", heartRate(115), 3),
            List.of()),
        Arguments.of(
            "poor readings never raise",
            repeat("hm-1", health(h -> h.setSpo2Percent(80).setQuality(Quality.POOR)), 5),
            List.of()),
        Arguments.of(
            "invalid readings never raise",
            repeat("hm-1", health(h -> h.setSpo2Percent(80).setQuality(Quality.INVALID)), 5),
            List.of()),
        Arguments.of(
            "flagged readings neither count nor break a run",
            List.of(
                at(0, "hm-1", spo2(88)),
                at(30, "hm-1", health(h -> h.setSpo2Percent(99).setQuality(Quality.POOR))),
                at(60, "hm-1", spo2(88)),
                at(120, "hm-1", spo2(88))),
            List.of("120 " + SPO2_LOW)),
        Arguments.of(
            "stale readings never raise",
            List.of(
                late(0, "hm-1", spo2(80), 16 * 60),
                late(60, "hm-1", spo2(80), 16 * 60),
                late(120, "hm-1", spo2(80), 16 * 60)),
            List.of()),
        Arguments.of(
            "readings a little late are not stale",
            List.of(
                late(0, "hm-1", spo2(80), 14 * 60),
                late(60, "hm-1", spo2(80), 14 * 60),
                late(120, "hm-1", spo2(80), 14 * 60)),
            List.of("120 " + SPO2_LOW)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("thresholds")
  void thresholds(String name, List<Script.Step> steps, List<String> expected) {
    Script script = script(new SimpleMeterRegistry());

    assertThat(script.run(steps)).containsExactlyElementsOf(expected);
  }

  @Test
  void raiseCarriesTheReadingsInDetailsAndNoValueInTheSummary() {
    Script script = script(new SimpleMeterRegistry());

    script.run(readings("hm-1", 60, 88, 87, 86.5f));

    Signal raise = script.signals().get(0);
    assertThat(raise.severity()).isEqualTo(Severity.HIGH);
    assertThat(raise.summary()).doesNotContainPattern("\\d");
    assertThat(raise.details())
        .containsEntry("spo2_percent", "86.5")
        .containsEntry("spo2Low_limit", "90")
        .containsEntry("spo2Low_run", "88,87,86.5");
  }

  @Test
  void flaggedReadingsAreCountedAndReportedInTheNextSignal() {
    MeterRegistry meters = new SimpleMeterRegistry();
    Script script = script(meters);
    List<Script.Step> steps = new ArrayList<>();
    steps.add(at(0, "hm-1", health(h -> h.setSpo2Percent(70).setQuality(Quality.POOR))));
    steps.add(at(10, "hm-1", health(h -> h.setSpo2Percent(70).setQuality(Quality.POOR))));
    steps.add(late(20, "hm-1", spo2(70), 3_600));
    steps.addAll(readings("hm-1", 60, 88, 88, 88, 95, 95, 95));

    script.run(steps);

    assertThat(script.signals().get(0).details()).containsEntry("flagged", "poor 2, stale 1");
    assertThat(script.signals().get(1).details()).doesNotContainKey("flagged");
    assertThat(meters.counter("shouwang.rules.vitals.flagged", "reason", "poor").count())
        .isEqualTo(2);
    assertThat(meters.counter("shouwang.rules.vitals.flagged", "reason", "stale").count())
        .isEqualTo(1);
  }

  /** SpO2 readings from one monitor, {@code step} seconds apart from second 0. */
  static List<Script.Step> readings(String device, long step, float... values) {
    List<Script.Step> steps = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      steps.add(at(i * step, device, spo2(values[i])));
    }
    return steps;
  }

  private static List<Script.Step> repeat(
      String device, Consumer<Envelope.Builder> payload, int times) {
    List<Script.Step> steps = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      steps.add(at(i * 60L, device, payload));
    }
    return steps;
  }

  private static Script script(MeterRegistry meters) {
    RuleSettings settings = RuleSettings.defaults();
    return new Script(
        clock ->
            new VitalsRule(
                Fixture.REGISTRY, settings.vitals(), settings.trend(), new Conditions(), meters));
  }
}

package io.shouwang.alerting.rules;

import static io.shouwang.alerting.rules.Payloads.battery;
import static io.shouwang.alerting.rules.Payloads.heartbeat;
import static io.shouwang.alerting.rules.Script.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BatteryRuleTest {

  private static final String LOW = "RAISE LOW_BATTERY emergency button battery low";
  private static final String FINE = "CLEARED LOW_BATTERY batteries fine";

  static Stream<Arguments> levels() {
    return Stream.of(
        Arguments.of("above the threshold: nothing", levels(40, 20, 15), List.of()),
        Arguments.of("below the threshold raises", levels(20, 14), List.of("1 " + LOW)),
        Arguments.of(
            "raised once while it stays low or wobbles below the clear level",
            levels(14, 13, 16, 14, 25, 12),
            List.of("0 " + LOW)),
        Arguments.of(
            "cleared only above the clear level",
            levels(14, 25, 26),
            List.of("0 " + LOW, "2 " + FINE)),
        Arguments.of(
            "low again after a new battery raises again",
            levels(14, 90, 14),
            List.of("0 " + LOW, "1 " + FINE, "2 " + LOW)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("levels")
  void batteryHysteresis(String name, List<Script.Step> steps, List<String> expected) {
    assertThat(script().run(steps)).containsExactlyElementsOf(expected);
  }

  @Test
  void mainsPoweredHeartbeatsAreIgnored() {
    assertThat(script().run(List.of(at(0, "hm-1", heartbeat())))).isEmpty();
  }

  @Test
  void householdIsFineOnlyWhenEveryDeviceIs() {
    Script script = script();

    List<String> lines =
        script.run(
            List.of(
                at(0, "btn-1", battery(10)),
                at(1, "smk-1", battery(10)),
                at(2, "btn-1", battery(100)),
                at(3, "smk-1", battery(100))));

    assertThat(lines)
        .containsExactly("0 " + LOW, "1 RAISE LOW_BATTERY smoke alarm battery low", "3 " + FINE);
    assertThat(script.signals().get(0).severity()).isEqualTo(Severity.NORMAL);
    assertThat(script.signals().get(0).details()).containsEntry("battery_percent", "10");
  }

  /** Heartbeats of btn-1 with these battery levels, one a second. */
  private static List<Script.Step> levels(int... percents) {
    List<Script.Step> steps = new ArrayList<>();
    for (int i = 0; i < percents.length; i++) {
      steps.add(at(i, "btn-1", battery(percents[i])));
    }
    return steps;
  }

  private static Script script() {
    return new Script(
        clock -> new BatteryRule(RuleSettings.defaults().battery(), new Conditions()));
  }
}

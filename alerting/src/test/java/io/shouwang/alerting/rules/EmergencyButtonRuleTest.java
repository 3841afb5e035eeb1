package io.shouwang.alerting.rules;

import static io.shouwang.alerting.rules.Payloads.cancel;
import static io.shouwang.alerting.rules.Payloads.press;
import static io.shouwang.alerting.rules.Script.at;
import static io.shouwang.alerting.rules.Script.late;
import static io.shouwang.alerting.rules.Script.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.Severity;
import io.shouwang.alerting.Signal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmergencyButtonRuleTest {

  private static final String RAISED = "RAISE EMERGENCY_BUTTON emergency button pressed";
  private static final String CANCELLED =
      "RESIDENT_CANCEL EMERGENCY_BUTTON press cancelled by the resident";

  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of(
            "a press raises at once", List.of(at(0, "btn-1", press())), List.of("0 " + RAISED)),
        Arguments.of(
            "a cancel within the grace window is the resident's cancel",
            List.of(at(0, "btn-1", press()), at(20, "btn-1", cancel())),
            List.of("0 " + RAISED, "20 " + CANCELLED)),
        Arguments.of(
            "a cancel at the end of the grace window still counts",
            List.of(at(0, "btn-1", press()), at(30, "btn-1", cancel())),
            List.of("0 " + RAISED, "30 " + CANCELLED)),
        Arguments.of(
            "a cancel after the grace window withdraws nothing",
            List.of(at(0, "btn-1", press()), at(31, "btn-1", cancel())),
            List.of("0 " + RAISED)),
        Arguments.of(
            "grace is measured on device time, not on arrival",
            List.of(at(0, "btn-1", press()), late(90, "btn-1", cancel(), 75)),
            List.of("0 " + RAISED, "90 " + CANCELLED)),
        Arguments.of(
            "a cancel without a press is ignored", List.of(at(0, "btn-1", cancel())), List.of()),
        Arguments.of(
            "one press is cancelled once",
            List.of(at(0, "btn-1", press()), at(5, "btn-1", cancel()), at(6, "btn-1", cancel())),
            List.of("0 " + RAISED, "5 " + CANCELLED)),
        Arguments.of(
            "every press raises: the incident stage attaches repeats and knows acceptance",
            List.of(at(0, "btn-1", press()), at(60, "btn-1", press()), at(400, "btn-1", press())),
            List.of("0 " + RAISED, "60 " + RAISED, "400 " + RAISED)),
        Arguments.of(
            "the grace window runs from the latest press",
            List.of(at(0, "btn-1", press()), at(100, "btn-1", press()), at(110, "btn-1", cancel())),
            List.of("0 " + RAISED, "100 " + RAISED, "110 " + CANCELLED)),
        Arguments.of(
            "another household's cancel cancels nothing here",
            List.of(at(0, "btn-1", press()), at(5, "btn-2", cancel())),
            List.of("0 " + RAISED)),
        Arguments.of(
            "ticks do not cancel a press still in its grace window",
            List.of(at(0, "btn-1", press()), tick(10), tick(20), at(25, "btn-1", cancel())),
            List.of("0 " + RAISED, "25 " + CANCELLED)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void pressAndCancel(String name, List<Script.Step> steps, List<String> expected) {
    Script script = new Script(clock -> new EmergencyButtonRule(RuleSettings.defaults().button()));

    assertThat(script.run(steps)).containsExactlyElementsOf(expected);
  }

  @Test
  void pressIsCriticalAndKeyedByItsMessage() {
    Script script = new Script(clock -> new EmergencyButtonRule(RuleSettings.defaults().button()));

    script.run(List.of(at(0, "btn-1", press())));

    Signal signal = script.signals().get(0);
    assertThat(signal.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(signal.householdId()).isEqualTo("hh-1");
    assertThat(signal.deviceId()).isEqualTo("btn-1");
    assertThat(signal.messageKey()).isEqualTo("btn-1/1/1");
    assertThat(signal.at()).isEqualTo(Fixture.T0);
  }

  @Test
  void cancelNamesThePressItCancels() {
    Script script = new Script(clock -> new EmergencyButtonRule(RuleSettings.defaults().button()));

    script.run(List.of(at(0, "btn-1", press()), at(12, "btn-1", cancel())));

    assertThat(script.signals().get(1).details())
        .containsEntry("cancelled_press", "btn-1/1/1")
        .containsEntry("seconds_after_press", "12");
  }

  @Test
  void graceWindowIsConfigurable() {
    Script script =
        new Script(
            clock -> new EmergencyButtonRule(new RuleSettings.Button(Duration.ofSeconds(10))));

    assertThat(script.run(List.of(at(0, "btn-1", press()), at(11, "btn-1", cancel()))))
        .containsExactly("0 " + RAISED);
  }
}

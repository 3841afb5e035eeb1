package io.shouwang.alerting.rules;

import static io.shouwang.alerting.rules.Payloads.door;
import static io.shouwang.alerting.rules.Payloads.service;
import static io.shouwang.alerting.rules.Payloads.smoke;
import static io.shouwang.alerting.rules.Script.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.Severity;
import io.shouwang.schemas.v1.DoorContact.State;
import io.shouwang.schemas.v1.SmokeAlarm.Event;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Service button, smoke alarm and door contact: rules without timers. */
class SimpleRulesTest {

  static Stream<Arguments> smokeScenarios() {
    String fire = "RAISE FIRE smoke alarm";
    String lost = "RAISE PROTECTION_LOST smoke alarm self-test failed";
    return Stream.of(
        Arguments.of(
            "alarm raises fire", List.of(at(0, "smk-1", smoke(Event.ALARM))), List.of("0 " + fire)),
        Arguments.of(
            "a repeated alarm raises again, for the incident stage to attach",
            List.of(at(0, "smk-1", smoke(Event.ALARM)), at(10, "smk-1", smoke(Event.ALARM))),
            List.of("0 " + fire, "10 " + fire)),
        Arguments.of(
            "clear after alarm clears",
            List.of(at(0, "smk-1", smoke(Event.ALARM)), at(60, "smk-1", smoke(Event.CLEAR))),
            List.of("0 " + fire, "60 CLEARED FIRE smoke cleared")),
        Arguments.of(
            "a clear without an alarm says nothing",
            List.of(at(0, "smk-1", smoke(Event.CLEAR))),
            List.of()),
        Arguments.of(
            "fire clears only when every smoke alarm of the home is clear",
            List.of(
                at(0, "smk-1", smoke(Event.ALARM)),
                at(5, "smk-1b", smoke(Event.ALARM)),
                at(60, "smk-1", smoke(Event.CLEAR)),
                at(90, "smk-1b", smoke(Event.CLEAR))),
            List.of("0 " + fire, "5 " + fire, "90 CLEARED FIRE smoke cleared")),
        Arguments.of(
            "hush silences the sounder but clears nothing",
            List.of(at(0, "smk-1", smoke(Event.ALARM)), at(20, "smk-1", smoke(Event.HUSH))),
            List.of("0 " + fire)),
        Arguments.of(
            "level reports are telemetry",
            List.of(at(0, "smk-1", smoke(Event.LEVEL_REPORT))),
            List.of()),
        Arguments.of(
            "a failed self-test leaves the home unprotected, once",
            List.of(
                at(0, "smk-1", smoke(Event.SELF_TEST_FAILED)),
                at(86_400, "smk-1", smoke(Event.SELF_TEST_FAILED))),
            List.of("0 " + lost)),
        Arguments.of(
            "a passed self-test after a failed one clears",
            List.of(
                at(0, "smk-1", smoke(Event.SELF_TEST_FAILED)),
                at(3_600, "smk-1", smoke(Event.SELF_TEST_PASSED))),
            List.of("0 " + lost, "3600 CLEARED PROTECTION_LOST smoke alarm self-test passed")),
        Arguments.of(
            "a passed self-test alone says nothing",
            List.of(at(0, "smk-1", smoke(Event.SELF_TEST_PASSED))),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smokeScenarios")
  void smokeAlarm(String name, List<Script.Step> steps, List<String> expected) {
    Script script = new Script(clock -> new SmokeRule(new Conditions()));

    assertThat(script.run(steps)).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> doorScenarios() {
    String breakIn = "RAISE BREAK_IN door forced open";
    String tamper = "RAISE TAMPER contact tampered";
    return Stream.of(
        Arguments.of(
            "an ordinary opening is no alarm",
            List.of(at(0, "door-1", door(State.OPEN, false, false))),
            List.of()),
        Arguments.of(
            "a forced opening is a break-in, every time",
            List.of(
                at(0, "door-1", door(State.OPEN, true, false)),
                at(30, "door-1", door(State.OPEN, true, false))),
            List.of("0 " + breakIn, "30 " + breakIn)),
        Arguments.of(
            "tamper raises when it starts, not on every message while it lasts",
            List.of(
                at(0, "door-1", door(State.CLOSED, false, true)),
                at(60, "door-1", door(State.CLOSED, false, true))),
            List.of("0 " + tamper)),
        Arguments.of(
            "tamper ending clears",
            List.of(
                at(0, "door-1", door(State.CLOSED, false, true)),
                at(60, "door-1", door(State.CLOSED, false, false))),
            List.of("0 " + tamper, "60 CLEARED TAMPER tamper ended")),
        Arguments.of(
            "forced and tampered at once raises both",
            List.of(at(0, "door-5", door(State.OPEN, true, true))),
            List.of("0 " + breakIn, "0 " + tamper)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doorScenarios")
  void doorContact(String name, List<Script.Step> steps, List<String> expected) {
    Script script = new Script(clock -> new DoorRule(new Conditions()));

    assertThat(script.run(steps)).containsExactlyElementsOf(expected);
  }

  @Test
  void breakInIsHigh() {
    Script script = new Script(clock -> new DoorRule(new Conditions()));

    script.run(List.of(at(0, "door-1", door(State.OPEN, true, false))));

    assertThat(script.signals().get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(script.signals().get(0).details()).containsEntry("door_state", "OPEN");
  }

  @Test
  void serviceButtonRaisesAServiceRequestWithItsCode() {
    Script script = new Script(clock -> new ServiceButtonRule());

    assertThat(script.run(List.of(at(0, "svc-1", service("PLUMBING")))))
        .containsExactly("0 RAISE SERVICE_REQUEST service requested");
    assertThat(script.signals().get(0).severity()).isEqualTo(Severity.INFO);
    assertThat(script.signals().get(0).details()).isEqualTo(Map.of("service_code", "PLUMBING"));
  }

  @Test
  void fireIsCritical() {
    Script script = new Script(clock -> new SmokeRule(new Conditions()));

    script.run(List.of(at(0, "smk-1", smoke(Event.ALARM))));

    assertThat(script.signals().get(0).severity()).isEqualTo(Severity.CRITICAL);
  }
}

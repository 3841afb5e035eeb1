package io.shouwang.alerting.rules;

import static io.shouwang.alerting.rules.Payloads.door;
import static io.shouwang.alerting.rules.Payloads.motion;
import static io.shouwang.alerting.rules.Script.at;
import static io.shouwang.alerting.rules.Script.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.Severity;
import io.shouwang.alerting.Signal;
import io.shouwang.schemas.v1.DoorContact.State;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Second 0 is 10:00 in Shanghai; the rule starts then, so every home has been "quiet since 10:00".
 * Defaults: 07:00-22:00 → 3h, 22:00-07:00 → 10h. hh-4's resident has her own 22:00-09:00 → 12h and
 * 13:00-15:00 → 1h (after lunch she is usually up and about).
 */
class InactivityRuleTest {

  private static final long H = 3_600;
  private static final String RAISED = "RAISE INACTIVITY no movement at home";
  private static final String CLEARED = "CLEARED INACTIVITY movement at home";

  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of(
            "three quiet hours by day raise",
            "hh-1",
            List.of(tick(3 * H), tick(3 * H + 1)),
            List.of("10801 " + RAISED)),
        Arguments.of(
            "motion restarts the quiet time",
            "hh-1",
            List.of(at(H, "pir-1", motion(2)), tick(4 * H), tick(4 * H + 1)),
            List.of("14401 " + RAISED)),
        Arguments.of(
            "a motion report counting nothing is no movement",
            "hh-1",
            List.of(at(H, "pir-1", motion(0)), tick(3 * H + 1)),
            List.of("10801 " + RAISED)),
        Arguments.of(
            "a door opening is movement",
            "hh-1",
            List.of(
                at(H, "door-1", door(State.OPEN, false, false)), tick(3 * H + 1), tick(4 * H + 1)),
            List.of("14401 " + RAISED)),
        Arguments.of(
            "a door closing is not",
            "hh-1",
            List.of(at(H, "door-1", door(State.CLOSED, false, false)), tick(3 * H + 1)),
            List.of("10801 " + RAISED)),
        Arguments.of(
            "raised once per silence, cleared by movement",
            "hh-1",
            List.of(tick(3 * H + 1), tick(5 * H), at(5 * H + 10, "pir-1", motion(1)), tick(6 * H)),
            List.of("10801 " + RAISED, "18010 " + CLEARED)),
        Arguments.of(
            "quiet from 20:00: the day window lasts until 22:00, then ten hours from 20:00",
            "hh-1",
            List.of(
                at(10 * H, "pir-1", motion(1)), tick(12 * H - 1), tick(20 * H), tick(20 * H + 1)),
            List.of("72001 " + RAISED)),
        Arguments.of(
            "asleep from 23:00: fine through the night, checked on when the day window starts",
            "hh-1",
            List.of(at(13 * H, "pir-1", motion(1)), tick(21 * H - 60), tick(21 * H)),
            List.of("75600 " + RAISED)),
        Arguments.of(
            "her own night window lets her sleep until 09:00",
            "hh-4",
            List.of(at(13 * H, "pir-4", motion(1)), tick(21 * H), tick(23 * H - 60), tick(23 * H)),
            List.of("82800 " + RAISED)),
        Arguments.of(
            "her own afternoon window: an hour without moving after 13:00 raises",
            "hh-4",
            List.of(at(3 * H, "pir-4", motion(1)), tick(4 * H), tick(4 * H + 1)),
            List.of("14401 " + RAISED)),
        Arguments.of(
            "the same afternoon is fine for a resident on the defaults",
            "hh-1",
            List.of(at(3 * H, "pir-1", motion(1)), tick(4 * H + 1), tick(6 * H)),
            List.of()),
        Arguments.of(
            "a home without a motion sensor is not watched",
            "hh-5",
            List.of(tick(30 * H)),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void inactivity(String name, String household, List<Script.Step> steps, List<String> expected) {
    Script script =
        new Script(
            clock ->
                new FilteredRule(
                    new InactivityRule(
                        Fixture.REGISTRY, RuleSettings.defaults().inactivity(), clock.instant()),
                    s -> s.householdId().equals(household)));

    assertThat(script.run(steps)).containsExactlyElementsOf(expected);
  }

  @Test
  void signalIsHouseholdLevelWithAStableTimerKey() {
    Script script =
        new Script(
            clock ->
                new InactivityRule(
                    Fixture.REGISTRY, RuleSettings.defaults().inactivity(), clock.instant()));

    script.run(List.of(tick(3 * H + 1)));

    Signal signal =
        script.signals().stream()
            .filter(s -> s.householdId().equals("hh-1"))
            .findFirst()
            .orElseThrow();
    assertThat(signal.deviceId()).isEmpty();
    assertThat(signal.severity()).isEqualTo(Severity.HIGH);
    assertThat(signal.messageKey()).isEqualTo("inactivity:hh-1:" + Fixture.T0.getEpochSecond());
    assertThat(signal.details())
        .containsEntry("quiet_window", "07:00-22:00")
        .containsEntry("max_quiet", "3h")
        .containsEntry("quiet_since", Fixture.T0.toString());
  }

  @Test
  void timeZoneIsConfigurable() {
    // 02:00 in UTC: the night window, ten hours.
    RuleSettings.Inactivity utc =
        new RuleSettings.Inactivity(
            ZoneOffset.UTC, RuleSettings.defaults().inactivity().quietWindows());
    Script script =
        new Script(
            clock ->
                new FilteredRule(
                    new InactivityRule(Fixture.REGISTRY, utc, clock.instant()),
                    s -> s.householdId().equals("hh-1")));

    assertThat(script.run(List.of(tick(3 * H + 1), tick(5 * H - 1), tick(5 * H))))
        .containsExactly("18000 " + RAISED);
  }
}

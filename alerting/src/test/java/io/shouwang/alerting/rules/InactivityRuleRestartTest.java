package io.shouwang.alerting.rules;

import static io.shouwang.alerting.rules.Payloads.motion;
import static io.shouwang.alerting.rules.Script.at;
import static io.shouwang.alerting.rules.Script.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.Incident;
import io.shouwang.alerting.IncidentState;
import io.shouwang.alerting.Severity;
import io.shouwang.alerting.TimelineEntry;
import io.shouwang.alerting.incident.Actions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inactivity rule of a new process picking up each household's saved last movement. Second 0
 * is 10:00 in Shanghai (day window: 3 h); the startup grace is the default 30 min.
 */
class InactivityRuleRestartTest {

  private static final long H = 3_600;
  private static final long GRACE = 1_800;
  private static final String RAISED = "RAISE INACTIVITY no movement at home";
  private static final String CLEARED = "CLEARED INACTIVITY movement at home";

  static Stream<Arguments> restarts() {
    return Stream.of(
        Arguments.of(
            "saved movement: raised when its window ends, not a whole window after the restart",
            saved(600), List.of(), H,
            List.of(tick(3 * H + 600), tick(3 * H + 601)),
            List.of((3 * H + 601) + " " + RAISED)),
        Arguments.of(
            "window ran out during the downtime: raised when the startup grace ends",
            saved(60), List.of(), 3 * H + 600,
            List.of(tick(3 * H + 600 + GRACE - 1), tick(3 * H + 600 + GRACE)),
            List.of((3 * H + 600 + GRACE) + " " + RAISED)),
        Arguments.of(
            "movement right after the restart: nothing, the lost movement was only late",
            saved(60), List.of(), 3 * H + 600,
            List.of(at(3 * H + 900, "pir-1", motion(3)), tick(3 * H + 600 + GRACE), tick(6 * H)),
            List.of()),
        Arguments.of(
            "nothing saved: counted from the restart",
            Map.of(), List.of(), H,
            List.of(tick(4 * H), tick(4 * H + 1)),
            List.of((4 * H + 1) + " " + RAISED)),
        Arguments.of(
            "a saved time after the restart (clock set back): counted from the restart",
            saved(5 * H), List.of(), H,
            List.of(tick(4 * H), tick(4 * H + 1)),
            List.of((4 * H + 1) + " " + RAISED)),
        Arguments.of(
            "an unreadable saved time: counted from the restart",
            Map.of("hh-1", "ten o'clock"), List.of(), H,
            List.of(tick(4 * H), tick(4 * H + 1)),
            List.of((4 * H + 1) + " " + RAISED)),
        Arguments.of(
            "open incident, still quiet: not raised again; the next movement clears it",
            saved(0), List.of(inactivity(entry(3 * H + 1, Actions.RAISED))), 4 * H,
            List.of(tick(5 * H), at(5 * H + 10, "pir-1", motion(1)), tick(8 * H + 11)),
            List.of((5 * H + 10) + " " + CLEARED, (8 * H + 11) + " " + RAISED)),
        Arguments.of(
            "open incident cleared before the restart: quiet counts from the clearing",
            saved(0),
            List.of(inactivity(entry(3 * H + 1, Actions.RAISED), entry(3 * H + 100, "cleared"))),
            3 * H + 200,
            List.of(tick(6 * H + 100), tick(6 * H + 101)),
            List.of((6 * H + 101) + " " + RAISED)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("restarts")
  void householdQuietIsPickedUpAfterARestart(
      String name,
      Map<String, String> saved,
      List<Incident> open,
      long restartSecond,
      List<Script.Step> steps,
      List<String> expected) {
    // GIVEN a new process's inactivity rule, watching hh-1 only
    Script script = script();

    // WHEN it resumes with hh-1's saved last movement and open incidents, and time goes on
    script.restart(restart(restartSecond, open, saved));
    List<String> lines = script.run(steps);

    // THEN it raises and clears what the table says
    assertThat(lines).containsExactlyElementsOf(expected);
  }

  @Test
  void aRaiseAfterTheRestartHasTheTimerKeyTheSilenceHadBefore() {
    Script script = script();

    script.restart(restart(H, List.of(), saved(600)));
    script.run(List.of(tick(3 * H + 601)));

    assertThat(script.signals()).singleElement()
        .satisfies(s -> assertThat(s.messageKey())
            .isEqualTo("inactivity:hh-1:" + Fixture.T0.plusSeconds(600).getEpochSecond()));
  }

  @Test
  void movementIsSavedOnceWithItsLatestTime() {
    // GIVEN a rule that saw movement three times in hh-1
    Script script = script();
    script.restart(restart(0, List.of(), Map.of()));
    script.run(List.of(
        at(10, "pir-1", motion(1)), at(20, "pir-1", motion(0)), at(30, "pir-1", motion(2))));

    // WHEN the engine's save collects the changes, twice
    Map<String, String> first = script.takeSavedState();
    Map<String, String> second = script.takeSavedState();

    // THEN the first has hh-1's latest movement (receive time, epoch millis), the second nothing
    assertThat(first).isEqualTo(
        Map.of("hh-1", Long.toString(Fixture.T0.plusSeconds(30).toEpochMilli())));
    assertThat(second).isEmpty();
  }

  @Test
  void savedEntriesThatCannotBeUsedAreRemoved() {
    // GIVEN saved entries for an unreadable time and a household with no motion sensor any more
    Script script = script();

    // WHEN the rule resumes
    script.restart(restart(H, List.of(), Map.of("hh-1", "soon", "hh-5", "1")));

    // THEN the next save removes both
    assertThat(script.takeSavedState()).isEqualTo(Map.of("hh-1", "-", "hh-5", "-"));
  }

  private static Script script() {
    return new Script(
        clock ->
            new FilteredRule(
                new InactivityRule(
                    Fixture.REGISTRY, RuleSettings.defaults().inactivity(), clock.instant()),
                s -> s.householdId().equals("hh-1")));
  }

  private static Restart restart(long second, List<Incident> open, Map<String, String> saved) {
    return new Restart(
        Fixture.T0.plusSeconds(second), open, Map.of(), Map.of(InactivityRule.STATE, saved));
  }

  /** hh-1's last movement at a second, as saved. */
  private static Map<String, String> saved(long second) {
    return Map.of("hh-1", Long.toString(Fixture.T0.plusSeconds(second).toEpochMilli()));
  }

  private static Incident inactivity(TimelineEntry... timeline) {
    Instant opened = timeline[0].at();
    return new Incident("inc-quiet", "hh-1", Cause.INACTIVITY, Severity.HIGH,
        IncidentState.PAGED, "standard", opened, opened, null, null, null, 1, 0, 0, null, "",
        "no movement at home", Map.of(), List.of(timeline), List.of());
  }

  private static TimelineEntry entry(long second, String action) {
    return new TimelineEntry(Fixture.T0.plusSeconds(second), Actions.SYSTEM, action,
        action.equals(Actions.RAISED) ? "no movement at home" : "movement at home",
        "inactivity:hh-1:" + second);
  }
}

package io.shouwang.alerting.rules;

import static io.shouwang.alerting.rules.Payloads.gas;
import static io.shouwang.alerting.rules.Payloads.valve;
import static io.shouwang.alerting.rules.Script.at;
import static io.shouwang.alerting.rules.Script.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.Incident;
import io.shouwang.alerting.IncidentState;
import io.shouwang.alerting.Severity;
import io.shouwang.alerting.Signal;
import io.shouwang.alerting.TimelineEntry;
import io.shouwang.alerting.incident.Actions;
import io.shouwang.schemas.v1.GasValve.State;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The gas rule of a new process picking up the open gas incidents of the one before. */
class GasRuleRestartTest {

  /** The restart, in seconds after the script's start. */
  private static final long R = 100;

  private static final TimelineEntry CLOSING =
      entry(Actions.RAISED, "gas alarm: closing the valve", "gas-1/1/1");
  private static final TimelineEntry CLOSED =
      entry(Actions.CLEARED, "valve closed", "gas-1/1/3");
  private static final TimelineEntry ESCALATED =
      entry(Actions.ESCALATED, "valve failed to close", null);
  private static final Map<String, String> READING = Map.of("lel_percent", "12");

  static Stream<Arguments> restarts() {
    return Stream.of(
        Arguments.of(
            "closure awaiting confirmation: CLOSE again, escalate when the new wait ends",
            gasIncident("hh-1", READING, CLOSING),
            List.of(tick(R + 19), tick(R + 20)),
            List.of(
                R + " CLOSE vlv-1 cmd-1",
                (R + 20) + " ESCALATE GAS_LEAK valve failed to close",
                (R + 20) + " CLOSE vlv-1 cmd-2")),
        Arguments.of(
            "confirmed after the restart by the valve and falling gas: cleared, no escalation",
            gasIncident("hh-1", READING, CLOSING),
            List.of(
                at(R + 3, "vlv-1", valve(State.CLOSED, "cmd-1")),
                at(R + 5, "gas-1", gas(true, 9)),
                tick(R + 20),
                tick(R + 60)),
            List.of(R + " CLOSE vlv-1 cmd-1", (R + 5) + " CLEARED GAS_LEAK valve closed")),
        Arguments.of(
            "escalated before the restart: CLOSE and retries again, but no second escalation",
            gasIncident(
                "hh-1",
                READING,
                CLOSING,
                entry(Actions.ATTACHED, "valve failed to close", "gas:gas-1/1/1:attempt-1"),
                ESCALATED),
            List.of(tick(R + 20), tick(R + 40), tick(R + 60), tick(R + 80)),
            List.of(
                R + " CLOSE vlv-1 cmd-1",
                (R + 20) + " CLOSE vlv-1 cmd-2",
                (R + 40) + " CLOSE vlv-1 cmd-3")),
        Arguments.of(
            "confirmed before the restart: nothing sent; the kitchen airing out says nothing",
            gasIncident("hh-1", READING, CLOSING, CLOSED),
            List.of(at(R + 5, "gas-1", gas(true, 11)), tick(R + 30)),
            List.of()),
        Arguments.of(
            "confirmed before the restart: gas rising above the alarm reading starts over",
            gasIncident("hh-1", READING, CLOSING, CLOSED),
            List.of(at(R + 5, "gas-1", gas(true, 13))),
            List.of(
                (R + 5) + " RAISE GAS_LEAK gas alarm: closing the valve",
                (R + 5) + " CLOSE vlv-1 cmd-1")),
        Arguments.of(
            "a closure started after a confirmed one is re-armed",
            gasIncident(
                "hh-1",
                READING,
                CLOSING,
                CLOSED,
                entry(Actions.ATTACHED, "gas alarm: closing the valve", "gas-1/1/9")),
            List.of(tick(R + 20)),
            List.of(
                R + " CLOSE vlv-1 cmd-1",
                (R + 20) + " ESCALATE GAS_LEAK valve failed to close",
                (R + 20) + " CLOSE vlv-1 cmd-2")),
        Arguments.of(
            "alarm reading unknown (a valve fault came last): the first reading stands in",
            gasIncident(
                "hh-1",
                Map.of("valve", "vlv-1", "fault", "JAMMED"),
                CLOSING,
                entry(Actions.ATTACHED, "valve fault: gas may still be flowing", "vlv-1/1/2"),
                ESCALATED),
            List.of(
                at(R + 2, "vlv-1", valve(State.CLOSED, "cmd-1")),
                at(R + 4, "gas-1", gas(true, 10)),
                at(R + 8, "gas-1", gas(true, 8))),
            List.of(
                R + " CLOSE vlv-1 cmd-1",
                (R + 4) + " RAISE GAS_LEAK gas alarm",
                (R + 8) + " CLEARED GAS_LEAK valve closed")),
        Arguments.of(
            "raised by an escalation (unclear history): CLOSE again, never escalate again",
            gasIncident(
                "hh-1", READING, entry(Actions.RAISED, "valve failed to close", "gas:k:attempt-1")),
            List.of(tick(R + 20)),
            List.of(R + " CLOSE vlv-1 cmd-1", (R + 20) + " CLOSE vlv-1 cmd-2")),
        Arguments.of(
            "two valves: each gets CLOSE again",
            gasIncident("hh-3", READING, CLOSING),
            List.of(),
            List.of(R + " CLOSE vlv-3a cmd-1", R + " CLOSE vlv-3b cmd-2")),
        Arguments.of(
            "a household without a valve: nothing to send; normal gas still clears",
            gasIncident("hh-2", READING, entry(Actions.RAISED, "gas alarm", "gas-2/1/1")),
            List.of(at(R + 5, "gas-2", gas(false, 1))),
            List.of((R + 5) + " CLEARED GAS_LEAK gas back to normal")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("restarts")
  void openGasIncidentIsPickedUpAfterARestart(
      String name, Incident open, List<Script.Step> steps, List<String> expected) {
    // GIVEN a new process's gas rule
    Script script = script();

    // WHEN it resumes with the open incident and the devices go on
    List<String> lines = script.restart(R, List.of(open), Map.of());
    lines.addAll(script.run(steps));

    // THEN it sends and concludes what the table says
    assertThat(lines).containsExactlyElementsOf(expected);
  }

  @Test
  void incidentsOfOtherCausesAreNotTouched() {
    Incident fire =
        new Incident("inc-fire", "hh-1", Cause.FIRE, Severity.CRITICAL, IncidentState.PAGED,
            "fire_gas", Fixture.T0, Fixture.T0, null, null, null, 1, 0, 0, null, "smk-1",
            "smoke alarm", Map.of(), List.of(entry(Actions.RAISED, "smoke alarm", "smk-1/1/1")),
            List.of());

    assertThat(script().restart(R, List.of(fire), Map.of())).isEmpty();
  }

  @Test
  void escalationAfterTheRestartKeepsTheTimerKeyOfTheClosureItResumes() {
    Script script = script();

    script.restart(R, List.of(gasIncident("hh-1", READING, CLOSING)), Map.of());
    script.run(List.of(tick(R + 20)));

    Signal escalate = script.signals().get(0);
    assertThat(escalate.messageKey()).isEqualTo("gas:gas-1/1/1:attempt-1");
    assertThat(escalate.kind()).isEqualTo(Signal.Kind.ESCALATE);
  }

  private static Script script() {
    AtomicInteger ids = new AtomicInteger();
    return new Script(
        clock ->
            new GasRule(
                Fixture.REGISTRY,
                RuleSettings.defaults().gas(),
                clock,
                () -> "cmd-" + ids.incrementAndGet()));
  }

  private static Incident gasIncident(
      String household, Map<String, String> details, TimelineEntry... timeline) {
    return new Incident("inc-gas", household, Cause.GAS_LEAK, Severity.CRITICAL,
        IncidentState.PAGED, "fire_gas", Fixture.T0, Fixture.T0, null, null, null, 1, 0, 0,
        Fixture.T0.plusSeconds(60), "gas-1", "gas alarm: closing the valve", details,
        List.of(timeline), List.of());
  }

  private static TimelineEntry entry(String action, String detail, String messageKey) {
    return new TimelineEntry(Fixture.T0, "device:gas-1", action, detail, messageKey);
  }
}

package io.shouwang.alerting.rules;

import static io.shouwang.alerting.rules.Payloads.gas;
import static io.shouwang.alerting.rules.Payloads.result;
import static io.shouwang.alerting.rules.Payloads.valve;
import static io.shouwang.alerting.rules.Payloads.valveFault;
import static io.shouwang.alerting.rules.Script.at;
import static io.shouwang.alerting.rules.Script.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.DeviceCommand;
import io.shouwang.alerting.Severity;
import io.shouwang.alerting.Signal;
import io.shouwang.schemas.v1.CommandResult.Status;
import io.shouwang.schemas.v1.GasValve.State;
import io.shouwang.schemas.v1.ValveCommand;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GasRuleTest {

  private static final String CLOSING = "RAISE GAS_LEAK gas alarm: closing the valve";
  private static final String ATTACHED = "RAISE GAS_LEAK gas alarm";
  private static final String CLOSED = "CLEARED GAS_LEAK valve closed";
  private static final String FAILED_TO_CLOSE = "ESCALATE GAS_LEAK valve failed to close";

  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of(
            "an alarm raises and closes the household's valve",
            List.of(at(0, "gas-1", gas(true, 12))),
            List.of("0 " + CLOSING, "0 CLOSE vlv-1 cmd-1")),
        Arguments.of(
            "valve CLOSED with our command and falling gas within the window: cleared",
            List.of(
                at(0, "gas-1", gas(true, 12)),
                at(3, "vlv-1", valve(State.CLOSED, "cmd-1")),
                at(8, "gas-1", gas(true, 9)),
                tick(20),
                tick(40)),
            List.of("0 " + CLOSING, "0 CLOSE vlv-1 cmd-1", "8 " + CLOSED)),
        Arguments.of(
            "falling gas first, then the valve report: cleared on the report",
            List.of(
                at(0, "gas-1", gas(true, 12)),
                at(5, "gas-1", gas(true, 10)),
                at(6, "vlv-1", valve(State.CLOSED, "cmd-1"))),
            List.of("0 " + CLOSING, "0 CLOSE vlv-1 cmd-1", "6 " + CLOSED)),
        Arguments.of(
            "the simulator's obedient valve: accepted, moving, closed, done, gas airs out",
            List.of(
                at(0, "gas-1", gas(true, 12)),
                at(1, "vlv-1", result("cmd-1", Status.ACCEPTED)),
                at(1, "vlv-1", valve(State.MOVING, "cmd-1")),
                at(4, "vlv-1", valve(State.CLOSED, "cmd-1")),
                at(4, "vlv-1", result("cmd-1", Status.DONE)),
                at(6, "gas-1", gas(true, 9)),
                at(8, "gas-1", gas(true, 5.5f)),
                at(10, "gas-1", gas(false, 3)),
                at(12, "gas-1", gas(false, 0.8f)),
                tick(30)),
            List.of("0 " + CLOSING, "0 CLOSE vlv-1 cmd-1", "6 " + CLOSED)),
        Arguments.of(
            "a valve that stays silent: CLOSE again and escalate, retry until the retries are used",
            List.of(
                at(0, "gas-1", gas(true, 12)), tick(19), tick(20), tick(40), tick(60), tick(80)),
            List.of(
                "0 " + CLOSING,
                "0 CLOSE vlv-1 cmd-1",
                "20 " + FAILED_TO_CLOSE,
                "20 CLOSE vlv-1 cmd-2",
                "40 CLOSE vlv-1 cmd-3")),
        Arguments.of(
            "the simulator's stuck valve: gas keeps rising, each reading attaches",
            List.of(
                at(0, "gas-1", gas(true, 12)),
                at(5, "gas-1", gas(true, 14)),
                at(10, "gas-1", gas(true, 16.5f)),
                tick(20)),
            List.of(
                "0 " + CLOSING,
                "0 CLOSE vlv-1 cmd-1",
                "5 " + ATTACHED,
                "10 " + ATTACHED,
                "20 " + FAILED_TO_CLOSE,
                "20 CLOSE vlv-1 cmd-2")),
        Arguments.of(
            "a closure confirmed after the escalation still clears",
            List.of(
                at(0, "gas-1", gas(true, 12)),
                tick(20),
                at(25, "vlv-1", valve(State.CLOSED, "cmd-2")),
                at(27, "gas-1", gas(true, 8))),
            List.of(
                "0 " + CLOSING,
                "0 CLOSE vlv-1 cmd-1",
                "20 " + FAILED_TO_CLOSE,
                "20 CLOSE vlv-1 cmd-2",
                "27 " + CLOSED)),
        Arguments.of(
            "valve closed but the gas does not fall: escalate without resending",
            List.of(
                at(0, "gas-1", gas(true, 12)),
                at(3, "vlv-1", valve(State.CLOSED, "cmd-1")),
                at(10, "gas-1", gas(true, 12.5f)),
                tick(20),
                tick(40),
                at(45, "gas-1", gas(true, 7))),
            List.of(
                "0 " + CLOSING,
                "0 CLOSE vlv-1 cmd-1",
                "10 " + ATTACHED,
                "20 ESCALATE GAS_LEAK valve closed but gas not falling",
                "45 " + CLOSED)),
        Arguments.of(
            "a valve FAULT escalates at once, and only once",
            List.of(at(0, "gas-1", gas(true, 12)), at(2, "vlv-1", valveFault("JAMMED")), tick(20)),
            List.of(
                "0 " + CLOSING,
                "0 CLOSE vlv-1 cmd-1",
                "2 ESCALATE GAS_LEAK valve fault: gas may still be flowing",
                "20 CLOSE vlv-1 cmd-2")),
        Arguments.of(
            "a FAILED result for our command escalates at once",
            List.of(at(0, "gas-1", gas(true, 12)), at(3, "vlv-1", result("cmd-1", Status.FAILED))),
            List.of(
                "0 " + CLOSING,
                "0 CLOSE vlv-1 cmd-1",
                "3 ESCALATE GAS_LEAK valve failed to close: command failed")),
        Arguments.of(
            "a REJECTED result for our command escalates at once",
            List.of(
                at(0, "gas-1", gas(true, 12)), at(1, "vlv-1", result("cmd-1", Status.REJECTED))),
            List.of(
                "0 " + CLOSING,
                "0 CLOSE vlv-1 cmd-1",
                "1 ESCALATE GAS_LEAK valve failed to close: command rejected")),
        Arguments.of(
            "a result for another command is not ours",
            List.of(at(0, "gas-1", gas(true, 12)), at(1, "vlv-1", result("other", Status.FAILED))),
            List.of("0 " + CLOSING, "0 CLOSE vlv-1 cmd-1")),
        Arguments.of(
            "a valve that reopens is not closed",
            List.of(
                at(0, "gas-1", gas(true, 12)),
                at(3, "vlv-1", valve(State.CLOSED, "cmd-1")),
                at(4, "vlv-1", valve(State.OPEN, "")),
                at(6, "gas-1", gas(true, 9)),
                tick(20)),
            List.of(
                "0 " + CLOSING,
                "0 CLOSE vlv-1 cmd-1",
                "20 " + FAILED_TO_CLOSE,
                "20 CLOSE vlv-1 cmd-2")),
        Arguments.of(
            "closed by hand (no command id) is closed too",
            List.of(
                at(0, "gas-1", gas(true, 12)),
                at(2, "vlv-1", valve(State.CLOSED, "")),
                at(5, "gas-1", gas(false, 4))),
            List.of("0 " + CLOSING, "0 CLOSE vlv-1 cmd-1", "5 " + CLOSED)),
        Arguments.of(
            "two valves: both must close; only the open one is retried",
            List.of(
                at(0, "gas-3", gas(true, 20)),
                at(3, "vlv-3a", valve(State.CLOSED, "cmd-1")),
                at(6, "gas-3", gas(true, 15)),
                tick(20),
                at(24, "vlv-3b", valve(State.CLOSED, "cmd-3"))),
            List.of(
                "0 " + CLOSING,
                "0 CLOSE vlv-3a cmd-1",
                "0 CLOSE vlv-3b cmd-2",
                "20 " + FAILED_TO_CLOSE,
                "20 CLOSE vlv-3b cmd-3",
                "24 " + CLOSED)),
        Arguments.of(
            "after a confirmed closure, normal ends the episode and a new alarm closes again",
            List.of(
                at(0, "gas-1", gas(true, 12)),
                at(3, "vlv-1", valve(State.CLOSED, "cmd-1")),
                at(6, "gas-1", gas(true, 9)),
                at(30, "gas-1", gas(false, 2)),
                at(3_600, "gas-1", gas(true, 11))),
            List.of(
                "0 " + CLOSING,
                "0 CLOSE vlv-1 cmd-1",
                "6 " + CLOSED,
                "3600 " + CLOSING,
                "3600 CLOSE vlv-1 cmd-2")),
        Arguments.of(
            "gas rising above the alarm reading after a closure starts over",
            List.of(
                at(0, "gas-1", gas(true, 12)),
                at(3, "vlv-1", valve(State.CLOSED, "cmd-1")),
                at(6, "gas-1", gas(true, 9)),
                at(30, "gas-1", gas(true, 15))),
            List.of(
                "0 " + CLOSING,
                "0 CLOSE vlv-1 cmd-1",
                "6 " + CLOSED,
                "30 " + CLOSING,
                "30 CLOSE vlv-1 cmd-2")),
        Arguments.of(
            "after the retries, alarms only attach; normal gas is recorded; the next alarm closes",
            List.of(
                at(0, "gas-1", gas(true, 12)),
                tick(20),
                tick(40),
                tick(60),
                at(70, "gas-1", gas(true, 13)),
                at(600, "gas-1", gas(false, 2)),
                at(700, "gas-1", gas(true, 12))),
            List.of(
                "0 " + CLOSING,
                "0 CLOSE vlv-1 cmd-1",
                "20 " + FAILED_TO_CLOSE,
                "20 CLOSE vlv-1 cmd-2",
                "40 CLOSE vlv-1 cmd-3",
                "70 " + ATTACHED,
                "600 CLEARED GAS_LEAK gas back to normal, valve not confirmed closed",
                "700 " + CLOSING,
                "700 CLOSE vlv-1 cmd-4")),
        Arguments.of(
            "a household without a valve: raise only, clear when the gas is normal",
            List.of(at(0, "gas-2", gas(true, 12)), tick(60), at(90, "gas-2", gas(false, 1))),
            List.of("0 " + ATTACHED, "90 CLEARED GAS_LEAK gas back to normal")),
        Arguments.of(
            "normal readings without an alarm say nothing",
            List.of(at(0, "gas-1", gas(false, 1)), at(0, "gas-2", gas(false, 1))),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void gasFlow(String name, List<Script.Step> steps, List<String> expected) {
    Script script = script(RuleSettings.defaults().gas());

    assertThat(script.run(steps)).containsExactlyElementsOf(expected);
  }

  @Test
  void closeCommandTargetsTheValveAndExpires() {
    Script script = script(RuleSettings.defaults().gas());

    script.run(List.of(at(0, "gas-1", gas(true, 12))));

    DeviceCommand command = script.commands().get(0);
    assertThat(command.deviceId()).isEqualTo("vlv-1");
    assertThat(command.command().getDeviceId()).isEqualTo("vlv-1");
    assertThat(command.command().getCommandId()).isEqualTo("cmd-1");
    assertThat(command.command().getValve().getAction()).isEqualTo(ValveCommand.Action.CLOSE);
    assertThat(command.command().getIssuedAt().getSeconds()).isEqualTo(Fixture.T0.getEpochSecond());
    assertThat(command.command().getExpiresAt().getSeconds())
        .isEqualTo(Fixture.T0.plusSeconds(60).getEpochSecond());
  }

  @Test
  void alarmIsCriticalWithTheReadingAndTheValves() {
    Script script = script(RuleSettings.defaults().gas());

    script.run(List.of(at(0, "gas-3", gas(true, 12.5f))));

    Signal raise = script.signals().get(0);
    assertThat(raise.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(raise.details())
        .containsEntry("lel_percent", "12.5")
        .containsEntry("valves", "vlv-3a,vlv-3b");
  }

  @Test
  void householdWithoutValveSaysSoInTheDetails() {
    Script script = script(RuleSettings.defaults().gas());

    script.run(List.of(at(0, "gas-2", gas(true, 12))));

    assertThat(script.commands()).isEmpty();
    assertThat(script.signals().get(0).details())
        .containsEntry("valve", "none registered: nothing closes the gas");
  }

  @Test
  void clearedSaysWhetherOurCommandClosedIt() {
    Script byCommand = script(RuleSettings.defaults().gas());
    Script byHand = script(RuleSettings.defaults().gas());

    byCommand.run(
        List.of(
            at(0, "gas-1", gas(true, 12)),
            at(3, "vlv-1", valve(State.CLOSED, "cmd-1")),
            at(5, "gas-1", gas(true, 9))));
    byHand.run(
        List.of(
            at(0, "gas-1", gas(true, 12)),
            at(3, "vlv-1", valve(State.CLOSED, "")),
            at(5, "gas-1", gas(true, 9))));

    assertThat(byCommand.signals().get(1).details()).containsEntry("closed_by_command", "true");
    assertThat(byHand.signals().get(1).details()).containsEntry("closed_by_command", "false");
  }

  @Test
  void escalationFromTheDeadlineHasAStableTimerKey() {
    Script script = script(RuleSettings.defaults().gas());

    script.run(List.of(at(0, "gas-1", gas(true, 12)), tick(20)));

    Signal escalate = script.signals().get(1);
    assertThat(escalate.messageKey()).isEqualTo("gas:gas-1/1/1:attempt-1");
    assertThat(escalate.deviceId()).isEqualTo("vlv-1");
    assertThat(escalate.details())
        .containsEntry("valves_not_closed", "vlv-1")
        .containsEntry("attempts", "1");
  }

  @Test
  void windowAndRetriesAreConfigurable() {
    Script script = script(new RuleSettings.Gas(Duration.ofSeconds(10), 0, Duration.ofSeconds(30)));

    assertThat(script.run(List.of(at(0, "gas-1", gas(true, 12)), tick(10), tick(20))))
        .containsExactly("0 " + CLOSING, "0 CLOSE vlv-1 cmd-1", "10 " + FAILED_TO_CLOSE);
  }

  private static Script script(RuleSettings.Gas settings) {
    AtomicInteger ids = new AtomicInteger();
    return new Script(
        clock ->
            new GasRule(Fixture.REGISTRY, settings, clock, () -> "cmd-" + ids.incrementAndGet()));
  }
}

package io.shouwang.alerting.rules;

import static io.shouwang.alerting.rules.Payloads.gas;
import static io.shouwang.alerting.rules.Payloads.heartbeat;
import static io.shouwang.alerting.rules.Payloads.press;
import static io.shouwang.alerting.rules.Payloads.smoke;
import static io.shouwang.alerting.rules.Script.at;
import static io.shouwang.alerting.rules.Script.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shouwang.alerting.Cause;
import io.shouwang.alerting.DeviceCommand;
import io.shouwang.alerting.DeviceMessage;
import io.shouwang.alerting.Signal;
import io.shouwang.schemas.v1.SmokeAlarm.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The standard rule set as the engine gets it. */
class RulesTest {

  @Test
  void standardSetHasOneRuleOfEachKind() {
    List<Rule> rules =
        Rules.standard(Fixture.REGISTRY, RuleSettings.defaults(), new MutableClock(Fixture.T0));

    assertThat(rules)
        .extracting(r -> r.getClass().getSimpleName())
        .containsExactly(
            "EmergencyButtonRule",
            "ServiceButtonRule",
            "SmokeRule",
            "GasRule",
            "DoorRule",
            "VitalsRule",
            "SupervisionRule",
            "BatteryRule",
            "InactivityRule");
  }

  @Test
  void aPressIsAnsweredByTheButtonRuleAlone() {
    Script script = standard();

    assertThat(script.run(List.of(at(0, "btn-1", press()))))
        .containsExactly("0 RAISE EMERGENCY_BUTTON emergency button pressed");
  }

  @Test
  void gasAlarmSendsCloseWithAFreshCommandId() {
    Script script = standard();

    script.run(List.of(at(0, "gas-1", gas(true, 12)), at(1, "gas-3", gas(true, 12))));

    assertThat(script.commands()).hasSize(3);
    assertThat(script.commands())
        .extracting(c -> c.command().getCommandId())
        .doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(UUID.fromString(id)).isNotNull());
  }

  @Test
  void passedSelfTestDoesNotClearWhileAnotherProtectingDeviceIsSilent() {
    Script script = standard();

    script.run(
        List.of(
            at(0, "smk-1", smoke(Event.SELF_TEST_FAILED)),
            at(300, "btn-1", heartbeat()),
            at(300, "smk-1b", heartbeat()),
            at(590, "smk-1", heartbeat()),
            tick(601),
            at(700, "btn-1", heartbeat()),
            at(700, "smk-1b", heartbeat()),
            at(900, "smk-1", smoke(Event.SELF_TEST_PASSED))));
    assertThat(protection(script, Signal.Kind.CLEARED)).isEmpty();

    script.run(List.of(at(950, "gas-1", heartbeat())));

    assertThat(protection(script, Signal.Kind.RAISE))
        .extracting(Signal::deviceId)
        .containsExactly("smk-1", "gas-1");
    assertThat(protection(script, Signal.Kind.CLEARED))
        .singleElement()
        .satisfies(s -> assertThat(s.summary()).isEqualTo("gas detector heard again"));
  }

  private static List<Signal> protection(Script script, Signal.Kind kind) {
    return script.signals().stream()
        .filter(s -> s.householdId().equals("hh-1") && s.cause() == Cause.PROTECTION_LOST)
        .filter(s -> s.kind() == kind)
        .toList();
  }

  private static Script standard() {
    return new Script(
        clock ->
            new AllRules(
                Rules.standard(
                    Fixture.REGISTRY, RuleSettings.defaults(), clock, new SimpleMeterRegistry())));
  }

  /** Calls every rule, as the engine does, and joins what they say. */
  private record AllRules(List<Rule> rules) implements Rule {
    @Override
    public RuleOutput onMessage(DeviceMessage message) {
      return join(rules.stream().map(r -> r.onMessage(message)).toList());
    }

    @Override
    public RuleOutput onTick(Instant now) {
      return join(rules.stream().map(r -> r.onTick(now)).toList());
    }

    private static RuleOutput join(List<RuleOutput> outputs) {
      List<Signal> signals = new ArrayList<>();
      List<DeviceCommand> commands = new ArrayList<>();
      outputs.forEach(
          o -> {
            signals.addAll(o.signals());
            commands.addAll(o.commands());
          });
      return new RuleOutput(signals, commands);
    }
  }
}

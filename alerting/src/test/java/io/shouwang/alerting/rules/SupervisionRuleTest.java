package io.shouwang.alerting.rules;

import static io.shouwang.alerting.rules.Payloads.heartbeat;
import static io.shouwang.alerting.rules.Payloads.motion;
import static io.shouwang.alerting.rules.Script.at;
import static io.shouwang.alerting.rules.Script.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.Severity;
import io.shouwang.alerting.Signal;
import io.shouwang.registry.DeviceKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SupervisionRuleTest {

  @ParameterizedTest(name = "{0}: silent over {1}s is {2}")
  @CsvSource({
    "btn-1,  600,  PROTECTION_LOST, CRITICAL, emergency button offline: household unprotected",
    "smk-1,  600,  PROTECTION_LOST, CRITICAL, smoke alarm offline: household unprotected",
    "gas-1,  600,  PROTECTION_LOST, CRITICAL, gas detector offline: household unprotected",
    "vlv-1,  600,  DEVICE_OFFLINE,  NORMAL,   gas valve offline",
    "svc-1,  1800, DEVICE_OFFLINE,  NORMAL,   service button offline",
    "door-1, 1800, DEVICE_OFFLINE,  NORMAL,   door contact offline",
    "pir-1,  1800, DEVICE_OFFLINE,  NORMAL,   motion sensor offline",
    "hm-1,   1800, DEVICE_OFFLINE,  NORMAL,   health monitor offline"
  })
  void deviceNeverHeardSinceStartIsOfflineAfterItsKindsWindow(
      String device, long window, Cause cause, Severity severity, String summary) {
    Script script = script(RuleSettings.defaults().supervision());

    script.run(List.of(tick(window)));
    assertThat(signalsOf(script, device)).isEmpty();
    script.run(List.of(tick(window + 1)));

    assertThat(signalsOf(script, device))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.kind()).isEqualTo(Signal.Kind.RAISE);
              assertThat(s.cause()).isEqualTo(cause);
              assertThat(s.severity()).isEqualTo(severity);
              assertThat(s.summary()).isEqualTo(summary);
              assertThat(s.householdId()).isEqualTo("hh-1");
            });
  }

  static Stream<Arguments> scenarios() {
    String lost = "RAISE PROTECTION_LOST emergency button offline: household unprotected";
    return Stream.of(
        Arguments.of(
            "heard within the window: the clock restarts",
            List.of(at(500, "btn-5", heartbeat()), tick(1_000), tick(1_101)),
            List.of("1101 " + lost)),
        Arguments.of(
            "any message counts, not only heartbeats",
            List.of(at(500, "btn-5", Payloads.press()), tick(1_100)),
            List.of()),
        Arguments.of(
            "raised once per silence",
            List.of(tick(601), tick(700), tick(5_000)),
            List.of("601 " + lost)),
        Arguments.of(
            "heard again: cleared",
            List.of(tick(601), at(900, "btn-5", heartbeat())),
            List.of("601 " + lost, "900 CLEARED PROTECTION_LOST emergency button heard again")),
        Arguments.of(
            "silent again after coming back: raised again",
            List.of(tick(601), at(900, "btn-5", heartbeat()), tick(1_501)),
            List.of(
                "601 " + lost,
                "900 CLEARED PROTECTION_LOST emergency button heard again",
                "1501 " + lost)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void button(String name, List<Script.Step> steps, List<String> expected) {
    RuleSettings.Supervision settings = RuleSettings.defaults().supervision();
    // Every registered device goes silent here; only the button's signals are looked at. Its
    // household hh-5 has no other smoke, gas or button device, so its return clears.
    Script script =
        new Script(
            clock ->
                new FilteredRule(
                    new SupervisionRule(
                        Fixture.REGISTRY, settings, new Conditions(), clock.instant()),
                    s -> s.deviceId().equals("btn-5")));

    assertThat(script.run(steps)).containsExactlyElementsOf(expected);
  }

  @Test
  void householdIsProtectedAgainOnlyWhenEveryDeviceIsHeard() {
    Script script = script(RuleSettings.defaults().supervision());

    script.run(List.of(tick(601)));
    script.run(
        List.of(
            at(700, "btn-1", heartbeat()),
            at(710, "smk-1", heartbeat()),
            at(720, "smk-1b", heartbeat())));
    assertThat(clearedIn(script, "hh-1", Cause.PROTECTION_LOST)).isEmpty();
    script.run(List.of(at(730, "gas-1", heartbeat())));

    assertThat(clearedIn(script, "hh-1", Cause.PROTECTION_LOST))
        .singleElement()
        .satisfies(s -> assertThat(s.deviceId()).isEqualTo("gas-1"));
  }

  @Test
  void timerKeyNamesTheDeviceAndWhenItWasLastHeard() {
    Script script = script(RuleSettings.defaults().supervision());

    script.run(List.of(at(100, "pir-1", motion(1)), tick(1_901)));

    assertThat(signalsOf(script, "pir-1"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.messageKey())
                  .isEqualTo("offline:pir-1:" + Fixture.T0.plusSeconds(100).getEpochSecond());
              assertThat(s.details())
                  .containsEntry("last_heard", Fixture.T0.plusSeconds(100).toString())
                  .containsEntry("silence_window", "30m");
            });
  }

  @Test
  void windowsAreConfigurablePerKind() {
    Map<DeviceKind, Duration> silence =
        new EnumMap<>(RuleSettings.defaults().supervision().silence());
    silence.put(DeviceKind.MOTION_SENSOR, Duration.ofHours(2));
    Script script = script(new RuleSettings.Supervision(silence));

    script.run(List.of(tick(7_200)));
    assertThat(signalsOf(script, "pir-1")).isEmpty();
    script.run(List.of(tick(7_201)));

    assertThat(signalsOf(script, "pir-1")).hasSize(1);
  }

  private static Script script(RuleSettings.Supervision settings) {
    return new Script(
        clock ->
            new SupervisionRule(Fixture.REGISTRY, settings, new Conditions(), clock.instant()));
  }

  private static List<Signal> signalsOf(Script script, String device) {
    return script.signals().stream().filter(s -> s.deviceId().equals(device)).toList();
  }

  private static List<Signal> clearedIn(Script script, String household, Cause cause) {
    return script.signals().stream()
        .filter(s -> s.householdId().equals(household) && s.cause() == cause)
        .filter(s -> s.kind() == Signal.Kind.CLEARED)
        .toList();
  }
}

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
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /** The restart in the scenarios below: an hour after the script's start. */
  private static final long RESTART = 3_600;

  static Stream<Arguments> restarts() {
    String lost = "RAISE PROTECTION_LOST emergency button offline: household unprotected";
    long grace = 300;
    return Stream.of(
        Arguments.of(
            "silent for 50 min before the restart: flagged once the grace is over",
            -3_000L,
            List.of(tick(RESTART + grace - 1), tick(RESTART + grace)),
            List.of((RESTART + grace) + " " + lost)),
        Arguments.of(
            "window ran out during the downtime: still not before the grace is over",
            -420L,
            List.of(tick(RESTART + 1), tick(RESTART + grace - 1), tick(RESTART + grace)),
            List.of((RESTART + grace) + " " + lost)),
        Arguments.of(
            "heard a minute before the restart: flagged when its window ends, not a window"
                + " after the start",
            -60L,
            List.of(tick(RESTART + 540), tick(RESTART + 541)),
            List.of((RESTART + 541) + " " + lost)),
        Arguments.of(
            "heard again after the restart: not flagged",
            -60L,
            List.of(
                at(RESTART + 100, "btn-5", heartbeat()), tick(RESTART + 541), tick(RESTART + 700)),
            List.of()),
        Arguments.of(
            "no saved time: timed from the restart, as on a first start",
            null,
            List.of(tick(RESTART + 600), tick(RESTART + 601)),
            List.of((RESTART + 601) + " " + lost)),
        Arguments.of(
            "saved time after the start (clock set back): timed from the restart",
            600L,
            List.of(tick(RESTART + 600), tick(RESTART + 601)),
            List.of((RESTART + 601) + " " + lost)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("restarts")
  void afterARestartSilenceCountsFromTheSavedTimeButNeverWithinTheGrace(
      String name, Long savedRelativeToRestart, List<Script.Step> steps, List<String> expected) {
    // GIVEN a new process whose button btn-5 was last heard at the saved time (if any)
    Script script = buttonOnly(RuleSettings.defaults().supervision());
    Map<String, Instant> saved =
        savedRelativeToRestart == null
            ? Map.of()
            : Map.of("btn-5", Fixture.T0.plusSeconds(RESTART + savedRelativeToRestart));

    // WHEN it resumes and time passes
    assertThat(script.restart(RESTART, List.of(), saved)).isEmpty();

    // THEN the button is flagged as the table says
    assertThat(script.run(steps)).containsExactlyElementsOf(expected);
  }

  @Test
  void configuredStartupGraceAppliesToEveryKind() {
    // GIVEN a two-minute grace, and a button and a motion sensor silent for hours
    RuleSettings.Supervision settings =
        new RuleSettings.Supervision(
            RuleSettings.defaults().supervision().silence(), Optional.of(Duration.ofMinutes(2)));
    Script script = script(settings);
    Instant longAgo = Fixture.T0;

    // WHEN the rule resumes with their saved times
    script.restart(RESTART, List.of(), Map.of("btn-5", longAgo, "pir-1", longAgo));
    script.run(List.of(tick(RESTART + 119)));
    assertThat(signalsOf(script, "btn-5")).isEmpty();
    script.run(List.of(tick(RESTART + 120)));

    // THEN both are flagged two minutes after the start
    assertThat(signalsOf(script, "btn-5")).hasSize(1);
    assertThat(signalsOf(script, "pir-1")).hasSize(1);
  }

  @Test
  void timerKeyAfterARestartIsTheOneTheSilenceHadBeforeIt() {
    // GIVEN a button last heard at second 100, flagged by the process before the restart
    Script before = buttonOnly(RuleSettings.defaults().supervision());
    before.run(List.of(at(100, "btn-5", heartbeat()), tick(701)));
    String keyBefore = before.signals().get(0).messageKey();

    // WHEN a new process resumes with the saved time and flags it again
    Script after = buttonOnly(RuleSettings.defaults().supervision());
    after.restart(RESTART, List.of(), Map.of("btn-5", Fixture.T0.plusSeconds(100)));
    after.run(List.of(tick(RESTART + 300)));

    // THEN it is the same key, so the open incident recognises it and pages nobody again
    assertThat(after.signals()).singleElement()
        .satisfies(s -> assertThat(s.messageKey()).isEqualTo(keyBefore));
  }

  private static Script buttonOnly(RuleSettings.Supervision settings) {
    return new Script(
        clock ->
            new FilteredRule(
                new SupervisionRule(Fixture.REGISTRY, settings, new Conditions(), clock.instant()),
                s -> s.deviceId().equals("btn-5")));
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

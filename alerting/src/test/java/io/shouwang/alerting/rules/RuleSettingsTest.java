package io.shouwang.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.shouwang.registry.DeviceKind;
import io.shouwang.registry.QuietWindow;
import io.shouwang.registry.VitalLimit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleSettingsTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Stream<Arguments> defaults() {
    return Stream.of(
        setting("button.cancelGrace", s -> s.button().cancelGrace(), Duration.ofSeconds(30)),
        setting("gas.confirmWithin", s -> s.gas().confirmWithin(), Duration.ofSeconds(20)),
        setting("gas.retries", s -> s.gas().retries(), 2),
        setting("gas.commandTtl", s -> s.gas().commandTtl(), Duration.ofSeconds(60)),
        setting("vitals.limits.spo2Low", s -> s.vitals().limits().get(VitalLimit.SPO2_LOW), 90.0),
        setting(
            "vitals.limits.heartRateHigh",
            s -> s.vitals().limits().get(VitalLimit.HEART_RATE_HIGH),
            130.0),
        setting("vitals.consecutive", s -> s.vitals().consecutive(), 3),
        setting("vitals.sustainedFor", s -> s.vitals().sustainedFor(), Duration.ofMinutes(5)),
        setting("vitals.staleAfter", s -> s.vitals().staleAfter(), Duration.ofMinutes(15)),
        setting("trend.recent", s -> s.trend().recent(), Duration.ofHours(6)),
        setting("trend.baseline", s -> s.trend().baseline(), Duration.ofDays(7)),
        setting("trend.drop", s -> s.trend().drop(), 3.0),
        setting(
            "supervision.silence.emergency_button",
            s -> s.supervision().silence().get(DeviceKind.EMERGENCY_BUTTON),
            Duration.ofMinutes(10)),
        setting(
            "supervision.silence.gas_valve",
            s -> s.supervision().silence().get(DeviceKind.GAS_VALVE),
            Duration.ofMinutes(10)),
        setting(
            "supervision.silence.door_contact",
            s -> s.supervision().silence().get(DeviceKind.DOOR_CONTACT),
            Duration.ofMinutes(30)),
        setting(
            "supervision.startupGrace (smoke alarm: half its window)",
            s -> s.supervision().graceFor(DeviceKind.SMOKE_ALARM),
            Duration.ofMinutes(5)),
        setting(
            "supervision.startupGrace (motion sensor: half its window)",
            s -> s.supervision().graceFor(DeviceKind.MOTION_SENSOR),
            Duration.ofMinutes(15)),
        setting("battery.lowPercent", s -> s.battery().lowPercent(), 15),
        setting("battery.clearPercent", s -> s.battery().clearPercent(), 25),
        setting("inactivity.zone", s -> s.inactivity().zone(), ZoneId.of("Asia/Shanghai")),
        setting(
            "inactivity.quietWindows",
            s -> s.inactivity().quietWindows(),
            List.of(
                new QuietWindow(LocalTime.of(7, 0), LocalTime.of(22, 0), Duration.ofHours(3)),
                new QuietWindow(LocalTime.of(22, 0), LocalTime.of(7, 0), Duration.ofHours(10)))),
        setting(
            "inactivity.startupGrace",
            s -> s.inactivity().startupGrace(),
            Duration.ofMinutes(30)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaults")
  void defaultsAreThoseOfRulesMd(String key, Function<RuleSettings, Object> get, Object value) {
    assertThat(get.apply(RuleSettings.defaults())).isEqualTo(value);
  }

  @Test
  void emptyOrAbsentConfigIsTheDefaults() {
    assertThat(RuleSettings.fromMap(Map.of())).isEqualTo(RuleSettings.defaults());
    assertThat(RuleSettings.fromMap(null)).isEqualTo(RuleSettings.defaults());
    assertThat(RuleSettings.fromMap(yaml("gas:\nvitals: {}\n"))).isEqualTo(RuleSettings.defaults());
  }

  static Stream<Arguments> overrides() {
    return Stream.of(
        Arguments.of(
            "button: {cancelGrace: 45s}",
            (Function<RuleSettings, Object>) s -> s.button().cancelGrace(),
            Duration.ofSeconds(45)),
        Arguments.of(
            "gas: {confirmWithin: PT15S, retries: 4}",
            (Function<RuleSettings, Object>)
                s -> List.of(s.gas().confirmWithin(), s.gas().retries()),
            List.of(Duration.ofSeconds(15), 4)),
        Arguments.of(
            "vitals: {limits: {spo2Low: 88}}",
            (Function<RuleSettings, Object>)
                s ->
                    List.of(
                        s.vitals().limits().get(VitalLimit.SPO2_LOW),
                        s.vitals().limits().get(VitalLimit.HEART_RATE_LOW)),
            List.of(88.0, 40.0)),
        Arguments.of(
            "vitals: {clearMargins: {glucoseLow: 0.8}, consecutive: 5}",
            (Function<RuleSettings, Object>)
                s ->
                    List.of(
                        s.vitals().clearMargins().get(VitalLimit.GLUCOSE_LOW),
                        s.vitals().consecutive()),
            List.of(0.8, 5)),
        Arguments.of(
            "trend: {recent: 4h, baseline: 3d, drop: 2.5}",
            (Function<RuleSettings, Object>)
                s -> List.of(s.trend().recent(), s.trend().baseline(), s.trend().drop()),
            List.of(Duration.ofHours(4), Duration.ofDays(3), 2.5)),
        Arguments.of(
            "supervision: {silence: {motion_sensor: 2h}}",
            (Function<RuleSettings, Object>)
                s ->
                    List.of(
                        s.supervision().silence().get(DeviceKind.MOTION_SENSOR),
                        s.supervision().silence().get(DeviceKind.SMOKE_ALARM)),
            List.of(Duration.ofHours(2), Duration.ofMinutes(10))),
        Arguments.of(
            "supervision: {silence: {smoke_alarm: 20m}}",
            (Function<RuleSettings, Object>)
                s -> s.supervision().graceFor(DeviceKind.SMOKE_ALARM),
            Duration.ofMinutes(10)),
        Arguments.of(
            "supervision: {startupGrace: 3m}",
            (Function<RuleSettings, Object>)
                s ->
                    List.of(
                        s.supervision().graceFor(DeviceKind.SMOKE_ALARM),
                        s.supervision().graceFor(DeviceKind.DOOR_CONTACT)),
            List.of(Duration.ofMinutes(3), Duration.ofMinutes(3))),
        Arguments.of(
            "battery: {lowPercent: 20, clearPercent: 40}",
            (Function<RuleSettings, Object>) s -> s.battery(),
            new RuleSettings.Battery(20, 40)),
        Arguments.of(
            "inactivity:\n  zone: Asia/Urumqi\n  quietWindows:\n"
                + "    - {from: 06:00, to: 23:00, maxQuiet: 4h}\n"
                + "    - {from: 23:00, to: 06:00, maxQuiet: 9h}\n",
            (Function<RuleSettings, Object>) s -> s.inactivity(),
            new RuleSettings.Inactivity(
                ZoneId.of("Asia/Urumqi"),
                List.of(
                    new QuietWindow(LocalTime.of(6, 0), LocalTime.of(23, 0), Duration.ofHours(4)),
                    new QuietWindow(
                        LocalTime.of(23, 0), LocalTime.of(6, 0), Duration.ofHours(9))))),
        Arguments.of(
            "inactivity: {startupGrace: 1h}",
            (Function<RuleSettings, Object>) s -> s.inactivity().startupGrace(),
            Duration.ofHours(1)),
        Arguments.of(
            "inactivity: {quietWindows: [{from: '00:00', to: '12:00', maxQuiet: 20m},"
                + " {from: '12:00', to: '00:00', maxQuiet: 2h}]}",
            (Function<RuleSettings, Object>) s -> s.inactivity().startupGrace(),
            Duration.ofMinutes(20)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overrides")
  void configOverridesOnlyWhatItNames(
      String config, Function<RuleSettings, Object> get, Object expected) {
    assertThat(get.apply(RuleSettings.fromMap(yaml(config)))).isEqualTo(expected);
  }

  static Stream<Arguments> mistakes() {
    String duration = "expected a duration such as 30s, 10m, 3h or 7d";
    return Stream.of(
        Arguments.of(
            "gass: {}",
            "gass: unknown key (expected one of button, gas, vitals, trend, supervision, battery,"
                + " inactivity)"),
        Arguments.of(
            "gas: {confrimWithin: 20s}",
            "gas.confrimWithin: unknown key (expected one of confirmWithin, retries, commandTtl)"),
        Arguments.of(
            "gas: {confirmWithin: 20}", "gas.confirmWithin: " + duration + ", got the number 20"),
        Arguments.of(
            "gas: {confirmWithin: soon}", "gas.confirmWithin: " + duration + ", got text 'soon'"),
        Arguments.of("gas: {confirmWithin: 0s}", "gas.confirmWithin: must be positive, got 0s"),
        Arguments.of("gas: {retries: -1}", "gas.retries: must be at least 0, got -1"),
        Arguments.of(
            "gas: {retries: 1.5}", "gas.retries: expected a whole number, got the number 1.5"),
        Arguments.of("gas: {retries: '2'}", "gas.retries: expected a whole number, got text '2'"),
        Arguments.of("button: 30s", "button: expected a mapping, got text '30s'"),
        Arguments.of(
            "vitals: {limits: {spO2Low: 88}}",
            "vitals.limits.spO2Low: unknown key (expected one of heartRateLow, heartRateHigh,"
                + " spo2Low, systolicLow, systolicHigh, diastolicHigh, glucoseLow, glucoseHigh)"),
        Arguments.of(
            "vitals: {limits: {spo2Low: 101}}",
            "vitals.limits.spo2Low: must be within 50.0..100.0, got 101.0"),
        Arguments.of(
            "vitals: {limits: {heartRateLow: 140}}",
            "vitals.limits.heartRateLow: must be below heartRateHigh, got 140.0"),
        Arguments.of(
            "vitals: {clearMargins: {spo2Low: -1}}",
            "vitals.clearMargins.spo2Low: must not be negative"),
        Arguments.of("vitals: {consecutive: 0}", "vitals.consecutive: must be at least 1, got 0"),
        Arguments.of("trend: {recent: 90m}", "trend.recent: must be whole hours, got 90m"),
        Arguments.of("trend: {baseline: 6h}", "trend.baseline: must be longer than trend.recent"),
        Arguments.of(
            "trend: {clearMargin: 3}",
            "trend.clearMargin: must be at least 0 and below trend.drop"),
        Arguments.of(
            "supervision: {silence: {smoke: 5m}}",
            "supervision.silence.smoke: unknown key (expected one of emergency_button,"
                + " service_button, smoke_alarm, gas_detector, gas_valve, door_contact,"
                + " motion_sensor, health_monitor)"),
        Arguments.of(
            "supervision: {silence: {smoke_alarm: 0s}}",
            "supervision.silence.smoke_alarm: must be positive, got 0s"),
        Arguments.of(
            "supervision: {startupGrace: 0s}",
            "supervision.startupGrace: must be positive, got 0s"),
        Arguments.of(
            "supervision: {startupGrace: 11m}",
            "supervision.startupGrace: must not be longer than the shortest silence window"
                + " (10m), got 11m"),
        Arguments.of(
            "supervision: {startupGrace: 5}",
            "supervision.startupGrace: expected a duration such as 30s, 10m, 3h or 7d, got the"
                + " number 5"),
        Arguments.of(
            "battery: {lowPercent: 30}",
            "battery.clearPercent: must be within battery.lowPercent (30)..100, got 25"),
        Arguments.of(
            "inactivity: {zone: Mars/Base}",
            "inactivity.zone: expected a time zone such as Asia/Shanghai, got text 'Mars/Base'"),
        Arguments.of(
            "inactivity: {quietWindows: [{from: '07:00', to: '22:00', maxQuiet: 3h}]}",
            "inactivity.quietWindows: must cover the whole day (00:00 to 24:00)"),
        Arguments.of(
            "inactivity: {quietWindows: [{from: '07:00', to: '22:00', maxQuiet: 3h},"
                + " {from: '21:00', to: '07:00', maxQuiet: 10h}]}",
            "inactivity.quietWindows[1]: 21:00-07:00 overlaps 07:00-22:00"),
        Arguments.of(
            "inactivity: {quietWindows: [{from: 7am, to: '22:00', maxQuiet: 3h}]}",
            "inactivity.quietWindows[0].from: expected a time HH:MM, got text '7am'"),
        Arguments.of(
            "inactivity: {quietWindows: [{from: '07:00', maxQuiet: 3h}]}",
            "inactivity.quietWindows[0].to: missing"),
        Arguments.of(
            "inactivity: {quietWindows: [{from: '07:00', to: '22:00'}]}",
            "inactivity.quietWindows[0].maxQuiet: missing"),
        Arguments.of(
            "inactivity: {quietWindows: {from: '07:00'}}",
            "inactivity.quietWindows: expected a list, got a mapping"),
        Arguments.of(
            "inactivity: {startupGrace: 0s}",
            "inactivity.startupGrace: must be positive, got 0s"),
        Arguments.of(
            "inactivity: {startupGrace: 4h}",
            "inactivity.startupGrace: must not be longer than the shortest quiet window (3h),"
                + " got 4h"),
        Arguments.of(
            "inactivity: {startupGrace: 30}",
            "inactivity.startupGrace: " + duration + ", got the number 30"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void mistakeIsReportedWithItsKey(String config, String message) {
    Map<String, Object> map = yaml(config);

    assertThatThrownBy(() -> RuleSettings.fromMap(map))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void vertxJsonSectionsAreRead() {
    JsonObject config =
        new JsonObject()
            .put("gas", new JsonObject().put("retries", 5))
            .put(
                "inactivity",
                new JsonObject()
                    .put(
                        "quietWindows",
                        new JsonArray()
                            .add(Map.of("from", "00:00", "to", "12:00", "maxQuiet", "4h"))
                            .add(
                                new JsonObject()
                                    .put("from", "12:00")
                                    .put("to", "00:00")
                                    .put("maxQuiet", "3h"))));

    RuleSettings settings = RuleSettings.fromMap(config.getMap());

    assertThat(settings.gas().retries()).isEqualTo(5);
    assertThat(settings.inactivity().quietWindows()).hasSize(2);
  }

  @Test
  void durationObjectsAreAccepted() {
    Map<String, Object> button = new HashMap<>();
    button.put("cancelGrace", Duration.ofSeconds(12));

    assertThat(RuleSettings.fromMap(Map.of("button", button)).button().cancelGrace())
        .isEqualTo(Duration.ofSeconds(12));
  }

  private static Arguments setting(String key, Function<RuleSettings, Object> get, Object value) {
    return Arguments.of(key, get, value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) {
    try {
      return YAML.readValue(text, Map.class);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}

package io.shouwang.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Year;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A resident's optional {@code vitals} and {@code quietWindows}: the rules' per-person defaults.
 */
class ResidentOverridesTest {

  private static final String R0 =
      "communities[0].grids[0].buildings[0].households[0].residents[0]";
  private static final String AFTER = "language: zh";

  @TempDir Path dir;

  @Test
  void overridesLoad() throws Exception {
    Registry registry =
        load(
            with(
                """
                vitals:
                  spo2Low: 88
                  heartRateHigh: 112.5
                quietWindows:
                  - from: 22:00
                    to: "09:00"
                    maxQuiet: 12h
                  - {from: "13:00", to: "15:00", maxQuiet: 90m}
                """));

    Resident resident = registry.household("hh-1").orElseThrow().residents().get(0);
    assertThat(resident.vitals())
        .containsExactly(
            Map.entry(VitalLimit.HEART_RATE_HIGH, 112.5), Map.entry(VitalLimit.SPO2_LOW, 88.0));
    assertThat(resident.quietWindows())
        .containsExactly(
            new QuietWindow(LocalTime.of(22, 0), LocalTime.of(9, 0), Duration.ofHours(12)),
            new QuietWindow(LocalTime.of(13, 0), LocalTime.of(15, 0), Duration.ofMinutes(90)));
  }

  @Test
  void residentWithoutOverridesHasNone() throws Exception {
    Resident resident =
        load(RegistryValidationTest.VALID).household("hh-2").orElseThrow().residents().get(0);

    assertThat(resident.vitals()).isEmpty();
    assertThat(resident.quietWindows()).isEmpty();
  }

  @Test
  void emptyKeysMeanNoOverrides() throws Exception {
    Resident resident =
        load(with("vitals:\nquietWindows: []\n"))
            .household("hh-1")
            .orElseThrow()
            .residents()
            .get(0);

    assertThat(resident.vitals()).isEmpty();
    assertThat(resident.quietWindows()).isEmpty();
  }

  @Test
  void sixArgumentConstructorStillBuildsAResidentWithoutOverrides() {
    Resident resident = new Resident("r-1", "王秀英", 1938, true, "zh", null);

    assertThat(resident.vitals()).isEmpty();
    assertThat(resident.quietWindows()).isEmpty();
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of(
            "unknown limit",
            "vitals: {sp02Low: 88}",
            R0
                + ".vitals.sp02Low: unknown key (expected one of heartRateLow, heartRateHigh,"
                + " spo2Low, systolicLow, systolicHigh, diastolicHigh, glucoseLow, glucoseHigh)"),
        Arguments.of(
            "limit outside what the monitor measures",
            "vitals: {spo2Low: 101}",
            R0 + ".vitals.spo2Low: spo2Low 101 outside 50..100"),
        Arguments.of(
            "quoted number",
            "vitals: {spo2Low: \"88\"}",
            R0 + ".vitals.spo2Low: expected a number, got text '88'"),
        Arguments.of(
            "low not below high",
            "vitals: {heartRateLow: 120, heartRateHigh: 110}",
            R0 + ".vitals.heartRateLow: heartRateLow 120 must be below heartRateHigh 110"),
        Arguments.of(
            "vitals not a mapping",
            "vitals: 88",
            R0 + ".vitals: expected a mapping, got the number 88"),
        Arguments.of(
            "windows not a list",
            "quietWindows: {from: \"22:00\", to: \"07:00\", maxQuiet: 10h}",
            R0 + ".quietWindows: expected a list, got a mapping"),
        Arguments.of(
            "invalid time",
            "quietWindows: [{from: \"25:00\", to: \"07:00\", maxQuiet: 10h}]",
            R0 + ".quietWindows[0].from: invalid time '25:00' (expected HH:MM, 00:00 to 23:59)"),
        Arguments.of(
            "duration without a unit",
            "quietWindows: [{from: \"22:00\", to: \"07:00\", maxQuiet: 10}]",
            R0
                + ".quietWindows[0].maxQuiet: invalid duration '10' (expected a duration such as"
                + " 30s, 10m, 3h or 7d)"),
        Arguments.of(
            "quiet too long to be a welfare check",
            "quietWindows: [{from: \"22:00\", to: \"07:00\", maxQuiet: 72h}]",
            R0 + ".quietWindows[0].maxQuiet: maxQuiet 72h outside 15m..48h"),
        Arguments.of(
            "missing key",
            "quietWindows: [{from: \"22:00\", to: \"07:00\"}]",
            R0 + ".quietWindows[0]: missing required key 'maxQuiet'"),
        Arguments.of(
            "unknown key in a window",
            "quietWindows: [{from: \"22:00\", to: \"07:00\", max_quiet: 10h, maxQuiet: 10h}]",
            R0 + ".quietWindows[0].max_quiet: unknown key (expected one of from, to, maxQuiet)"),
        Arguments.of(
            "window of no length",
            "quietWindows: [{from: \"22:00\", to: \"22:00\", maxQuiet: 10h}]",
            R0
                + ".quietWindows[0].to: a quiet window needs different from and to (write two"
                + " windows for the whole day)"),
        Arguments.of(
            "overlapping windows",
            "quietWindows:\n  - {from: \"22:00\", to: \"07:00\", maxQuiet: 10h}\n"
                + "  - {from: \"06:00\", to: \"08:00\", maxQuiet: 2h}",
            R0
                + ".quietWindows[1]: quiet window 06:00-08:00 overlaps quietWindows[0]"
                + " (22:00-07:00)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void mistakeGivesExactlyOneErrorNamingItsPath(String mistake, String yaml, String expected)
      throws Exception {
    RegistryException e = failure(with(yaml));

    assertThat(e.errors()).containsExactly(expected);
  }

  @Test
  void unknownResidentKeyListsTheNewKeys() throws Exception {
    RegistryException e = failure(with("quietWindow: []"));

    assertThat(e.errors())
        .containsExactly(
            R0
                + ".quietWindow: unknown key (expected one of id, name, birthYear, livesAlone,"
                + " language, medicalNotes, vitals, quietWindows)");
  }

  @Test
  void jsonAndYamlFixturesCarryTheSameOverrides() throws Exception {
    Registry yaml = RegistryLoader.load(RegistryLookupTest.fixture("small.yaml"));

    Resident resident = yaml.household("hh-0101").orElseThrow().residents().get(0);

    assertThat(resident.vitals())
        .containsEntry(VitalLimit.SPO2_LOW, 88.5)
        .containsEntry(VitalLimit.HEART_RATE_HIGH, 115.0);
    assertThat(resident.quietWindows())
        .containsExactly(
            new QuietWindow(LocalTime.of(22, 30), LocalTime.of(8, 30), Duration.ofHours(11)));
  }

  /** The valid registry with these lines added to the first resident. */
  private static String with(String lines) {
    String valid = RegistryValidationTest.VALID;
    int at = valid.indexOf(AFTER);
    int lineStart = valid.lastIndexOf('\n', at) + 1;
    String indent = " ".repeat(at - lineStart);
    StringBuilder added = new StringBuilder();
    for (String line : lines.strip().split("\n")) {
      added.append('\n').append(indent).append(line);
    }
    int lineEnd = at + AFTER.length();
    return valid.substring(0, lineEnd) + added + valid.substring(lineEnd);
  }

  private Registry load(String yaml) throws Exception {
    return RegistryLoader.load(
        Files.writeString(dir.resolve("registry.yaml"), yaml), Year.of(2026));
  }

  private RegistryException failure(String yaml) throws Exception {
    try {
      Registry registry = load(yaml);
      return fail("expected a RegistryException, loaded " + registry);
    } catch (RegistryException e) {
      return e;
    }
  }
}

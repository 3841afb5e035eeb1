package io.shouwang.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shouwang.gateway.storage.TimeSeriesSchema.Field;
import io.shouwang.gateway.storage.TimeSeriesSchema.Measurement;
import io.shouwang.schemas.v1.CommandResult;
import io.shouwang.schemas.v1.DoorContact;
import io.shouwang.schemas.v1.EmergencyButton;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.GasDetector;
import io.shouwang.schemas.v1.GasValve;
import io.shouwang.schemas.v1.HealthReading;
import io.shouwang.schemas.v1.Heartbeat;
import io.shouwang.schemas.v1.Motion;
import io.shouwang.schemas.v1.ServiceButton;
import io.shouwang.schemas.v1.SmokeAlarm;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PointMapperTest {

  static final DeviceTags TAGS = new DeviceTags("c1", "g1", "h1", "kind", "dev-1");
  static final Instant AT = Instant.ofEpochSecond(1_795_248_000L, 123_456_789);
  static final String TAG_TEXT =
      ",community=c1,device_id=dev-1,device_kind=kind,grid=g1,household=h1 ";
  static final String END = ",seq=42i,boot_id=7i 1795248000123456789";

  static Envelope.Builder envelope() {
    return Envelope.newBuilder().setDeviceId("dev-1").setSeq(42).setBootId(7);
  }

  static Stream<Arguments> everyPayloadKind() {
    return Stream.of(
        Arguments.of(
            "heartbeat with battery",
            envelope().setHeartbeat(Heartbeat.newBuilder().setBatteryPercent(87).setBatteryMv(2950)
                .setSignalDbm(-71).setFirmware("1.4.2").setUptimeS(86_400).setMainsPowered(false)),
            "heartbeat", "battery_percent=87.0,battery_mv=2950.0,signal_dbm=-71.0,"
                + "firmware=\"1.4.2\",uptime_s=86400.0,mains_powered=false"),
        Arguments.of(
            "heartbeat of a mains-powered device omits absent battery and signal",
            envelope().setHeartbeat(
                Heartbeat.newBuilder().setFirmware("2.0").setUptimeS(5).setMainsPowered(true)),
            "heartbeat", "firmware=\"2.0\",uptime_s=5.0,mains_powered=true"),
        Arguments.of(
            "emergency press",
            envelope().setEmergencyButton(
                EmergencyButton.newBuilder().setAction(EmergencyButton.Action.PRESS)),
            "emergency_button", "action=\"press\""),
        Arguments.of(
            "emergency cancel",
            envelope().setEmergencyButton(
                EmergencyButton.newBuilder().setAction(EmergencyButton.Action.CANCEL)),
            "emergency_button", "action=\"cancel\""),
        Arguments.of(
            "service press",
            envelope().setServiceButton(ServiceButton.newBuilder().setServiceCode("PLUMBING")),
            "service_button", "service_code=\"PLUMBING\""),
        Arguments.of(
            "smoke alarm with level",
            envelope().setSmokeAlarm(SmokeAlarm.newBuilder().setEvent(SmokeAlarm.Event.ALARM)
                .setObscurationPctPerM(12.5f)),
            "smoke_alarm", "event=\"alarm\",obscuration_pct_per_m=12.5"),
        Arguments.of(
            "smoke self-test without level",
            envelope().setSmokeAlarm(
                SmokeAlarm.newBuilder().setEvent(SmokeAlarm.Event.SELF_TEST_PASSED)),
            "smoke_alarm", "event=\"self_test_passed\""),
        Arguments.of(
            "gas alarm",
            envelope().setGasDetector(GasDetector.newBuilder().setAlarm(GasDetector.Alarm.ALARM)
                .setLelPercent(23.4f)),
            "gas_detector", "alarm=\"alarm\",lel_percent=23.4"),
        Arguments.of(
            "gas normal at zero keeps the zero reading",
            envelope().setGasDetector(GasDetector.newBuilder().setAlarm(GasDetector.Alarm.NORMAL)),
            "gas_detector", "alarm=\"normal\",lel_percent=0.0"),
        Arguments.of(
            "valve closed by a command",
            envelope().setGasValve(GasValve.newBuilder().setState(GasValve.State.CLOSED)
                .setCommandId("cmd-9")),
            "gas_valve", "state=\"closed\",command_id=\"cmd-9\""),
        Arguments.of(
            "valve fault",
            envelope().setGasValve(GasValve.newBuilder().setState(GasValve.State.FAULT)
                .setFault("E_JAM")),
            "gas_valve", "state=\"fault\",fault=\"E_JAM\""),
        Arguments.of(
            "door forced open",
            envelope().setDoorContact(DoorContact.newBuilder().setState(DoorContact.State.OPEN)
                .setForced(true)),
            "door_contact", "state=\"open\",forced=true,tamper=false"),
        Arguments.of(
            "motion with zero detections keeps the zero",
            envelope().setMotion(Motion.newBuilder().setCount(0).setIntervalS(300)),
            "motion", "count=0.0,interval_s=300.0"),
        Arguments.of(
            "full health reading",
            envelope().setHealth(HealthReading.newBuilder().setHeartRateBpm(72.5f)
                .setSpo2Percent(97f).setSystolicMmhg(128f).setDiastolicMmhg(82f)
                .setGlucoseMmolL(5.6f).setEcgRhythm(HealthReading.EcgRhythm.SINUS)
                .setQuality(HealthReading.Quality.GOOD)),
            "health", "heart_rate_bpm=72.5,spo2_percent=97.0,systolic_mmhg=128.0,"
                + "diastolic_mmhg=82.0,glucose_mmol_l=5.6,ecg_rhythm=\"sinus\",quality=\"good\""),
        Arguments.of(
            "partial health reading omits what was not measured",
            envelope().setHealth(HealthReading.newBuilder().setHeartRateBpm(61f)
                .setQuality(HealthReading.Quality.POOR)),
            "health", "heart_rate_bpm=61.0,quality=\"poor\""),
        Arguments.of(
            "command result",
            envelope().setCommandResult(CommandResult.newBuilder().setCommandId("cmd-9")
                .setStatus(CommandResult.Status.FAILED).setDetail("valve jammed")),
            "command_result", "command_id=\"cmd-9\",status=\"failed\",detail=\"valve jammed\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPayloadKind")
  void mapsEachPayloadKindToItsMeasurementWithExactFields(
      String description, Envelope.Builder given, String measurement, String fields) {
    String line = PointMapper.toLine(given.build(), TAGS, AT, false).orElseThrow();

    assertThat(line).isEqualTo(measurement + TAG_TEXT + fields + END);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPayloadKind")
  void writesOnlySchemaFieldsWithTheirStableTypes(
      String description, Envelope.Builder given, String measurement, String fields) {
    String line = PointMapper.toLine(given.build(), TAGS, AT, true).orElseThrow();

    Measurement schema = measurementNamed(measurement);
    String fieldSet = line.substring(line.indexOf(' ') + 1, line.lastIndexOf(' '));
    for (String pair : fieldSet.split(",(?=[a-z_0-9]+=)")) {
      String key = pair.substring(0, pair.indexOf('='));
      String value = pair.substring(pair.indexOf('=') + 1);
      Field field =
          schema.fields().stream().filter(f -> f.name().equals(key)).findFirst().orElseThrow(
              () -> new AssertionError(key + " is not in the schema of " + measurement));
      switch (field.type()) {
        case FLOAT -> assertThat(value).as(key).matches("-?[0-9]+\\.[0-9]+");
        case INTEGER -> assertThat(value).as(key).matches("-?[0-9]+i");
        case BOOLEAN -> assertThat(value).as(key).isIn("true", "false");
        case STRING -> assertThat(value).as(key).startsWith("\"").endsWith("\"");
      }
    }
    assertThat(fieldSet).contains("seq=42i", "boot_id=7i", "clock_skewed=true");
  }

  @Test
  void clockSkewedPointCarriesTheFlagAndTheGivenReceiveTime() {
    Envelope press = envelope().setEmergencyButton(
        EmergencyButton.newBuilder().setAction(EmergencyButton.Action.PRESS)).build();
    Instant received = Instant.ofEpochSecond(1_795_248_001L);

    String line = PointMapper.toLine(press, TAGS, received, true).orElseThrow();

    assertThat(line).endsWith(
        "action=\"press\",seq=42i,boot_id=7i,clock_skewed=true 1795248001000000000");
  }

  @Test
  void escapesNastyTagValuesSoTheLineStaysOneLineAndOnePoint() {
    DeviceTags nasty =
        new DeviceTags("Sunny Hills, Block=A", "网格 3", "O\"Brien\\flat\nB", "smoke alarm", "d-1");
    Envelope press = envelope().setEmergencyButton(
        EmergencyButton.newBuilder().setAction(EmergencyButton.Action.PRESS)).build();

    String line = PointMapper.toLine(press, nasty, AT, false).orElseThrow();

    assertThat(line).startsWith(
        "emergency_button,community=Sunny\\ Hills\\,\\ Block\\=A,device_id=d-1,"
            + "device_kind=smoke\\ alarm,grid=网格\\ 3,household=O\"Brien/flat\\ B action=");
    assertThat(line).doesNotContain("\n", "\r");
  }

  @Test
  void escapesQuotesBackslashesAndNewlinesInStringFields() {
    Envelope press = envelope().setServiceButton(
        ServiceButton.newBuilder().setServiceCode("PL\"UM\\B\r\nING")).build();

    String line = PointMapper.toLine(press, TAGS, AT, false).orElseThrow();

    assertThat(line).contains("service_code=\"PL\\\"UM\\\\B  ING\"");
    assertThat(line).doesNotContain("\n", "\r");
  }

  @Test
  void leavesOutEmptyAndNullTags() {
    DeviceTags sparse = new DeviceTags(null, "", "h1", null, "dev-1");
    Envelope motion =
        envelope().setMotion(Motion.newBuilder().setCount(2).setIntervalS(60)).build();

    String line = PointMapper.toLine(motion, sparse, AT, false).orElseThrow();

    assertThat(line).startsWith("motion,device_id=dev-1,household=h1 count=2.0,");
  }

  @Test
  void writesFloatsInTheirShortestPlainDecimalForm() {
    Envelope reading = envelope().setHealth(HealthReading.newBuilder().setHeartRateBpm(36.6f)
        .setSpo2Percent(1e-5f).setGlucoseMmolL(1e7f).setSystolicMmhg(Float.NaN)).build();

    String line = PointMapper.toLine(reading, TAGS, AT, false).orElseThrow();

    assertThat(line)
        .contains("heart_rate_bpm=36.6,spo2_percent=0.00001,glucose_mmol_l=10000000.0,");
    assertThat(line).doesNotContain("systolic_mmhg", "E");
  }

  @Test
  void storesAnUnknownEnumValueFromANewerDeviceAsUnrecognized() {
    Envelope valve = envelope().setGasValve(GasValve.newBuilder().setStateValue(42)).build();

    String line = PointMapper.toLine(valve, TAGS, AT, false).orElseThrow();

    assertThat(line).contains(" state=\"unrecognized\",seq=42i");
  }

  @Test
  void envelopeWithoutPayloadStoresNothing() {
    assertThat(PointMapper.toLine(envelope().build(), TAGS, AT, false)).isEmpty();
  }

  @Test
  void writesTheFullUnsignedRangeOfSeqAndBootIdAsIntegers() {
    Envelope press = Envelope.newBuilder().setSeq(Long.MAX_VALUE).setBootId(-1)
        .setMotion(Motion.newBuilder().setCount(-1)).build();

    String line = PointMapper.toLine(press, TAGS, AT, false).orElseThrow();

    assertThat(line)
        .contains("count=4294967295.0,", "seq=9223372036854775807i,boot_id=4294967295i ");
  }

  @Test
  void refusesATimestampOutsideTheNanosecondRange() {
    Envelope press = envelope().setEmergencyButton(EmergencyButton.getDefaultInstance()).build();

    assertThatThrownBy(
            () -> PointMapper.toLine(press, TAGS, Instant.parse("2300-01-01T00:00:00Z"), false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Measurement measurementNamed(String name) {
    return Stream.of(Measurement.values())
        .filter(m -> m.measurementName().equals(name))
        .findFirst()
        .orElseThrow();
  }
}

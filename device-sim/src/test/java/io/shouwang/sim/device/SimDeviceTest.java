package io.shouwang.sim.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.EnvelopeCodec;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.v1.EmergencyButton;
import io.shouwang.sim.registry.DeviceKind;
import io.shouwang.sim.registry.DeviceSpec;
import io.shouwang.sim.registry.Protocol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimDeviceTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T08:30:00Z"), ZoneOffset.UTC);

  private static DeviceSpec spec(String id, DeviceKind kind, Encoding encoding) {
    return new DeviceSpec(id, "hh-0001", kind, encoding, Protocol.MQTT5, null);
  }

  @Test
  void seqStartsAtOneAndGrowsByOneAcrossAllClasses() {
    SimDevice button =
        new SimDevice(
            spec("btn-0001", DeviceKind.EMERGENCY_BUTTON, Encoding.PROTOBUF), CLOCK, 1, 0);
    DeviceLife life = new DeviceLife(button);

    List<Long> seqs =
        List.of(
            button.next(MessageClass.TELEMETRY, life.heartbeat()).envelope().getSeq(),
            button
                .next(MessageClass.EVENT, Payloads.button(EmergencyButton.Action.PRESS))
                .envelope()
                .getSeq(),
            button
                .next(
                    MessageClass.COMMAND_RESULT,
                    Payloads.result("c1", io.shouwang.schemas.v1.CommandResult.Status.DONE, ""))
                .envelope()
                .getSeq(),
            button.next(MessageClass.TELEMETRY, life.heartbeat()).envelope().getSeq());

    assertThat(seqs).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void rebootChangesBootIdAndRestartsSeq() {
    SimDevice device =
        new SimDevice(spec("smk-0001", DeviceKind.SMOKE_ALARM, Encoding.PROTOBUF), CLOCK, 1, 0);
    DeviceLife life = new DeviceLife(device);
    int firstBoot = device.bootId();
    device.next(MessageClass.TELEMETRY, life.heartbeat());
    device.next(MessageClass.TELEMETRY, life.heartbeat());

    device.reboot();
    Outgoing after = device.next(MessageClass.TELEMETRY, life.heartbeat());

    assertThat(after.envelope().getBootId()).isNotEqualTo(firstBoot).isPositive();
    assertThat(after.envelope().getSeq()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({
    "TELEMETRY, PROTOBUF, shouwang/v1/telemetry/hm-0001, 0",
    "TELEMETRY, JSON, shouwang/v1/telemetry/hm-0001/json, 0",
    "EVENT, PROTOBUF, shouwang/v1/event/hm-0001, 1",
    "COMMAND_RESULT, JSON, shouwang/v1/result/hm-0001/json, 1"
  })
  void topicAndQosFollowTheClassAndEncoding(
      MessageClass messageClass, Encoding encoding, String topic, int qos) throws Exception {
    SimDevice device =
        new SimDevice(spec("hm-0001", DeviceKind.HEALTH_MONITOR, encoding), CLOCK, 1, 0);

    Outgoing out = device.next(messageClass, new DeviceLife(device).heartbeat());

    assertThat(out.topic().path()).isEqualTo(topic);
    assertThat(out.qos()).isEqualTo(qos);
    assertThat(EnvelopeCodec.decodeEnvelope(out.payload(), encoding)).isEqualTo(out.envelope());
    assertThat(out.envelope().getDeviceId()).isEqualTo("hm-0001");
    assertThat(out.envelope().getDeviceTime().getSeconds())
        .isEqualTo(CLOCK.instant().getEpochSecond());
  }

  @Test
  void sameSeedGivesTheSameMessagesAndAnotherSeedDoesNot() {
    assertThat(messages(42)).isEqualTo(messages(42));
    assertThat(messages(42)).isNotEqualTo(messages(43));
  }

  private static List<String> messages(long seed) {
    List<String> out = new ArrayList<>();
    for (DeviceKind kind : DeviceKind.values()) {
      SimDevice device = new SimDevice(spec(kind.idFor(1), kind, Encoding.JSON), CLOCK, seed, 0);
      DeviceLife life = new DeviceLife(device);
      for (int i = 0; i < 5; i++) {
        out.add(new String(device.next(MessageClass.TELEMETRY, life.heartbeat()).payload()));
        life.periodic(Duration.ofMinutes(1))
            .ifPresent(p -> out.add(new String(device.next(MessageClass.TELEMETRY, p).payload())));
      }
    }
    return out;
  }

  @Test
  void heartbeatsCarryFirmwareUptimeAndADrainingBatteryOnlyOnBatteryDevices() {
    SimDevice door =
        new SimDevice(spec("door-0001", DeviceKind.DOOR_CONTACT, Encoding.PROTOBUF), CLOCK, 1, 0);
    SimDevice valve =
        new SimDevice(spec("vlv-0001", DeviceKind.GAS_VALVE, Encoding.PROTOBUF), CLOCK, 1, 0);

    var doorBeat = new DeviceLife(door).heartbeat().getHeartbeat();
    var valveBeat = new DeviceLife(valve).heartbeat().getHeartbeat();

    assertThat(doorBeat.hasBatteryPercent()).isTrue();
    assertThat(doorBeat.getBatteryPercent()).isBetween(1, 100);
    assertThat(doorBeat.getSignalDbm()).isBetween(-110, -30);
    assertThat(doorBeat.getFirmware()).startsWith("door-fw-");
    assertThat(valveBeat.getMainsPowered()).isTrue();
    assertThat(valveBeat.hasBatteryPercent()).isFalse();
  }
}

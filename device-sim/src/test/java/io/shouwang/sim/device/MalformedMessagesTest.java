package io.shouwang.sim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.EnvelopeCodec;
import io.shouwang.schemas.Topic;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.sim.device.MalformedMessages.Bad;
import io.shouwang.sim.device.MalformedMessages.Kind;
import io.shouwang.sim.registry.DeviceKind;
import io.shouwang.sim.registry.DeviceSpec;
import io.shouwang.sim.registry.Protocol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MalformedMessagesTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

  private static SimDevice device(String id, DeviceKind kind) {
    return new SimDevice(
        new DeviceSpec(id, "hh-0001", kind, Encoding.PROTOBUF, Protocol.MQTT5, null), CLOCK, 1, 0);
  }

  private final List<SimDevice> household =
      List.of(
          device("btn-0001", DeviceKind.EMERGENCY_BUTTON),
          device("smk-0001", DeviceKind.SMOKE_ALARM),
          device("hm-0001", DeviceKind.HEALTH_MONITOR));

  private Map<Kind, Bad> oneOfEach() {
    List<Bad> burst =
        new MalformedMessages(household, new SplittableRandom(5), 1000).burst(Kind.values().length);
    return burst.stream().collect(Collectors.toMap(Bad::kind, b -> b));
  }

  @Test
  void aBurstCyclesThroughEveryKind() {
    List<Bad> burst = new MalformedMessages(household, new SplittableRandom(5), 1000).burst(20);

    assertThat(burst).hasSize(20);
    assertThat(burst.stream().map(Bad::kind).distinct()).containsExactlyInAnyOrder(Kind.values());
  }

  @Test
  void undecodableKindsReallyDoNotDecode() {
    Map<Kind, Bad> bad = oneOfEach();

    for (Kind kind : List.of(Kind.GARBAGE_BYTES, Kind.TRUNCATED_PROTOBUF, Kind.INVALID_JSON)) {
      Bad b = bad.get(kind);
      Encoding encoding = Topic.parse(b.topic()).orElseThrow().encoding();
      assertThatThrownBy(() -> EnvelopeCodec.decodeEnvelope(b.payload(), encoding))
          .as(kind.name())
          .isInstanceOf(InvalidProtocolBufferException.class);
    }
  }

  @Test
  void decodableKindsCarryTheAdvertisedFault() throws Exception {
    Map<Kind, Bad> bad = oneOfEach();

    assertThat(bad.get(Kind.OVERSIZED).payload().length).isGreaterThan(1000);
    Envelope impossible = decode(bad.get(Kind.IMPOSSIBLE_VALUES));
    assertThat(impossible.getHealth().getSpo2Percent()).isEqualTo(120f);
    assertThat(impossible.getHealth().getHeartRateBpm()).isEqualTo(-5f);
    Bad spoof = bad.get(Kind.SPOOFED_DEVICE_ID);
    assertThat(decode(spoof).getDeviceId())
        .isNotEqualTo(Topic.parse(spoof.topic()).orElseThrow().deviceId());
    assertThat(bad.get(Kind.DUPLICATE_SEQ).copies()).isEqualTo(2);
    Envelope skewed = decode(bad.get(Kind.CLOCK_SKEW));
    assertThat(
            Duration.ofSeconds(
                Math.abs(skewed.getDeviceTime().getSeconds() - CLOCK.instant().getEpochSecond())))
        .isEqualTo(Duration.ofDays(2));
    Bad unknown = bad.get(Kind.UNKNOWN_DEVICE);
    String unknownId = Topic.parse(unknown.topic()).orElseThrow().deviceId();
    assertThat(household.stream().map(SimDevice::id)).doesNotContain(unknownId);
    assertThat(decode(unknown).getDeviceId()).isEqualTo(unknownId);
  }

  private static Envelope decode(Bad bad) throws InvalidProtocolBufferException {
    return EnvelopeCodec.decodeEnvelope(
        bad.payload(), Topic.parse(bad.topic()).orElseThrow().encoding());
  }
}

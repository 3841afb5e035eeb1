package io.shouwang.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.registry.Registry;
import io.shouwang.gateway.testing.Envelopes;
import io.shouwang.gateway.testing.TestRegistries;
import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.EnvelopeCodec;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.Topic;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.HealthReading;
import io.shouwang.schemas.v1.Heartbeat;
import io.shouwang.schemas.v1.Motion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageValidatorTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static final String BUTTON_TOPIC = "shouwang/v1/event/btn-0001";

  private static Registry registry;
  private final MessageValidator validator =
      new MessageValidator(registry, 1024, Duration.ofMinutes(5));
  private final DuplicateFilter duplicates = new DuplicateFilter(64);

  @BeforeAll
  static void loadRegistry(@TempDir Path dir) throws Exception {
    registry = TestRegistries.households(dir, 2);
  }

  @Test
  void validPressIsAcceptedWithDeviceTimeAndPlacement() {
    Verdict verdict = validate(BUTTON_TOPIC, Envelopes.press("btn-0001", 1, NOW.minusSeconds(2)));

    assertThat(verdict).isInstanceOf(AcceptedMessage.class);
    AcceptedMessage accepted = (AcceptedMessage) verdict;
    assertThat(accepted.timestamp()).isEqualTo(NOW.minusSeconds(2).plusNanos(1));
    assertThat(accepted.clockSkewed()).isFalse();
    assertThat(accepted.messageClass()).isEqualTo(MessageClass.EVENT);
    assertThat(accepted.device().household().id()).isEqualTo("hh-0001");
  }

  @Test
  void jsonOnJsonTopicIsAccepted() {
    byte[] json = EnvelopeCodec.encode(Envelopes.vitals("hm-0002", 1, NOW, 72, 97), Encoding.JSON);

    assertThat(validator.validate(message("shouwang/v1/telemetry/hm-0002/json", json), duplicates))
        .isInstanceOf(AcceptedMessage.class);
  }

  @Test
  void deviceClockFarOffIsStoredWithReceiveTimeAndFlagged() {
    Verdict verdict = validate(BUTTON_TOPIC, Envelopes.press("btn-0001", 1, NOW.minus(Duration.ofDays(2))));

    AcceptedMessage accepted = (AcceptedMessage) verdict;
    assertThat(accepted.clockSkewed()).isTrue();
    assertThat(accepted.timestamp()).isEqualTo(NOW.plusNanos(1));
  }

  static Stream<Arguments> rejections() {
    Function<Envelope.Builder, Envelope.Builder> keep = b -> b;
    return Stream.of(
        Arguments.of("unknown device", "shouwang/v1/event/btn-9999",
            env("btn-9999", keep), RejectReason.UNKNOWN_DEVICE),
        Arguments.of("bad topic", "shouwang/v1/alarm/btn-0001",
            env("btn-0001", keep), RejectReason.BAD_TOPIC),
        Arguments.of("spoofed device id", BUTTON_TOPIC,
            env("btn-0002", keep), RejectReason.DEVICE_MISMATCH),
        Arguments.of("no payload", BUTTON_TOPIC,
            env("btn-0001", Envelope.Builder::clearPayload), RejectReason.MISSING_FIELD),
        Arguments.of("seq zero", BUTTON_TOPIC,
            env("btn-0001", b -> b.setSeq(0)), RejectReason.MISSING_FIELD),
        Arguments.of("no device time", BUTTON_TOPIC,
            env("btn-0001", Envelope.Builder::clearDeviceTime), RejectReason.MISSING_FIELD),
        Arguments.of("button sending vitals", BUTTON_TOPIC,
            env("btn-0001", b -> b.setHealth(HealthReading.newBuilder().setHeartRateBpm(70))),
            RejectReason.KIND_MISMATCH),
        Arguments.of("SpO2 over 100", "shouwang/v1/telemetry/hm-0001/json",
            env("hm-0001", b -> b.setHealth(HealthReading.newBuilder().setSpo2Percent(120))),
            RejectReason.IMPOSSIBLE_VALUE),
        Arguments.of("negative heart rate", "shouwang/v1/telemetry/hm-0001/json",
            env("hm-0001", b -> b.setHealth(HealthReading.newBuilder().setHeartRateBpm(-5))),
            RejectReason.IMPOSSIBLE_VALUE),
        Arguments.of("NaN heart rate", "shouwang/v1/telemetry/hm-0001/json",
            env("hm-0001", b -> b.setHealth(HealthReading.newBuilder().setHeartRateBpm(Float.NaN))),
            RejectReason.IMPOSSIBLE_VALUE),
        Arguments.of("diastolic above systolic", "shouwang/v1/telemetry/hm-0001/json",
            env("hm-0001", b -> b.setHealth(
                HealthReading.newBuilder().setSystolicMmhg(80).setDiastolicMmhg(120))),
            RejectReason.IMPOSSIBLE_VALUE),
        Arguments.of("battery 150%", "shouwang/v1/telemetry/btn-0001",
            env("btn-0001", b -> b.setHeartbeat(Heartbeat.newBuilder().setBatteryPercent(150))),
            RejectReason.IMPOSSIBLE_VALUE),
        Arguments.of("motion with zero interval", "shouwang/v1/telemetry/pir-0001",
            env("pir-0001", b -> b.setMotion(Motion.newBuilder().setCount(3))),
            RejectReason.IMPOSSIBLE_VALUE),
        Arguments.of("button press without action", BUTTON_TOPIC,
            env("btn-0001", b -> b.setEmergencyButton(
                io.shouwang.schemas.v1.EmergencyButton.getDefaultInstance())),
            RejectReason.IMPOSSIBLE_VALUE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejections")
  void refusesWithSpecificReason(String name, String topic, Envelope envelope, RejectReason reason) {
    Encoding encoding = Topic.parse(topic).map(Topic::encoding).orElse(Encoding.PROTOBUF);

    Verdict verdict = validator.validate(message(topic, EnvelopeCodec.encode(envelope, encoding)),
        duplicates);

    assertThat(verdict).isInstanceOfSatisfying(Rejection.class,
        r -> assertThat(r.reason()).isEqualTo(reason));
  }

  @Test
  void garbageBytesAreMalformed() {
    byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0x00, 0x13, 0x37};

    Verdict verdict = validator.validate(message(BUTTON_TOPIC, garbage), duplicates);

    assertThat(((Rejection) verdict).reason()).isEqualTo(RejectReason.MALFORMED);
  }

  @Test
  void invalidJsonIsMalformed() {
    byte[] json = "{\"deviceId\": \"hm-0001\", ".getBytes(StandardCharsets.UTF_8);

    Verdict verdict = validator.validate(message("shouwang/v1/telemetry/hm-0001/json", json),
        duplicates);

    assertThat(((Rejection) verdict).reason()).isEqualTo(RejectReason.MALFORMED);
  }

  @Test
  void oversizedPayloadIsRefusedBeforeDecoding() {
    Verdict verdict = validator.validate(message(BUTTON_TOPIC, new byte[1025]), duplicates);

    assertThat(((Rejection) verdict).reason()).isEqualTo(RejectReason.OVERSIZED);
  }

  @Test
  void twoMessagesInTheSameClockTickGetDistinctTimestamps() {
    AcceptedMessage press = (AcceptedMessage) validate(BUTTON_TOPIC, Envelopes.press("btn-0001", 1, NOW));
    AcceptedMessage cancel = (AcceptedMessage) validate(BUTTON_TOPIC, Envelopes.press("btn-0001", 2, NOW));

    assertThat(press.timestamp()).isNotEqualTo(cancel.timestamp());
    assertThat(MessageValidator.storedTimestamp(NOW, 1)).isEqualTo(press.timestamp());
  }

  @Test
  void secondCopyOfSameSequenceIsDuplicate() {
    Envelope press = Envelopes.press("btn-0001", 7, NOW);
    validate(BUTTON_TOPIC, press);

    Verdict second = validate(BUTTON_TOPIC, press);

    assertThat(((Rejection) second).reason()).isEqualTo(RejectReason.DUPLICATE);
  }

  @Test
  void rejectionDetailNeverCarriesTheHealthValue() {
    Envelope bad = Envelopes.base("hm-0001", 1, NOW)
        .setHealth(HealthReading.newBuilder().setSpo2Percent(123.456f)).build();

    Verdict verdict = validator.validate(
        message("shouwang/v1/telemetry/hm-0001/json", EnvelopeCodec.encode(bad, Encoding.JSON)),
        duplicates);

    assertThat(((Rejection) verdict).detail()).contains("spo2_percent").doesNotContain("123");
  }

  private Verdict validate(String topic, Envelope envelope) {
    return validator.validate(message(topic, EnvelopeCodec.encode(envelope, Encoding.PROTOBUF)),
        duplicates);
  }

  private static Envelope env(String deviceId, Function<Envelope.Builder, Envelope.Builder> change) {
    return change.apply(Envelopes.press(deviceId, 1, NOW).toBuilder()).build();
  }

  static InboundMessage message(String topic, byte[] payload) {
    return new InboundMessage(topic, Topic.parse(topic), payload, 1, NOW, System.nanoTime(),
        new InboundMessage.Acknowledger() {
          @Override
          public void ack() {}

          @Override
          public void redeliverLater() {}
        });
  }
}

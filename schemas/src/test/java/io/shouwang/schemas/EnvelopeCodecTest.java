package io.shouwang.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.shouwang.schemas.v1.ButtonFeedback;
import io.shouwang.schemas.v1.Command;
import io.shouwang.schemas.v1.EmergencyButton;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.HealthReading;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnvelopeCodecTest {

  private static final Envelope PRESS =
      Envelope.newBuilder()
          .setDeviceId("btn-0001")
          .setSeq(42)
          .setBootId(7)
          .setDeviceTime(Timestamp.newBuilder().setSeconds(1_763_700_000L).setNanos(5_000))
          .setEmergencyButton(EmergencyButton.newBuilder().setAction(EmergencyButton.Action.PRESS))
          .build();

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void envelopeSurvivesARoundTripInEitherEncoding(Encoding encoding) throws Exception {
    byte[] bytes = EnvelopeCodec.encode(PRESS, encoding);

    assertThat(EnvelopeCodec.decodeEnvelope(bytes, encoding)).isEqualTo(PRESS);
  }

  @Test
  void jsonUsesProtobufCanonicalMapping() throws Exception {
    String json =
        "{\"deviceId\":\"hm-1\",\"seq\":\"3\",\"bootId\":1,"
            + "\"deviceTime\":\"2025-11-21T10:00:00Z\","
            + "\"health\":{\"heartRateBpm\":72,\"spo2Percent\":97.5,\"quality\":\"GOOD\"}}";

    Envelope envelope =
        EnvelopeCodec.decodeEnvelope(json.getBytes(StandardCharsets.UTF_8), Encoding.JSON);

    assertThat(envelope.getPayloadCase()).isEqualTo(Envelope.PayloadCase.HEALTH);
    assertThat(envelope.getHealth().getHeartRateBpm()).isEqualTo(72f);
    assertThat(envelope.getHealth().hasSystolicMmhg()).isFalse();
    assertThat(envelope.getHealth().getQuality()).isEqualTo(HealthReading.Quality.GOOD);
  }

  @Test
  void jsonWithUnknownFieldIsRejected() {
    byte[] json = "{\"deviceId\":\"hm-1\",\"pulse\":72}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> EnvelopeCodec.decodeEnvelope(json, Encoding.JSON))
        .isInstanceOf(InvalidProtocolBufferException.class);
  }

  @Test
  void garbageProtobufIsRejected() {
    byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01};

    assertThatThrownBy(() -> EnvelopeCodec.decodeEnvelope(garbage, Encoding.PROTOBUF))
        .isInstanceOf(InvalidProtocolBufferException.class);
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void commandSurvivesARoundTrip(Encoding encoding) throws Exception {
    Command command =
        Command.newBuilder()
            .setCommandId("cmd-1")
            .setDeviceId("btn-0001")
            .setButtonFeedback(
                ButtonFeedback.newBuilder().setSignal(ButtonFeedback.Signal.HELP_COMING))
            .build();

    assertThat(EnvelopeCodec.decodeCommand(EnvelopeCodec.encode(command, encoding), encoding))
        .isEqualTo(command);
  }
}

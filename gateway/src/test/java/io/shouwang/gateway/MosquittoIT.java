package io.shouwang.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shouwang.gateway.ingest.AlertPath;
import io.shouwang.gateway.testing.Envelopes;
import io.shouwang.gateway.testing.GatewayFixture;
import io.shouwang.gateway.testing.MosquittoProcess;
import io.shouwang.gateway.testing.TestPublisher;
import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.EnvelopeCodec;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.Topic;
import io.shouwang.schemas.v1.Motion;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The gateway against a real Mosquitto, with cheap MQTT 3.1.1 devices beside MQTT 5 ones. */
@Timeout(300)
class MosquittoIT {

  @TempDir Path dir;

  @Test
  void mqtt311AndMqtt5DevicesReachTheStoreThroughMosquitto() throws Exception {
    try (MosquittoProcess mosquitto = new MosquittoProcess(dir.resolve("mosquitto")).start();
        GatewayFixture f = GatewayFixture.startWithBroker(dir, 3, mosquitto.url(), AlertPath.NONE);
        TestPublisher v5 = new TestPublisher(mosquitto.url())) {
      MqttClient v311 = new MqttClient(mosquitto.url(), "pir-test", new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
      v311.connect(options);
      Instant t0 = Instant.now();
      for (int seq = 1; seq <= 30; seq++) {
        for (int h = 1; h <= 3; h++) {
          String pir = IngestEndToEndIT.id("pir", h);
          byte[] motion = EnvelopeCodec.encode(Envelopes.base(pir, seq, t0.plusMillis(seq))
              .setMotion(Motion.newBuilder().setCount(seq % 4).setIntervalS(60)).build(),
              Encoding.PROTOBUF);
          v311.publish(new Topic(MessageClass.TELEMETRY, pir, Encoding.PROTOBUF).path(), motion, 1,
              false);
          v5.publish(MessageClass.EVENT,
              Envelopes.smokeAlarm(IngestEndToEndIT.id("smk", h), seq, t0.plusMillis(seq)),
              Encoding.PROTOBUF, 1);
        }
      }
      v311.disconnect();
      v311.close();

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        assertThat(f.rows("motion")).isEqualTo(90);
        assertThat(f.rows("smoke_alarm")).isEqualTo(90);
      });
    }
  }
}

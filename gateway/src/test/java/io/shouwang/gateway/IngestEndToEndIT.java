package io.shouwang.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shouwang.gateway.ingest.AcceptedMessage;
import io.shouwang.gateway.ingest.AlertPath;
import io.vertx.core.Future;
import io.shouwang.gateway.testing.Envelopes;
import io.shouwang.gateway.testing.GatewayFixture;
import io.shouwang.gateway.testing.TestPublisher;
import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.MessageClass;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Devices → real MQTT broker → gateway → real time-series server, counted end to end. */
@Timeout(300)
class IngestEndToEndIT {

  @TempDir Path dir;

  @Test
  void everyMessageBecomesExactlyOnePoint() throws Exception {
    int households = 20;
    int heartbeatsEach = 100;
    int vitalsEach = 50;
    try (GatewayFixture f = GatewayFixture.start(dir, households, AlertPath.NONE, Map.of());
        TestPublisher device = new TestPublisher(f.brokerUrl())) {
      Instant t0 = Instant.now();
      for (int seq = 1; seq <= heartbeatsEach; seq++) {
        for (int h = 1; h <= households; h++) {
          device.publish(MessageClass.TELEMETRY,
              Envelopes.heartbeat(id("btn", h), seq, t0.plusMillis(seq)), Encoding.PROTOBUF, 1);
          if (seq <= vitalsEach) {
            device.publish(MessageClass.TELEMETRY,
                Envelopes.vitals(id("hm", h), seq, t0.plusMillis(seq), 70, 97), Encoding.JSON, 1);
          }
        }
      }

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        assertThat(f.rows("heartbeat")).isEqualTo((long) households * heartbeatsEach);
        assertThat(f.rows("health")).isEqualTo((long) households * vitalsEach);
      });
      assertThat(f.counter("shouwang.ingest.rejected")).isZero();
    }
  }

  @Test
  void eventsSurviveABrokerRestartMidRun() throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    AlertPath listener = m -> {
      seen.add(key(m));
      return Future.succeededFuture();
    };
    int buttons = 10;
    int pressesEach = 20;
    try (GatewayFixture f = GatewayFixture.start(dir, buttons, listener, Map.of());
        TestPublisher device = new TestPublisher(f.brokerUrl())) {
      Instant t0 = Instant.now();
      for (int seq = 1; seq <= pressesEach; seq++) {
        if (seq == pressesEach / 2) {
          f.broker.stop();
          f.broker.start();
        }
        for (int b = 1; b <= buttons; b++) {
          device.publishUntilAcknowledged(MessageClass.EVENT,
              Envelopes.press(id("btn", b), seq, t0.plusMillis(seq)));
        }
      }

      await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
          assertThat(f.rows("emergency_button")).isEqualTo((long) buttons * pressesEach));
      assertThat(seen).hasSize(buttons * pressesEach);
    }
  }

  private static String key(AcceptedMessage m) {
    return m.envelope().getDeviceId() + "#" + m.envelope().getSeq();
  }

  static String id(String prefix, int household) {
    return prefix + "-" + String.format("%04d", household);
  }
}

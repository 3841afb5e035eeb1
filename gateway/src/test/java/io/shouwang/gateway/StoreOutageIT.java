package io.shouwang.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shouwang.gateway.ingest.AlertPath;
import io.shouwang.gateway.testing.Envelopes;
import io.shouwang.gateway.testing.GatewayFixture;
import io.shouwang.gateway.testing.TestPublisher;
import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.MessageClass;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The time-series server goes away mid-run: points spool, /ready says so, and all arrive later. */
@Timeout(300)
class StoreOutageIT {

  @TempDir Path dir;

  @Test
  void pointsSpoolDuringAnOutageAndAllArriveAfterIt() throws Exception {
    int households = 10;
    try (GatewayFixture f = GatewayFixture.start(dir, households, AlertPath.NONE, Map.of());
        TestPublisher device = new TestPublisher(f.brokerUrl())) {
      Instant t0 = Instant.now();
      publishHeartbeats(device, households, 1, 100, t0);
      await().atMost(Duration.ofSeconds(60))
          .until(() -> f.rows("heartbeat") == households * 100L);

      f.timeSeries.stop();
      publishHeartbeats(device, households, 101, 200, t0);
      await().atMost(Duration.ofSeconds(60))
          .until(() -> spooledPoints(f) >= households * 100.0);
      assertThat(ready(f)).isEqualTo(503);

      f.timeSeries.start();
      await().atMost(Duration.ofSeconds(90))
          .until(() -> f.rows("heartbeat") == households * 200L);
      await().atMost(Duration.ofSeconds(30)).until(() -> ready(f) == 200);
    }
  }

  private static double spooledPoints(GatewayFixture f) {
    return f.counter("shouwang.points.spooled");
  }

  private static void publishHeartbeats(TestPublisher device, int households, int fromSeq,
      int toSeq, Instant t0) throws Exception {
    for (int seq = fromSeq; seq <= toSeq; seq++) {
      for (int h = 1; h <= households; h++) {
        device.publish(MessageClass.TELEMETRY,
            Envelopes.heartbeat(IngestEndToEndIT.id("btn", h), seq, t0.plusMillis(seq)),
            Encoding.PROTOBUF, 1);
      }
    }
  }

  private static int ready(GatewayFixture f) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.gateway().httpPort() + "/ready"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }
}

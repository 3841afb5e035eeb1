package io.shouwang.sim.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shouwang.sim.cli.SimCli;
import io.shouwang.sim.testing.EmbeddedBrokerExtension;
import io.shouwang.sim.testing.Recorder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LoadIT {

  @TempDir static Path dir;

  @RegisterExtension static final EmbeddedBrokerExtension broker = new EmbeddedBrokerExtension();

  @Test
  void qos1LoadIsFullyAcknowledgedAndSummarisedAsJson() throws Exception {
    // GIVEN 40 households over MQTT 5 and 3.1.1 connections, against a broker whose receive
    // maximum (10) is far below the simulator's --max-inflight, so the window must hold back
    Path summary = dir.resolve("summary.json");
    StringWriter out = new StringWriter();

    // WHEN load runs for three seconds at QoS 1
    int exit =
        SimCli.execute(
            new String[] {
              "load",
              "--broker",
              broker.uri(),
              "--households",
              "40",
              "--mqtt311-share",
              "0.3",
              "--connections",
              "2",
              "--duration",
              "3s",
              "--qos",
              "1",
              "--max-inflight",
              "500",
              "--summary-json",
              summary.toString()
            },
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true));

    // THEN every message sent was acknowledged, without errors, and the JSON says so
    assertThat(exit).isZero();
    JsonNode json = new ObjectMapper().readTree(summary.toFile());
    assertThat(json.get("sent").asLong()).isPositive();
    assertThat(json.get("acked").asLong()).isEqualTo(json.get("sent").asLong());
    assertThat(json.get("errorsTotal").asLong()).isZero();
    assertThat(json.get("notCompleted").asLong()).isZero();
    assertThat(json.get("connections").asInt()).isEqualTo(4);
    assertThat(json.get("qos").asInt()).isEqualTo(1);
    assertThat(json.get("avgSentPerSecond").asDouble()).isPositive();
    assertThat(json.get("peakSentPerSecond").asLong()).isPositive();
    assertThat(out.toString())
        .contains("load summary")
        .contains("sent " + json.get("sent").asLong());
  }

  @Test
  void rateLimitedLoadStaysNearItsTargetAndEveryMessageIsAValidEnvelope() throws Exception {
    try (Recorder recorder = new Recorder(broker.uri())) {
      Path summary = dir.resolve("rated.json");

      int exit =
          SimCli.execute(
              new String[] {
                "load",
                "--broker",
                broker.uri(),
                "--households",
                "5",
                "--connections",
                "1",
                "--duration",
                "3s",
                "--rate",
                "100",
                "--qos",
                "1",
                "--summary-json",
                summary.toString()
              },
              new PrintWriter(new StringWriter(), true),
              new PrintWriter(new StringWriter(), true));

      assertThat(exit).isZero();
      JsonNode json = new ObjectMapper().readTree(summary.toFile());
      assertThat(json.get("sent").asLong()).isBetween(200L, 330L);
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(20))
          .until(() -> recorder.all().size() >= json.get("acked").asLong());
      assertThat(recorder.all())
          .allSatisfy(
              r -> {
                assertThat(r.envelope().getDeviceId()).isEqualTo(r.parsedTopic().deviceId());
                assertThat(r.envelope().getSeq()).isPositive();
                assertThat(r.envelope().getPayloadCase())
                    .isNotEqualTo(io.shouwang.schemas.v1.Envelope.PayloadCase.PAYLOAD_NOT_SET);
              });
    }
  }

  @Test
  void aWarmUpRunsTheSameLoadButIsLeftOutOfTheSummary() throws Exception {
    try (Recorder recorder = new Recorder(broker.uri())) {
      Path summary = dir.resolve("warm.json");
      StringWriter err = new StringWriter();

      // WHEN 100 msg/s run for a 2 s warm-up and then 2 s measured
      int exit =
          SimCli.execute(
              new String[] {
                "load", "--broker", broker.uri(), "--households", "5", "--connections", "1",
                "--warmup", "2s", "--duration", "2s", "--rate", "100", "--qos", "1",
                "--summary-json", summary.toString()
              },
              new PrintWriter(new StringWriter(), true),
              new PrintWriter(err, true));

      // THEN the summary covers the measured 2 s only, while the broker got both phases
      assertThat(exit).isZero();
      assertThat(err.toString()).contains("load: warm-up over, measuring for 2s");
      JsonNode json = new ObjectMapper().readTree(summary.toFile());
      long measured = json.get("sent").asLong();
      assertThat(measured).isBetween(130L, 230L);
      assertThat(json.get("acked").asLong()).isEqualTo(measured);
      assertThat(json.get("durationSeconds").asDouble()).isBetween(1.9, 2.5);
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(20))
          .until(() -> recorder.all().size() >= measured + 130);
    }
  }
}

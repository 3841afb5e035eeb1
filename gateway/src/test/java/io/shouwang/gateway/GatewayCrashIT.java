package io.shouwang.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shouwang.gateway.embedded.EmbeddedTimeSeries;
import io.shouwang.gateway.testing.Envelopes;
import io.shouwang.gateway.testing.FreePorts;
import io.shouwang.gateway.testing.GatewayProcess;
import io.shouwang.gateway.testing.MosquittoProcess;
import io.shouwang.gateway.testing.TestPublisher;
import io.shouwang.gateway.testing.TestRegistries;
import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.GasDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway process is killed with SIGKILL while devices publish, then started again: every
 * message the broker acknowledged to a device ends up as exactly one point. What makes it hold:
 * the persistent MQTT session (the broker keeps what the gateway had not acknowledged, and what
 * arrives while it is dead), acknowledgement only after the point is stored, and idempotent points
 * (the store de-duplicates a redelivered point on its timestamp and device).
 */
@Timeout(300)
class GatewayCrashIT {

  private static final int HOUSEHOLDS = 20;
  /** Every EVENT_EVERY-th round, each gas detector sends an event (the other connection). */
  private static final int EVENT_EVERY = 10;
  /** Bounds the publisher even if a condition below never came true. */
  private static final int MAX_ROUNDS = 20_000;

  /** Outside the temporary folder, so a failure leaves the gateway's logs behind. */
  private static final Path LOGS = Path.of("target/it-logs/GatewayCrashIT");

  @TempDir Path dir;

  @Test
  void everyAcknowledgedMessageIsExactlyOnePointAfterAKill9MidRun() throws Exception {
    try (MosquittoProcess mosquitto = new MosquittoProcess(dir.resolve("mosquitto")).start();
        EmbeddedTimeSeries store =
            new EmbeddedTimeSeries(dir.resolve("timeseries"), "127.0.0.1", FreePorts.next());
        TestPublisher device = new TestPublisher(mosquitto.url())) {
      store.start();
      Map<String, String> env = new HashMap<>();
      env.put("SHOUWANG_MQTT_URL", mosquitto.url());
      // The same client ids after the restart: that is what finds the persistent session again.
      env.put("SHOUWANG_MQTT_CLIENT_ID_PREFIX", "gw-crash");
      env.put("SHOUWANG_MQTT_RECONNECT_MIN_DELAY", "1s");
      env.put("SHOUWANG_MQTT_RECONNECT_MAX_DELAY", "2s");
      env.put("SHOUWANG_INFLUX_URL", store.url());
      env.put("SHOUWANG_REGISTRY_FILE", TestRegistries.write(dir, HOUSEHOLDS).toString());
      env.put("SHOUWANG_STORAGE_SPOOL_DIR", dir.resolve("spool").toString());
      env.put("SHOUWANG_ALERTING_DATABASE", dir.resolve("alerting/incidents.db").toString());
      env.put("SHOUWANG_ALERTING_CONSOLE", "false");
      Files.createDirectories(LOGS);
      try (GatewayProcess gateway = new GatewayProcess(env, LOGS).start()) {
        Publisher publisher = new Publisher(device, Instant.now());
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(publisher::run);

        // Kill while points are being written and devices keep publishing.
        await().atMost(Duration.ofSeconds(60)).until(() -> store.count("heartbeat") >= 500);
        gateway.kill();
        long ackedAtKill = publisher.telemetryAcked.get();
        assertThat(gateway.alive()).isFalse();
        assertThat(publishing).isNotDone();

        // Devices go on while the gateway is dead; the broker keeps it for the gateway's session.
        await().atMost(Duration.ofSeconds(60))
            .until(() -> publisher.telemetryAcked.get() >= ackedAtKill + 1_000);
        gateway.start();
        long ackedAtRestart = publisher.telemetryAcked.get();
        await().atMost(Duration.ofSeconds(60))
            .until(() -> publisher.telemetryAcked.get() >= ackedAtRestart + 1_000);
        publisher.stop.set(true);
        publishing.get(60, TimeUnit.SECONDS);

        long telemetry = publisher.telemetryAcked.get();
        long events = publisher.eventsAcked.get();
        assertThat(telemetry).isLessThan(2L * HOUSEHOLDS * MAX_ROUNDS);
        try {
          await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(store.count("heartbeat")).isEqualTo(telemetry);
            assertThat(store.count("gas_detector")).isEqualTo(events);
          });
        } finally {
          // Evidence for a failure: what the gateway counted, and each device's rows and seq range.
          Files.writeString(LOGS.resolve("metrics.txt"), gateway.metrics());
          Files.writeString(LOGS.resolve("rows-per-device.txt"), store.query(
              "SELECT device_id, count(), min(seq), max(seq) FROM heartbeat ORDER BY device_id")
              + "\nacknowledged: " + telemetry + " heartbeats over " + publisher.rounds.get()
              + " rounds, " + events + " events\n");
        }
        // Exactly one point per message: one row per (device, seq), and no seq beyond the last.
        assertThat(store.query("SELECT * FROM (SELECT device_id, seq, count() n FROM heartbeat"
            + " GROUP BY device_id, seq) WHERE n > 1")).isEmpty();
        assertThat(store.count("SELECT count_distinct(concat(device_id, '/', seq)) FROM heartbeat"))
            .isEqualTo(telemetry);
        assertThat(store.count("SELECT max(seq) FROM heartbeat")).isEqualTo(publisher.rounds.get());
      }
    }
  }

  /**
   * Heartbeats from a button and a smoke alarm of every household, round after round, at QoS 1;
   * counts what the broker acknowledged (Paho's publish returns only after the PUBACK).
   */
  private static final class Publisher {
    final AtomicLong telemetryAcked = new AtomicLong();
    final AtomicLong eventsAcked = new AtomicLong();
    final AtomicLong rounds = new AtomicLong();
    final AtomicBoolean stop = new AtomicBoolean();
    private final TestPublisher device;
    private final Instant t0;

    Publisher(TestPublisher device, Instant t0) {
      this.device = device;
      this.t0 = t0;
    }

    void run() {
      try {
        for (int seq = 1; seq <= MAX_ROUNDS && !stop.get(); seq++) {
          // Distinct timestamps per device and seq: the store keys points on (timestamp, device).
          Instant at = t0.plusMillis(seq);
          for (int h = 1; h <= HOUSEHOLDS; h++) {
            for (String kind : new String[] {"btn", "smk"}) {
              device.publish(MessageClass.TELEMETRY,
                  Envelopes.heartbeat(IngestEndToEndIT.id(kind, h), seq, at), Encoding.PROTOBUF, 1);
              telemetryAcked.incrementAndGet();
            }
            if (seq % EVENT_EVERY == 0) {
              // A benign event: it travels on the event connection without raising an incident.
              Envelope normal = Envelopes.base(IngestEndToEndIT.id("gas", h), seq, at)
                  .setGasDetector(GasDetector.newBuilder()
                      .setAlarm(GasDetector.Alarm.NORMAL).setLelPercent(0.2f))
                  .build();
              device.publish(MessageClass.EVENT, normal, Encoding.PROTOBUF, 1);
              eventsAcked.incrementAndGet();
            }
          }
          rounds.set(seq);
        }
      } catch (Exception e) {
        // The broker never goes away in this test: a failed publish is a failure of the test.
        throw new IllegalStateException("publish failed", e);
      }
    }
  }
}

package io.shouwang.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shouwang.alerting.AlertEngine;
import io.shouwang.alerting.Cause;
import io.shouwang.alerting.Incident;
import io.shouwang.alerting.IncidentState;
import io.shouwang.gateway.ingest.AlertPath;
import io.shouwang.gateway.testing.DeviceSimProcess;
import io.shouwang.gateway.testing.Envelopes;
import io.shouwang.gateway.testing.GatewayFixture;
import io.shouwang.gateway.testing.TestPublisher;
import io.shouwang.gateway.testing.WebhookReceiver;
import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.MessageClass;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices (the simulator's jar, or a test client) → broker → gateway → alert engine → pages and
 * device commands, all real: an embedded HiveMQ, QuestDB, SQLite and a local HTTP receiver.
 */
@Timeout(300)
class AlertingEndToEndIT {

  static final String SECRET = "a-webhook-secret-of-enough-length";

  @TempDir Path dir;

  @Test
  void pressIsPagedToTheCaregiverOverTheWebhookWithWhoWhereAndWhat() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver();
        GatewayFixture f = GatewayFixture.start(dir, 1, AlertPath.NONE, Map.of(
            "SHOUWANG_CHANNELS_WEBHOOK_URL", receiver.url(),
            "SHOUWANG_CHANNELS_WEBHOOK_SECRET", SECRET));
        TestPublisher device = new TestPublisher(f.brokerUrl())) {

      device.publish(MessageClass.EVENT, Envelopes.press("btn-0001", 1, Instant.now()),
          Encoding.PROTOBUF, 1);

      await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received().isEmpty());
      WebhookReceiver.Received page = receiver.received().get(0);
      JsonObject body = page.body();
      assertThat(body.getJsonObject("recipient").getString("id")).isEqualTo("cg-1");
      assertThat(body.getJsonObject("data").getString("householdId")).isEqualTo("hh-0001");
      assertThat(body.getJsonObject("data").getString("cause")).isEqualTo("emergency_button");
      assertThat(body.getString("title") + body.getString("body"))
          .contains("Resident 0001").contains("101");
      assertThat(page.headers()).containsKey("idempotency-key").containsKey("x-shouwang-signature");
      Incident incident = only(engine(f), Cause.EMERGENCY_BUTTON);
      assertThat(incident.state()).isEqualTo(IncidentState.PAGED);
    }
  }

  @Test
  void gasLeakClosesTheValveAndTheIncidentRecordsTheConfirmation() throws Exception {
    try (GatewayFixture f = GatewayFixture.start(dir, 1, AlertPath.NONE, rules("8s"))) {
      Process sim = gasLeak(f, "gas-leak");

      assertThat(sim.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(sim.exitValue()).as("simulator log: %s", simLog()).isZero();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        Incident gas = only(engine(f), Cause.GAS_LEAK);
        assertThat(gas.timeline()).anySatisfy(e -> {
          assertThat(e.action()).isEqualTo("cleared");
          assertThat(e.detail()).contains("valve closed");
        });
        assertThat(gas.timeline()).noneMatch(e -> e.action().equals("escalated"));
      });
    }
  }

  @Test
  void valveThatIgnoresTheCommandEscalatesAsValveFailedToClose() throws Exception {
    try (GatewayFixture f = GatewayFixture.start(dir, 1, AlertPath.NONE, rules("5s"))) {
      Process sim = gasLeak(f, "gas-leak-stuck-valve");

      await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
        Incident gas = only(engine(f), Cause.GAS_LEAK);
        assertThat(gas.timeline()).anySatisfy(e -> {
          assertThat(e.action()).isEqualTo("escalated");
          assertThat(e.detail()).contains("valve failed to close");
        });
      });
      sim.destroy();
    }
  }

  @Test
  void unpluggedButtonMeansProtectionLost() throws Exception {
    Map<String, String> env = new HashMap<>(rules("20s"));
    try (GatewayFixture f = GatewayFixture.start(dir, 1, AlertPath.NONE, env);
        TestPublisher button = new TestPublisher(f.brokerUrl())) {
      button.publish(MessageClass.TELEMETRY, Envelopes.heartbeat("btn-0001", 1, Instant.now()),
          Encoding.PROTOBUF, 1);

      // Then nothing more from the button: it was unplugged.
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        Incident lost = only(engine(f), Cause.PROTECTION_LOST);
        assertThat(lost.householdId()).isEqualTo("hh-0001");
        assertThat(lost.deviceId()).isEqualTo("btn-0001");
      });
    }
  }

  private Process gasLeak(GatewayFixture f, String scenario) throws Exception {
    return DeviceSimProcess.start(dir.resolve("sim.log"), "scenario", scenario,
        "--broker", f.brokerUrl(), "--registry", dir.resolve("registry-1.yaml").toString(),
        "--household", "hh-0001", "--step", "1s", "--valve-travel", "1s",
        "--command-timeout", "30s");
  }

  private String simLog() throws Exception {
    Path log = dir.resolve("sim.log");
    return Files.exists(log) ? Files.readString(log) : "(none)";
  }

  /** A rules file with a short gas confirmation window and a 3 s silence window for buttons. */
  private Map<String, String> rules(String gasConfirm) throws Exception {
    Path file = dir.resolve("rules.yaml");
    Files.writeString(file, """
        rules:
          gas:
            confirmWithin: %s
          supervision:
            silence:
              emergency_button: 3s
        """.formatted(gasConfirm));
    return Map.of("SHOUWANG_ALERTING_RULES_FILE", file.toString());
  }

  private static AlertEngine engine(GatewayFixture f) {
    return f.gateway().alerting().orElseThrow().engine();
  }

  private static Incident only(AlertEngine engine, Cause cause) {
    Optional<Incident> found = engine.openIncidents().stream()
        .filter(i -> i.cause() == cause).findFirst();
    assertThat(found).as("open %s incident among %s", cause, engine.openIncidents()).isPresent();
    return found.get();
  }
}

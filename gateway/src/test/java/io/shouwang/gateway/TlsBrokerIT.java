package io.shouwang.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.shouwang.gateway.ingest.AlertPath;
import io.shouwang.gateway.notify.LogCapture;
import io.shouwang.gateway.testing.ApiClient;
import io.shouwang.gateway.testing.CommandRecorder;
import io.shouwang.gateway.testing.Envelopes;
import io.shouwang.gateway.testing.GatewayFixture;
import io.shouwang.gateway.testing.GatewayProcess;
import io.shouwang.gateway.testing.TestCertificates;
import io.shouwang.gateway.testing.TestPublisher;
import io.shouwang.gateway.testing.TlsBroker;
import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.Topic;
import io.shouwang.schemas.v1.ValveCommand;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway reaching its broker over TLS through {@code mqtt.trustStore}: a private CA and the
 * broker's key are made at test time, the broker is an in-process HiveMQ with only a TLS
 * listener, and devices are Paho clients trusting the same CA.
 */
@Timeout(300)
class TlsBrokerIT {

  /** Both names the gateway may use for a broker on this machine. */
  private static final String BROKER_NAMES = "dns:localhost,ip:127.0.0.1";

  @TempDir Path dir;

  @Test
  void devicesReachTheStoreAndValvesGetTheirCommandsOverTls() throws Exception {
    TestCertificates site = TestCertificates.authority(dir.resolve("pki"), "site");
    try (TlsBroker broker = new TlsBroker(dir.resolve("broker"),
            site.issueServerKeyStore("broker", BROKER_NAMES)).start();
        GatewayFixture f = GatewayFixture.startWithBroker(dir, 1, broker.url(), AlertPath.NONE,
            trusting(site.trustStore()));
        TestPublisher device = new TestPublisher(broker.url(), site.clientSockets())) {
      Encoding valveEncoding = f.registry.device("vlv-0001").orElseThrow().device().encoding();
      CommandRecorder commands = new CommandRecorder(valveEncoding);
      MqttClient valve = new MqttClient(broker.url(), "vlv-0001", new MemoryPersistence());
      MqttConnectionOptions valveOptions = new MqttConnectionOptions();
      valveOptions.setSocketFactory(site.clientSockets());
      valve.setCallback(commands);
      valve.connect(valveOptions);
      valve.subscribe(new Topic(MessageClass.COMMAND, "vlv-0001", valveEncoding).path(), 1);

      Instant t0 = Instant.now();
      device.publish(MessageClass.EVENT, Envelopes.press("btn-0001", 1, t0), Encoding.PROTOBUF, 1);
      for (int seq = 1; seq <= 20; seq++) {
        device.publish(MessageClass.TELEMETRY, Envelopes.heartbeat("btn-0001", seq + 1,
            t0.plusMillis(seq)), Encoding.PROTOBUF, 1);
        device.publish(MessageClass.TELEMETRY, Envelopes.vitals("hm-0001", seq,
            t0.plusMillis(seq), 72, 97), Encoding.JSON, 1);
      }
      device.publish(MessageClass.EVENT, Envelopes.gasAlarm("gas-0001", 1, t0, 35),
          Encoding.PROTOBUF, 1);

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        assertThat(f.rows("emergency_button")).isEqualTo(1);
        assertThat(f.rows("heartbeat")).isEqualTo(20);
        assertThat(f.rows("health")).isEqualTo(20);
        assertThat(f.rows("gas_detector")).isEqualTo(1);
      });
      // The command publisher has a connection of its own: it must reach the broker over TLS too.
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(commands.received)
          .anySatisfy(c -> assertThat(c.getValve().getAction())
              .isEqualTo(ValveCommand.Action.CLOSE)));
      ApiClient.Response ready = new ApiClient(f.gateway().httpPort()).get("/ready");
      assertThat(ready.status()).as(ready.text()).isEqualTo(200);
      assertThat(ready.json().getJsonObject("mqtt-events").getString("status")).isEqualTo("UP");
      assertThat(ready.json().getJsonObject("mqtt-telemetry").getString("status")).isEqualTo("UP");
      assertThat(f.counter("shouwang.ingest.rejected")).isZero();
      valve.disconnect();
      valve.close();
    }
  }

  @Test
  void brokerSignedByAnotherCaIsRefusedAndReadySaysWhy() throws Exception {
    TestCertificates site = TestCertificates.authority(dir.resolve("pki"), "site");
    TestCertificates other = TestCertificates.authority(dir.resolve("pki"), "other");

    assertRefused(site.issueServerKeyStore("broker", BROKER_NAMES), other.trustStore(),
        "unable to find valid certification path", site, true);
  }

  @Test
  void certificateForAnotherHostIsRefusedEvenFromTheTrustedCa() throws Exception {
    TestCertificates site = TestCertificates.authority(dir.resolve("pki"), "site");

    assertRefused(site.issueServerKeyStore("elsewhere", "dns:broker.elsewhere.example"),
        site.trustStore(), "No subject alternative names matching IP address 127.0.0.1", site,
        false);
  }

  @Test
  void trustStoreWithAWrongPasswordStopsStartNamingTheKey() throws Exception {
    TestCertificates site = TestCertificates.authority(dir.resolve("pki"), "site");
    Map<String, String> env = childEnv(site.trustStore(), "not-the-password");
    Path logs = Files.createDirectories(dir.resolve("logs"));

    try (GatewayProcess gateway = new GatewayProcess(env, logs)) {
      assertThatThrownBy(gateway::start).hasMessageContaining("exited with 2");
    }
    String log = Files.readString(logs.resolve("gateway-1.log"));
    assertThat(log).contains("'mqtt.trustStore'").contains("not its password")
        .doesNotContain("not-the-password").doesNotContain("Exception in thread");
  }

  @Test
  void missingTrustStoreStopsStartNamingTheKey() throws Exception {
    Path missing = dir.resolve("nowhere/ca.p12");
    Map<String, String> env = childEnv(missing, TestCertificates.PASSWORD);
    Path logs = Files.createDirectories(dir.resolve("logs"));

    try (GatewayProcess gateway = new GatewayProcess(env, logs)) {
      assertThatThrownBy(gateway::start).hasMessageContaining("exited with 2");
    }
    assertThat(Files.readString(logs.resolve("gateway-1.log")))
        .contains("'mqtt.trustStore'").contains("no such file: " + missing);
  }

  /**
   * The broker presents {@code brokerKeys}; the gateway trusts {@code gatewayTrust}. It must stay
   * up, never connect, and say {@code reason} on /ready and in its log, while a device trusting
   * {@code deviceCa} (checking the broker's name or not) reaches the same broker, so the refusal
   * is the gateway's check and not a broken broker.
   */
  private void assertRefused(Path brokerKeys, Path gatewayTrust, String reason,
      TestCertificates deviceCa, boolean deviceChecksName) throws Exception {
    try (LogCapture log = new LogCapture();
        TlsBroker broker = new TlsBroker(dir.resolve("broker"), brokerKeys).start();
        GatewayFixture f = GatewayFixture.startUnconnected(dir, 1, broker.url(),
            trusting(gatewayTrust))) {
      ApiClient http = new ApiClient(f.gateway().httpPort());

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        ApiClient.Response ready = http.get("/ready");
        assertThat(ready.status()).isEqualTo(503);
        for (String connection : List.of("mqtt-events", "mqtt-telemetry")) {
          JsonObject check = ready.json().getJsonObject(connection);
          assertThat(check.getString("status")).isEqualTo("DOWN");
          assertThat(check.getString("detail")).contains("TLS").contains(reason);
        }
      });
      assertThat(log.lines()).anySatisfy(line -> assertThat(line)
          .startsWith("WARN io.shouwang.gateway.mqtt.BrokerConnector")
          .contains(broker.url()).contains("TLS").contains(reason));

      // Not the broker's fault: a device trusting the broker's CA gets in.
      MqttClient device = new MqttClient(broker.url(), "control-device", new MemoryPersistence());
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setSocketFactory(deviceCa.clientSockets());
      options.setHttpsHostnameVerificationEnabled(deviceChecksName);
      device.connect(options);
      assertThat(device.isConnected()).isTrue();
      device.disconnect();
      device.close();
      // Still running, still retrying, still refusing.
      assertThat(http.get("/health").status()).isEqualTo(200);
      assertThat(f.gateway().brokerConnected().isComplete()).isFalse();
      assertThat(f.counter("shouwang.mqtt.connects")).isZero();
    }
  }

  private static Map<String, String> trusting(Path trustStore) {
    return Map.of(
        "SHOUWANG_MQTT_TRUST_STORE", trustStore.toString(),
        "SHOUWANG_MQTT_TRUST_STORE_PASSWORD", TestCertificates.PASSWORD);
  }

  /** A packaged gateway whose broker and store are never reached: start-up fails before. */
  private Map<String, String> childEnv(Path trustStore, String password) throws Exception {
    Map<String, String> env = GatewayProcess.failingStartEnv(dir);
    env.put("SHOUWANG_MQTT_TRUST_STORE", trustStore.toString());
    env.put("SHOUWANG_MQTT_TRUST_STORE_PASSWORD", password);
    return env;
  }
}

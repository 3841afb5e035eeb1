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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway against a broker that requires client certificates (mutual TLS) from the site CA:
 * it presents the certificate in {@code mqtt.keyStore} on every connection, is refused with a
 * reason on /ready without one, and does not start with a key store it cannot use.
 */
@Timeout(300)
class MutualTlsBrokerIT {

  private static final String BROKER_NAMES = "dns:localhost,ip:127.0.0.1";

  @TempDir Path dir;
  private TestCertificates site;

  @BeforeEach
  void makeSiteCa() throws Exception {
    site = TestCertificates.authority(dir.resolve("pki"), "site");
  }

  @Test
  void gatewayWithASiteCertificateStoresAPressAndCommandsAValve() throws Exception {
    Map<String, String> env = gatewayEnv(site.issueClientKeyStore("gateway"));
    try (TlsBroker broker = mutualTlsBroker().start();
        GatewayFixture f = GatewayFixture.startWithBroker(dir, 1, broker.url(), AlertPath.NONE,
            env);
        TestPublisher device = new TestPublisher(broker.url(),
            site.clientSockets(site.issueClientKeyStore("btn-0001")))) {
      Encoding valveEncoding = f.registry.device("vlv-0001").orElseThrow().device().encoding();
      CommandRecorder commands = new CommandRecorder(valveEncoding);
      MqttClient valve = new MqttClient(broker.url(), "vlv-0001", new MemoryPersistence());
      MqttConnectionOptions valveOptions = new MqttConnectionOptions();
      valveOptions.setSocketFactory(site.clientSockets(site.issueClientKeyStore("vlv-0001")));
      valve.setCallback(commands);
      valve.connect(valveOptions);
      valve.subscribe(new Topic(MessageClass.COMMAND, "vlv-0001", valveEncoding).path(), 1);

      Instant t0 = Instant.now();
      device.publish(MessageClass.EVENT, Envelopes.press("btn-0001", 1, t0), Encoding.PROTOBUF, 1);
      device.publish(MessageClass.EVENT, Envelopes.gasAlarm("gas-0001", 1, t0, 35),
          Encoding.PROTOBUF, 1);

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        assertThat(f.rows("emergency_button")).isEqualTo(1);
        assertThat(f.rows("gas_detector")).isEqualTo(1);
      });
      // The command publisher's own connection presents the certificate too.
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(commands.received)
          .anySatisfy(c -> assertThat(c.getValve().getAction())
              .isEqualTo(ValveCommand.Action.CLOSE)));
      ApiClient.Response ready = new ApiClient(f.gateway().httpPort()).get("/ready");
      assertThat(ready.status()).as(ready.text()).isEqualTo(200);
      valve.disconnect();
      valve.close();
    }
  }

  @Test
  void gatewayWithoutAClientCertificateIsRefusedAndReadySaysWhy() throws Exception {
    assertRefused(gatewayEnv(null));
  }

  @Test
  void certificateFromAnotherCaIsRefusedAndReadySaysWhy() throws Exception {
    TestCertificates other = TestCertificates.authority(dir.resolve("pki-other"), "other");

    assertRefused(gatewayEnv(other.issueClientKeyStore("gateway")));
  }

  @Test
  void keyStoreWithAWrongPasswordStopsStartNamingTheKey() throws Exception {
    Map<String, String> env = childEnv(site.issueClientKeyStore("gateway"), "not-the-password");

    assertThat(failedStart(env)).contains("'mqtt.keyStore'").contains("not its password")
        .doesNotContain("not-the-password").doesNotContain("Exception in thread");
  }

  @Test
  void missingKeyStoreStopsStartNamingTheKey() throws Exception {
    Path missing = dir.resolve("nowhere/gateway.p12");

    assertThat(failedStart(childEnv(missing, TestCertificates.PASSWORD)))
        .contains("'mqtt.keyStore'").contains("no such file: " + missing);
  }

  @Test
  void trustStoreGivenAsKeyStoreStopsStartNamingTheKey() throws Exception {
    assertThat(failedStart(childEnv(site.trustStore(), TestCertificates.PASSWORD)))
        .contains("'mqtt.keyStore'").contains("holds no private key");
  }

  /**
   * The gateway must stay up, never connect, and say on /ready and in its log that the broker
   * refused its certificate, while a device with a site certificate gets in: the refusal is the
   * broker's check of the gateway, not a broken broker.
   */
  private void assertRefused(Map<String, String> env) throws Exception {
    try (LogCapture log = new LogCapture();
        TlsBroker broker = mutualTlsBroker().start();
        GatewayFixture f = GatewayFixture.startUnconnected(dir, 1, broker.url(), env)) {
      ApiClient http = new ApiClient(f.gateway().httpPort());

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        ApiClient.Response ready = http.get("/ready");
        assertThat(ready.status()).isEqualTo(503);
        for (String connection : List.of("mqtt-events", "mqtt-telemetry")) {
          JsonObject check = ready.json().getJsonObject(connection);
          assertThat(check.getString("status")).isEqualTo("DOWN");
          assertThat(check.getString("detail"))
              .contains("TLS").contains("did not accept the client certificate");
        }
      });
      assertThat(log.lines()).anySatisfy(line -> assertThat(line)
          .startsWith("WARN io.shouwang.gateway.mqtt.BrokerConnector")
          .contains(broker.url()).contains("did not accept the client certificate"));

      MqttClient device = new MqttClient(broker.url(), "control-device", new MemoryPersistence());
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setSocketFactory(site.clientSockets(site.issueClientKeyStore("control-device")));
      device.connect(options);
      assertThat(device.isConnected()).isTrue();
      device.disconnect();
      device.close();
      assertThat(http.get("/health").status()).isEqualTo(200);
      assertThat(f.gateway().brokerConnected().isComplete()).isFalse();
      assertThat(f.counter("shouwang.mqtt.connects")).isZero();
    }
  }

  private TlsBroker mutualTlsBroker() throws Exception {
    return new TlsBroker(dir.resolve("broker"), site.issueServerKeyStore("broker", BROKER_NAMES))
        .requireClientCertificates(site.trustStore());
  }

  /** Trusting the site CA for the broker, presenting {@code keyStore} if not null. */
  private Map<String, String> gatewayEnv(Path keyStore) {
    Map<String, String> env = new HashMap<>();
    env.put("SHOUWANG_MQTT_TRUST_STORE", site.trustStore().toString());
    env.put("SHOUWANG_MQTT_TRUST_STORE_PASSWORD", TestCertificates.PASSWORD);
    if (keyStore != null) {
      env.put("SHOUWANG_MQTT_KEY_STORE", keyStore.toString());
      env.put("SHOUWANG_MQTT_KEY_STORE_PASSWORD", TestCertificates.PASSWORD);
    }
    return env;
  }

  /** A packaged gateway whose broker and store are never reached: start-up fails before. */
  private Map<String, String> childEnv(Path keyStore, String password) throws Exception {
    Map<String, String> env = GatewayProcess.failingStartEnv(dir);
    env.put("SHOUWANG_MQTT_TRUST_STORE", site.trustStore().toString());
    env.put("SHOUWANG_MQTT_TRUST_STORE_PASSWORD", TestCertificates.PASSWORD);
    env.put("SHOUWANG_MQTT_KEY_STORE", keyStore.toString());
    env.put("SHOUWANG_MQTT_KEY_STORE_PASSWORD", password);
    return env;
  }

  /** Starts the packaged gateway, expects exit code 2, and returns what it printed. */
  private String failedStart(Map<String, String> env) throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    try (GatewayProcess gateway = new GatewayProcess(env, logs)) {
      assertThatThrownBy(gateway::start).hasMessageContaining("exited with 2");
    }
    return Files.readString(logs.resolve("gateway-1.log"));
  }
}

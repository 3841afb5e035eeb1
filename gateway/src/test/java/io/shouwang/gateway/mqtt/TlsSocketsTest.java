package io.shouwang.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shouwang.gateway.config.ConfigException;
import io.shouwang.gateway.config.ConfigLoader;
import io.shouwang.gateway.config.GatewayConfig;
import io.shouwang.gateway.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSocketsTest {

  @TempDir static Path dir;
  private static TestCertificates ca;
  private static Path clientKeys;

  @BeforeAll
  static void makeCa() throws Exception {
    ca = TestCertificates.authority(dir, "unit");
    clientKeys = ca.issueClientKeyStore("gateway");
  }

  @Test
  void noStoresLeavesPahoDefaultSockets() {
    assertThat(TlsSockets.forBroker(mqtt(Map.of()))).isEmpty();
  }

  @Test
  void trustStoreWithItsPasswordGivesTlsSockets() {
    assertThat(TlsSockets.forBroker(mqtt(trust(ca.trustStore(), TestCertificates.PASSWORD))))
        .get().isInstanceOf(SSLSocketFactory.class);
  }

  @Test
  void keyStoreAloneGivesTlsSocketsTrustingTheJvmCas() {
    assertThat(TlsSockets.forBroker(mqtt(keys(clientKeys, TestCertificates.PASSWORD))))
        .get().isInstanceOf(SSLSocketFactory.class);
  }

  @Test
  void keyStoreAndTrustStoreTogetherGiveTlsSockets() {
    Map<String, String> env = new HashMap<>(trust(ca.trustStore(), TestCertificates.PASSWORD));
    env.putAll(keys(clientKeys, TestCertificates.PASSWORD));

    assertThat(TlsSockets.forBroker(mqtt(env))).get().isInstanceOf(SSLSocketFactory.class);
  }

  @Test
  void missingTrustStoreNamesTheKeyAndThePath() {
    Path missing = dir.resolve("missing.p12");

    assertThatThrownBy(() -> TlsSockets.forBroker(mqtt(trust(missing, TestCertificates.PASSWORD))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'mqtt.trustStore'")
        .hasMessageContaining("no such file: " + missing);
  }

  @Test
  void wrongTrustStorePasswordNamesTheKeyButNeverThePassword() {
    Map<String, String> env = trust(ca.trustStore(), "wrong-password-42");

    assertThatThrownBy(() -> TlsSockets.forBroker(mqtt(env)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'mqtt.trustStore'")
        .hasMessageContaining("mqtt.trustStorePassword is not its password")
        .hasMessageNotContaining("wrong-password-42");
  }

  @Test
  void fileThatIsNoKeyStoreIsRefused() throws Exception {
    Path pem = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n");

    assertThatThrownBy(() -> TlsSockets.forBroker(mqtt(trust(pem, TestCertificates.PASSWORD))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'mqtt.trustStore'")
        .hasMessageContaining("cannot read " + pem + " as a JKS or PKCS12 trust store");
  }

  @Test
  void pkcs12WithoutItsPasswordShowsNoCertificatesAndSaysSo() {
    assertThatThrownBy(() -> TlsSockets.forBroker(mqtt(trust(ca.trustStore(), ""))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("holds no trusted certificate")
        .hasMessageContaining("mqtt.trustStorePassword");
  }

  @Test
  void missingKeyStoreNamesTheKeyAndThePath() {
    Path missing = dir.resolve("nowhere/gateway.p12");

    assertThatThrownBy(() -> TlsSockets.forBroker(mqtt(keys(missing, TestCertificates.PASSWORD))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'mqtt.keyStore'")
        .hasMessageContaining("no such file: " + missing);
  }

  @Test
  void wrongKeyStorePasswordNamesTheKeyButNeverThePassword() {
    assertThatThrownBy(() -> TlsSockets.forBroker(mqtt(keys(clientKeys, "wrong-password-42"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'mqtt.keyStore'")
        .hasMessageContaining("mqtt.keyStorePassword is not its password")
        .hasMessageNotContaining("wrong-password-42");
  }

  @Test
  void keyStoreWithoutItsPasswordSaysToSetIt() {
    assertThatThrownBy(() -> TlsSockets.forBroker(mqtt(keys(clientKeys, ""))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'mqtt.keyStore'")
        .hasMessageContaining("mqtt.keyStorePassword");
  }

  @Test
  void trustStoreGivenAsKeyStoreHoldsNoPrivateKey() {
    assertThatThrownBy(() -> TlsSockets.forBroker(
            mqtt(keys(ca.trustStore(), TestCertificates.PASSWORD))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'mqtt.keyStore'")
        .hasMessageContaining(ca.trustStore() + " holds no private key");
  }

  @Test
  void fileThatIsNoKeyStoreIsRefusedAsKeyStore() throws Exception {
    Path pem = Files.writeString(dir.resolve("gateway.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n");

    assertThatThrownBy(() -> TlsSockets.forBroker(mqtt(keys(pem, TestCertificates.PASSWORD))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'mqtt.keyStore'")
        .hasMessageContaining("cannot read " + pem + " as a JKS or PKCS12 key store");
  }

  private static GatewayConfig.Mqtt mqtt(Map<String, String> stores) {
    Map<String, String> env = new HashMap<>(stores);
    env.put("SHOUWANG_MQTT_URL", "ssl://broker.example:8883");
    return ConfigLoader.load(Optional.empty(), env).mqtt();
  }

  private static Map<String, String> trust(Path store, String password) {
    return Map.of("SHOUWANG_MQTT_TRUST_STORE", store.toString(),
        "SHOUWANG_MQTT_TRUST_STORE_PASSWORD", password);
  }

  private static Map<String, String> keys(Path store, String password) {
    return Map.of("SHOUWANG_MQTT_KEY_STORE", store.toString(),
        "SHOUWANG_MQTT_KEY_STORE_PASSWORD", password);
  }
}

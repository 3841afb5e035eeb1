package io.shouwang.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

  @TempDir Path dir;

  @Test
  void noFileAndNoEnvironmentGivesEmbeddedDefaults() {
    GatewayConfig config = ConfigLoader.load(Optional.empty(), Map.of());

    assertThat(config.mqtt().embedded()).isTrue();
    assertThat(config.influx().embedded()).isTrue();
    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.ingest().maxPayloadBytes()).isEqualTo(16 * 1024);
    assertThat(config.storage().telemetryLinger()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.mqtt().telemetryReceiveMaximum()).isEqualTo(10_000);
    assertThat(config.registryFile()).isEmpty();
  }

  @Test
  void fileOverridesDefaultsAndEnvironmentOverridesFile() throws IOException {
    Path file = write("""
        mqtt:
          url: tcp://broker.example:1883
        influx:
          url: http://influx.example:8086
          token: from-file
        ingest:
          telemetryLanes: 2
        """);

    GatewayConfig config = ConfigLoader.load(Optional.of(file),
        Map.of("SHOUWANG_INFLUX_TOKEN", "from-env", "SHOUWANG_INGEST_MAX_CLOCK_SKEW", "90s"));

    assertThat(config.mqtt().url()).isEqualTo("tcp://broker.example:1883");
    assertThat(config.influx().token()).isEqualTo("from-env");
    assertThat(config.ingest().telemetryLanes()).isEqualTo(2);
    assertThat(config.ingest().maxClockSkew()).isEqualTo(Duration.ofSeconds(90));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "mqtt.url                   | SHOUWANG_MQTT_URL",
    "ingest.laneCapacity        | SHOUWANG_INGEST_LANE_CAPACITY",
    "mqtt.telemetryReceiveMaximum | SHOUWANG_MQTT_TELEMETRY_RECEIVE_MAXIMUM",
    "storage.spoolDir           | SHOUWANG_STORAGE_SPOOL_DIR",
    "mqtt.keyStore              | SHOUWANG_MQTT_KEY_STORE",
    "mqtt.keyStorePassword      | SHOUWANG_MQTT_KEY_STORE_PASSWORD"
  })
  void environmentNamesAreUpperSnakeWithPrefix(String key, String expected) {
    assertThat(ConfigLoader.environmentName(key)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
    "SHOUWANG_INGEST_LANE_CAPACITY    | lots     | ingest.laneCapacity       | expected a whole number",
    "SHOUWANG_INGEST_TELEMETRY_LANES  | 0        | ingest.telemetryLanes     | between 1 and 64",
    "SHOUWANG_INGEST_MAX_CLOCK_SKEW   | 5 minutes| ingest.maxClockSkew       | expected a duration",
    "SHOUWANG_STORAGE_SPOOL_MAX_BYTES | 12XB     | storage.spoolMaxBytes     | expected a size",
    "SHOUWANG_MQTT_URL                | http://x | mqtt.url                  | tcp://host:port",
    "SHOUWANG_INFLUX_URL              | influx   | influx.url                | http://host:port",
    "SHOUWANG_MQTT_CLIENT_ID_PREFIX   | a b      | mqtt.clientIdPrefix       | letters, digits",
    "SHOUWANG_INFLUX_BUCKET           | ' '      | influx.bucket             | must not be empty",
    "SHOUWANG_HTTP_PORT               | 70000    | http.port                 | between 0 and 65535",
    "SHOUWANG_MQTT_TRUST_STORE        | ca.p12   | mqtt.trustStore           | only for an ssl:// broker",
    "SHOUWANG_MQTT_KEY_STORE          | gw.p12   | mqtt.keyStore             | only for an ssl:// broker"
  })
  void badValueFailsNamingTheKey(String env, String value, String key, String problem) {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(env, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'" + key + "'")
        .hasMessageContaining(problem)
        .extracting(e -> ((ConfigException) e).key()).isEqualTo(key);
  }

  @Test
  void unknownKeyInFileFailsNamingItAndTheKnownKeys() throws IOException {
    Path file = write("""
        mqtt:
          urll: tcp://broker.example:1883
        """);

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'mqtt.urll'")
        .hasMessageContaining("unknown key")
        .hasMessageContaining("url");
  }

  @Test
  void unknownSectionFails() throws IOException {
    Path file = write("paging:\n  enabled: true\n");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'paging'");
  }

  @Test
  void invalidYamlFailsWithItsLine() throws IOException {
    Path file = write("mqtt:\n  url: [unclosed\n");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not valid YAML")
        .hasMessageContaining("line");
  }

  @Test
  void missingFileFailsClearly() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(missing), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no such file");
  }

  @Test
  void keyStoreWithAnSslBrokerIsTakenWithItsPassword() {
    GatewayConfig config = ConfigLoader.load(Optional.empty(), Map.of(
        "SHOUWANG_MQTT_URL", "ssl://broker.example:8883",
        "SHOUWANG_MQTT_KEY_STORE", "/etc/shouwang/gateway.p12",
        "SHOUWANG_MQTT_KEY_STORE_PASSWORD", "key-secret"));

    assertThat(config.mqtt().keyStore()).contains(Path.of("/etc/shouwang/gateway.p12"));
    assertThat(config.mqtt().keyStorePassword()).isEqualTo("key-secret");
    assertThat(config.mqtt().trustStore()).isEmpty();
  }

  @Test
  void noKeyStoreByDefault() {
    GatewayConfig config = ConfigLoader.load(Optional.empty(), Map.of(
        "SHOUWANG_MQTT_URL", "ssl://broker.example:8883"));

    assertThat(config.mqtt().keyStore()).isEmpty();
  }

  @Test
  void keyStoreWithATcpBrokerIsRefusedBecauseNoCertificateWouldBeSent() throws IOException {
    Path file = write("""
        mqtt:
          url: tcp://broker.example:1883
          keyStore: /etc/shouwang/gateway.p12
        """);

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'mqtt.keyStore'")
        .hasMessageContaining("only for an ssl:// broker")
        .hasMessageContaining("mqtt.url is 'tcp://broker.example:1883'");
  }

  @Test
  void laneSmallerThanReceiveMaximumIsRefusedBecauseQos1CouldOverflow() {
    Map<String, String> env = Map.of(
        "SHOUWANG_MQTT_TELEMETRY_RECEIVE_MAXIMUM", "5000",
        "SHOUWANG_INGEST_LANE_CAPACITY", "4000");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'ingest.laneCapacity'")
        .hasMessageContaining("telemetryReceiveMaximum");
  }

  @Test
  void secretsNeverAppearInToString() {
    GatewayConfig config = ConfigLoader.load(Optional.empty(), Map.of(
        "SHOUWANG_MQTT_PASSWORD", "hunter2", "SHOUWANG_INFLUX_TOKEN", "s3cr3t-token",
        "SHOUWANG_MQTT_URL", "ssl://broker.example:8883",
        "SHOUWANG_MQTT_TRUST_STORE_PASSWORD", "trust-pw-1", "SHOUWANG_MQTT_KEY_STORE_PASSWORD",
        "key-pw-2"));

    assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("s3cr3t-token")
        .doesNotContain("trust-pw-1").doesNotContain("key-pw-2");
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}

package io.shouwang.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shouwang.gateway.config.ConfigException;
import io.shouwang.gateway.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreSocketsTest {

  @TempDir static Path dir;
  private static TestCertificates ca;

  @BeforeAll
  static void makeCa() throws Exception {
    ca = TestCertificates.authority(dir, "unit");
  }

  @Test
  void trustStoreWithItsPasswordGivesTlsSockets() {
    assertThat(TrustStoreSockets.factory(ca.trustStore(), TestCertificates.PASSWORD))
        .isInstanceOf(SSLSocketFactory.class);
  }

  @Test
  void missingFileNamesTheKeyAndThePath() {
    Path missing = dir.resolve("missing.p12");

    assertThatThrownBy(() -> TrustStoreSockets.factory(missing, TestCertificates.PASSWORD))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'mqtt.trustStore'")
        .hasMessageContaining("no such file: " + missing);
  }

  @Test
  void wrongPasswordNamesTheKeyButNeverThePassword() {
    assertThatThrownBy(() -> TrustStoreSockets.factory(ca.trustStore(), "wrong-password-42"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'mqtt.trustStore'")
        .hasMessageContaining("mqtt.trustStorePassword is not its password")
        .hasMessageNotContaining("wrong-password-42");
  }

  @Test
  void fileThatIsNoKeyStoreIsRefused() throws Exception {
    Path pem = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n");

    assertThatThrownBy(() -> TrustStoreSockets.factory(pem, TestCertificates.PASSWORD))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'mqtt.trustStore'")
        .hasMessageContaining("cannot read " + pem + " as a JKS or PKCS12 trust store");
  }

  @Test
  void pkcs12WithoutItsPasswordShowsNoCertificatesAndSaysSo() {
    assertThatThrownBy(() -> TrustStoreSockets.factory(ca.trustStore(), ""))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("holds no trusted certificate")
        .hasMessageContaining("mqtt.trustStorePassword");
  }
}

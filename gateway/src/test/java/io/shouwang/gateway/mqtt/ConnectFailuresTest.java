package io.shouwang.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.ConnectException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

class ConnectFailuresTest {

  @Test
  void untrustedCertificateIsNamedAsTlsWithWhereToLook() {
    // GIVEN Paho's wrapping of a failed certificate check
    SSLHandshakeException handshake = new SSLHandshakeException(
        "PKIX path building failed: unable to find valid certification path to requested target");
    handshake.initCause(new CertificateException("unable to find valid certification path"));

    // WHEN it is described
    String text = ConnectFailures.describe(new MqttException(handshake), false);

    // THEN it says TLS, the JDK's reason and the key to check, not Paho's empty wrapper
    assertThat(text)
        .startsWith("TLS handshake failed: PKIX path building failed")
        .contains("mqtt.trustStore")
        .doesNotContain("Untranslated");
  }

  @Test
  void brokerRefusingTheClientCertificateSaysSoAndPointsAtTheKeyStore() {
    // GIVEN what the JDK reports when the broker answers the gateway's certificate with an alert
    SSLHandshakeException refused =
        new SSLHandshakeException("Received fatal alert: bad_certificate");

    // WHEN it is described for a gateway that has a key store
    String text = ConnectFailures.describe(new MqttException(refused), true);

    // THEN it names the broker's verdict and the key to check, not the trust store
    assertThat(text)
        .startsWith("TLS handshake failed: the broker did not accept the client certificate"
            + " (bad_certificate): ")
        .contains("mqtt.keyStore")
        .doesNotContain("mqtt.trustStore");
  }

  @Test
  void brokerRequiringACertificateTheGatewayLacksSaysToSetTheKeyStore() {
    String text = ConnectFailures.describe(
        new MqttException(new SSLException("Received fatal alert: certificate_required")), false);

    assertThat(text).isEqualTo("TLS handshake failed: the broker did not accept the client"
        + " certificate (certificate_required): the broker requires one, and without"
        + " mqtt.keyStore the gateway sends none");
  }

  @Test
  void otherReceivedAlertsAreReportedAsTheyAre() {
    String text = ConnectFailures.describe(
        new MqttException(new SSLHandshakeException("Received fatal alert: handshake_failure")),
        true);

    assertThat(text).isEqualTo("TLS handshake failed: Received fatal alert: handshake_failure");
  }

  @Test
  void tlsFailureWithoutACertificateProblemGetsNoTrustStoreHint() {
    String text = ConnectFailures.describe(
        new MqttException(new SSLException("Unsupported or unrecognized SSL message")), false);

    assertThat(text).isEqualTo("TLS handshake failed: Unsupported or unrecognized SSL message");
  }

  @Test
  void refusedConnectionKeepsPahoWordsAndAddsTheCause() {
    MqttException refused = new MqttException(MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR,
        new ConnectException("Connection refused"));

    assertThat(ConnectFailures.describe(refused, false))
        .isEqualTo(refused.getMessage() + ": ConnectException: Connection refused");
  }

  @Test
  void bareWrapperIsReplacedByItsCause() {
    String text =
        ConnectFailures.describe(new MqttException(new EOFException("stream closed")), false);

    assertThat(text).isEqualTo("EOFException: stream closed");
  }

  @Test
  void brokerRefusalWithoutCauseIsPahoMessage() {
    MqttException notAuthorized = new MqttException(135);

    assertThat(ConnectFailures.describe(notAuthorized, false))
        .isEqualTo(notAuthorized.getMessage());
  }
}

package io.shouwang.gateway.mqtt;

import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Says why a connection attempt failed, down to the cause an operator can act on. Paho wraps
 * network and TLS errors in an exception whose own message is only "Untranslated MqttException -
 * RC: 0", which would hide a certificate problem behind a generic retry.
 */
final class ConnectFailures {

  static final String CERTIFICATE_HINT = " (is the broker's certificate signed by a CA in"
      + " mqtt.trustStore, or in the JVM's default CAs if that is not set, and does it name the"
      + " host in mqtt.url?)";

  private ConnectFailures() {}

  static String describe(Throwable failure) {
    SSLException tls = null;
    boolean certificate = false;
    Throwable root = failure;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (tls == null && t instanceof SSLException s) {
        tls = s;
      }
      certificate |= t instanceof CertificateException;
      root = t;
    }
    if (tls != null) {
      return "TLS handshake failed: " + tls.getMessage() + (certificate ? CERTIFICATE_HINT : "");
    }
    String cause = root.getClass().getSimpleName() + ": " + root.getMessage();
    if (root == failure) {
      return failure.getMessage() == null ? cause : failure.getMessage();
    }
    boolean bareWrapper = failure instanceof MqttException m
        && m.getReasonCode() == MqttException.REASON_CODE_CLIENT_EXCEPTION;
    return bareWrapper ? cause : failure.getMessage() + ": " + cause;
  }
}

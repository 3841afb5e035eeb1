package io.shouwang.gateway.mqtt;

import java.security.cert.CertificateException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * TLS alerts a broker sends when it refuses the client's certificate, or the lack of one. The
   * JDK (HiveMQ) answers bad_certificate both to a missing certificate and to one from an unknown
   * CA; OpenSSL (Mosquitto) answers certificate_required and unknown_ca.
   */
  private static final Set<String> CLIENT_CERTIFICATE_ALERTS = Set.of("bad_certificate",
      "certificate_required", "unknown_ca", "certificate_unknown", "certificate_expired",
      "certificate_revoked", "unsupported_certificate");

  private static final Pattern RECEIVED_ALERT = Pattern.compile("Received fatal alert: (\\w+)");

  private ConnectFailures() {}

  /**
   * @param presentsCertificate whether the gateway has a client certificate ({@code mqtt.keyStore})
   */
  static String describe(Throwable failure, boolean presentsCertificate) {
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
      // A received alert is the broker's verdict; a certificate exception is our own check.
      Matcher alert = RECEIVED_ALERT.matcher(String.valueOf(tls.getMessage()));
      if (alert.find() && CLIENT_CERTIFICATE_ALERTS.contains(alert.group(1))) {
        return "TLS handshake failed: the broker did not accept the client certificate ("
            + alert.group(1) + ")" + (presentsCertificate
                ? ": is the certificate in mqtt.keyStore issued by a CA the broker trusts for"
                    + " clients, and still valid?"
                : ": the broker requires one, and without mqtt.keyStore the gateway sends none");
      }
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

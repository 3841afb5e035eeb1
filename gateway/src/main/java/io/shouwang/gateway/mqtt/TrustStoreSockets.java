package io.shouwang.gateway.mqtt;

import io.shouwang.gateway.config.ConfigException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS sockets that trust a private CA from a JKS or PKCS12 trust store. */
final class TrustStoreSockets {

  private TrustStoreSockets() {}

  static SocketFactory factory(Path trustStore, String password) {
    try (InputStream in = Files.newInputStream(trustStore)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, password.isEmpty() ? null : password.toCharArray());
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, tmf.getTrustManagers(), null);
      return tls.getSocketFactory();
    } catch (Exception e) {
      // The message names the file, never the password.
      throw new ConfigException("mqtt.trustStore", "cannot load " + trustStore + ": " + e.getMessage());
    }
  }
}

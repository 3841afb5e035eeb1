package io.shouwang.gateway.mqtt;

import io.shouwang.gateway.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS sockets that trust a private CA from a JKS or PKCS12 trust store. */
final class TrustStoreSockets {

  static final String KEY = "mqtt.trustStore";

  private TrustStoreSockets() {}

  static SocketFactory factory(Path trustStore, String password) {
    KeyStore store = load(trustStore, password);
    try {
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, tmf.getTrustManagers(), null);
      return tls.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new ConfigException(KEY, "cannot use " + trustStore + ": " + e.getMessage());
    }
  }

  private static KeyStore load(Path trustStore, String password) {
    // Messages name the file, never the password.
    try (InputStream in = Files.newInputStream(trustStore)) {
      // The default type (PKCS12) also reads JKS files.
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, password.isEmpty() ? null : password.toCharArray());
      if (!holdsCertificate(store)) {
        // Without its password a PKCS12 store hides its (encrypted) certificates.
        throw new ConfigException(KEY, trustStore + " holds no trusted certificate"
            + (password.isEmpty() ? " (is mqtt.trustStorePassword set?)" : ""));
      }
      return store;
    } catch (NoSuchFileException e) {
      throw new ConfigException(KEY, "no such file: " + trustStore);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new ConfigException(KEY, "cannot open " + trustStore
            + ": mqtt.trustStorePassword is not its password");
      }
      throw new ConfigException(KEY, "cannot read " + trustStore + " as a JKS or PKCS12 trust"
          + " store: " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new ConfigException(KEY, "cannot read " + trustStore + ": " + e.getMessage());
    }
  }

  private static boolean holdsCertificate(KeyStore store) throws GeneralSecurityException {
    for (String alias : Collections.list(store.aliases())) {
      if (store.getCertificate(alias) != null) {
        return true;
      }
    }
    return false;
  }
}

package io.shouwang.gateway.mqtt;

import io.shouwang.gateway.config.ConfigException;
import io.shouwang.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import java.util.Optional;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS sockets of the gateway's broker connections: one SSLContext holding the gateway's own
 * key and certificate ({@code mqtt.keyStore}, for brokers that require client certificates) and
 * the CAs it trusts for the broker ({@code mqtt.trustStore}, else the JVM's default CAs).
 */
public final class TlsSockets {

  static final String TRUST_STORE = "mqtt.trustStore";
  static final String KEY_STORE = "mqtt.keyStore";

  private TlsSockets() {}

  /**
   * Reads the configured stores once, for every connection to share; empty when neither is set
   * (Paho's default TLS sockets). Throws {@link ConfigException} naming the store at fault.
   */
  public static Optional<SocketFactory> forBroker(GatewayConfig.Mqtt config) {
    if (config.trustStore().isEmpty() && config.keyStore().isEmpty()) {
      return Optional.empty();
    }
    KeyManager[] keys = config.keyStore()
        .map(path -> keyManagers(path, config.keyStorePassword()))
        .orElse(null);
    TrustManager[] trust = config.trustStore()
        .map(path -> trustManagers(path, config.trustStorePassword()))
        .orElse(null); // null: the JVM's default CAs
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keys, trust, null);
      return Optional.of(tls.getSocketFactory());
    } catch (GeneralSecurityException e) {
      throw new ConfigException(config.keyStore().isPresent() ? KEY_STORE : TRUST_STORE,
          "cannot set up TLS: " + e.getMessage());
    }
  }

  private static TrustManager[] trustManagers(Path path, String password) {
    KeyStore store = load(TRUST_STORE, "trust", path, password);
    try {
      if (!holdsCertificate(store)) {
        // Without its password a PKCS12 store hides its (encrypted) certificates.
        throw new ConfigException(TRUST_STORE, path + " holds no trusted certificate"
            + (password.isEmpty() ? " (is mqtt.trustStorePassword set?)" : ""));
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      return tmf.getTrustManagers();
    } catch (GeneralSecurityException e) {
      throw new ConfigException(TRUST_STORE, "cannot use " + path + ": " + e.getMessage());
    }
  }

  private static KeyManager[] keyManagers(Path path, String password) {
    KeyStore store = load(KEY_STORE, "key", path, password);
    try {
      if (!holdsPrivateKey(store)) {
        throw new ConfigException(KEY_STORE, path + " holds no private key: it needs the"
            + " gateway's key and certificate, not only certificates (is it a trust store?)");
      }
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      // Keys are read here, once: a key the store password does not open fails start-up rather
      // than every handshake.
      kmf.init(store, password.toCharArray());
      return kmf.getKeyManagers();
    } catch (UnrecoverableKeyException e) {
      throw new ConfigException(KEY_STORE, "cannot read the private key in " + path
          + (password.isEmpty() ? ": is mqtt.keyStorePassword set?"
              : " with mqtt.keyStorePassword: the key must have the store's password"));
    } catch (GeneralSecurityException e) {
      throw new ConfigException(KEY_STORE, "cannot use " + path + ": " + e.getMessage());
    }
  }

  private static KeyStore load(String key, String kind, Path path, String password) {
    // Messages name the file, never the password.
    try (InputStream in = Files.newInputStream(path)) {
      // The default type (PKCS12) also reads JKS files.
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, password.isEmpty() ? null : password.toCharArray());
      return store;
    } catch (NoSuchFileException e) {
      throw new ConfigException(key, "no such file: " + path);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new ConfigException(key, "cannot open " + path + ": " + key
            + "Password is not its password");
      }
      throw new ConfigException(key, "cannot read " + path + " as a JKS or PKCS12 " + kind
          + " store: " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new ConfigException(key, "cannot read " + path + ": " + e.getMessage());
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

  private static boolean holdsPrivateKey(KeyStore store) throws GeneralSecurityException {
    for (String alias : Collections.list(store.aliases())) {
      if (store.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class)) {
        return true;
      }
    }
    return false;
  }
}

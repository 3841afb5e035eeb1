package io.shouwang.gateway.testing;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An in-process HiveMQ CE that accepts MQTT over TLS only, on a free loopback port, with a server
 * key store made at test time ({@link TestCertificates}) and, if asked, client certificates
 * required. The gateway's own embedded broker stays
 * plain TCP; this one exists so tests reach a broker the way a production ssl:// URL does.
 */
public final class TlsBroker implements AutoCloseable {

  private final Path root;
  private final Path keyStore;
  private final int port = FreePorts.next();
  private Path clientTrustStore;
  private EmbeddedHiveMQ hivemq;

  /** A broker keeping its files under {@code root}, presenting the key in {@code keyStore}. */
  public TlsBroker(Path root, Path keyStore) {
    this.root = root;
    this.keyStore = keyStore;
  }

  /**
   * Makes the broker require a client certificate from a CA in {@code trustStore} (mutual TLS):
   * a client without one, or with one from another CA, fails the TLS handshake.
   */
  public TlsBroker requireClientCertificates(Path trustStore) {
    this.clientTrustStore = trustStore;
    return this;
  }

  /** Starts the broker; blocks until it accepts connections. */
  public TlsBroker start() throws Exception {
    Path conf = Files.createDirectories(root.resolve("conf"));
    Files.writeString(conf.resolve("config.xml"), configXml(), StandardCharsets.UTF_8);
    hivemq = EmbeddedHiveMQ.builder()
        .withConfigurationFolder(conf)
        .withDataFolder(Files.createDirectories(root.resolve("data")))
        .withExtensionsFolder(Files.createDirectories(root.resolve("extensions")))
        .withoutLoggingBootstrap()
        .build();
    hivemq.start().get(60, TimeUnit.SECONDS);
    return this;
  }

  /** The URL clients connect to, e.g. {@code ssl://127.0.0.1:40123}. */
  public String url() {
    return "ssl://127.0.0.1:" + port;
  }

  @Override
  public void close() throws Exception {
    if (hivemq != null) {
      hivemq.stop().get(60, TimeUnit.SECONDS);
      hivemq.close();
      hivemq = null;
    }
  }

  private String configXml() {
    // PKCS12 has one password for the store and its keys.
    String clientAuthentication = clientTrustStore == null
        ? "<client-authentication-mode>NONE</client-authentication-mode>"
        : """
        <truststore>
          <path>%s</path>
          <password>%s</password>
        </truststore>
        <client-authentication-mode>REQUIRED</client-authentication-mode>
        """.formatted(clientTrustStore.toAbsolutePath(), TestCertificates.PASSWORD);
    return """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tls-tcp-listener>
              <port>%d</port>
              <bind-address>127.0.0.1</bind-address>
              <tls>
                <keystore>
                  <path>%s</path>
                  <password>%s</password>
                  <private-key-password>%s</private-key-password>
                </keystore>
                %s
              </tls>
            </tls-tcp-listener>
          </listeners>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
        </hivemq>
        """.formatted(port, keyStore.toAbsolutePath(), TestCertificates.PASSWORD,
        TestCertificates.PASSWORD, clientAuthentication);
  }
}

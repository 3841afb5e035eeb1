package io.shouwang.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A private certificate authority made at test time with the JDK's own keytool, so no key or
 * certificate is ever committed: a CA, the trust store a client needs for it (the CA certificate
 * only), and PKCS12 server and client key stores it signs.
 */
public final class TestCertificates {

  /** The password of every store made here; the stores live only in a test's temporary folder. */
  public static final String PASSWORD = "test-only-store-password";

  private static final Path KEYTOOL = Path.of(System.getProperty("java.home"), "bin", "keytool");

  private final Path dir;
  private final String name;

  private TestCertificates(Path dir, String name) {
    this.dir = dir;
    this.name = name;
  }

  /** Makes a new CA called {@code name} under {@code dir}, with its trust store. */
  public static TestCertificates authority(Path dir, String name) throws IOException {
    TestCertificates ca = new TestCertificates(Files.createDirectories(dir), name);
    ca.keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=Shouwang test CA " + name, "-ext", "bc:c", "-validity", "2",
        "-keystore", ca.caKeyStore().toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    ca.keytool("-exportcert", "-rfc", "-alias", "ca", "-file", ca.caCertificate().toString(),
        "-keystore", ca.caKeyStore().toString(), "-storepass", PASSWORD);
    ca.keytool("-importcert", "-noprompt", "-alias", "ca", "-file", ca.caCertificate().toString(),
        "-keystore", ca.trustStore().toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    return ca;
  }

  /** A trust store holding only this CA's certificate. */
  public Path trustStore() {
    return dir.resolve(name + "-trust.p12");
  }

  /**
   * Issues a server certificate for {@code subjectAltNames} (keytool syntax, e.g.
   * {@code dns:localhost,ip:127.0.0.1}) and returns a PKCS12 key store holding its key and chain.
   */
  public Path issueServerKeyStore(String alias, String subjectAltNames) throws IOException {
    return issue(alias, "san=" + subjectAltNames, "eku=serverAuth");
  }

  /**
   * Issues a client certificate (for a gateway or a device facing a broker that requires one) and
   * returns a PKCS12 key store holding its key and chain, with {@link #PASSWORD}.
   */
  public Path issueClientKeyStore(String alias) throws IOException {
    return issue(alias, "eku=clientAuth");
  }

  /** TLS sockets trusting this CA only, for test clients standing in for devices. */
  public SSLSocketFactory clientSockets() throws IOException, GeneralSecurityException {
    return sockets(null);
  }

  /** As {@link #clientSockets()}, presenting the certificate in {@code keyStore}. */
  public SSLSocketFactory clientSockets(Path keyStore)
      throws IOException, GeneralSecurityException {
    KeyManagerFactory kmf =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(read(keyStore), PASSWORD.toCharArray());
    return sockets(kmf.getKeyManagers());
  }

  private SSLSocketFactory sockets(KeyManager[] keys)
      throws IOException, GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(read(trustStore()));
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys, tmf.getTrustManagers(), null);
    return tls.getSocketFactory();
  }

  private static KeyStore read(Path path) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }

  /** A key pair for {@code alias} whose certificate this CA signs with {@code extensions}. */
  private Path issue(String alias, String... extensions) throws IOException {
    Path keyStore = dir.resolve(alias + ".p12");
    Path request = dir.resolve(alias + ".csr");
    Path certificate = dir.resolve(alias + ".crt");
    keytool("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=" + alias, "-validity", "2",
        "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    keytool("-certreq", "-alias", alias, "-file", request.toString(),
        "-keystore", keyStore.toString(), "-storepass", PASSWORD);
    List<String> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca",
        "-infile", request.toString(), "-outfile", certificate.toString(), "-validity", "2"));
    for (String extension : extensions) {
      gencert.addAll(List.of("-ext", extension));
    }
    gencert.addAll(List.of("-keystore", caKeyStore().toString(), "-storepass", PASSWORD));
    keytool(gencert.toArray(String[]::new));
    // The CA first, so keytool can build the chain when the signed certificate replaces the
    // self-signed one.
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCertificate().toString(),
        "-keystore", keyStore.toString(), "-storepass", PASSWORD);
    keytool("-importcert", "-alias", alias, "-file", certificate.toString(),
        "-keystore", keyStore.toString(), "-storepass", PASSWORD);
    return keyStore;
  }

  private Path caKeyStore() {
    return dir.resolve(name + "-ca.p12");
  }

  private Path caCertificate() {
    return dir.resolve(name + "-ca.crt");
  }

  private void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(KEYTOOL.toString()));
    command.addAll(List.of(args));
    Path log = dir.resolve("keytool.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    // Nothing to answer: a prompt gets end of input and fails instead of waiting.
    process.getOutputStream().close();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("keytool " + args[0] + " did not finish within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running keytool", e);
    }
    if (process.exitValue() != 0) {
      throw new IOException("keytool " + String.join(" ", args) + " failed with "
          + process.exitValue() + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
  }
}

package io.shouwang.gateway.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway ({@code target/shouwang-gateway.jar}, built in the package phase before the
 * integration tests) in a child JVM, configured only through its environment, so a test can kill
 * it as hard as a power cut does and start it again on the same state (client id, spool, incident
 * database, HTTP port).
 */
public final class GatewayProcess implements AutoCloseable {

  static final Path JAR = Path.of("target/shouwang-gateway.jar");

  private final Map<String, String> env;
  private final Path log;
  private final int httpPort;
  private final HttpClient http = HttpClient.newHttpClient();
  private Process process;
  private int starts;

  /** {@code env} must name the broker, the store and the state directories; see the ITs. */
  public GatewayProcess(Map<String, String> env, Path logDir) {
    this.httpPort = FreePorts.next();
    this.env = Map.copyOf(env);
    this.log = logDir;
  }

  /**
   * Settings for a gateway whose start-up is expected to fail on its own configuration: its
   * ssl:// broker and its store are never reached. Add the settings under test.
   */
  public static Map<String, String> failingStartEnv(Path dir) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("SHOUWANG_MQTT_URL", "ssl://127.0.0.1:" + FreePorts.next());
    env.put("SHOUWANG_MQTT_CLIENT_ID_PREFIX", "gw-" + UUID.randomUUID().toString().substring(0, 8));
    env.put("SHOUWANG_INFLUX_URL", "http://127.0.0.1:" + FreePorts.next());
    env.put("SHOUWANG_REGISTRY_FILE", TestRegistries.write(dir, 1).toString());
    env.put("SHOUWANG_STORAGE_SPOOL_DIR", dir.resolve("spool").toString());
    env.put("SHOUWANG_ALERTING_DATABASE", dir.resolve("alerting/incidents.db").toString());
    return env;
  }

  /** Starts the JVM and waits until /ready answers 200 (both MQTT connections up, store writable). */
  public GatewayProcess start() throws IOException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the package phase builds"
          + " it (./mvnw -B verify -pl gateway)");
    }
    starts++;
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-jar", JAR.toString()))
        .redirectErrorStream(true)
        .redirectOutput(log.resolve("gateway-" + starts + ".log").toFile());
    builder.environment().putAll(env);
    builder.environment().put("SHOUWANG_HTTP_HOST", "127.0.0.1");
    builder.environment().put("SHOUWANG_HTTP_PORT", Integer.toString(httpPort));
    process = builder.start();
    await().atMost(Duration.ofSeconds(120)).until(this::ready);
    return this;
  }

  /** SIGKILL: no shutdown hook, no flush, no MQTT DISCONNECT. Returns once the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("gateway did not die within 30 s of SIGKILL");
    }
  }

  /** The gateway's Prometheus text (for a failing test's evidence). */
  public String metrics() throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  /** The process's exit code; only once it is dead. */
  public int exitCode() {
    return process.exitValue();
  }

  private boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException("gateway exited with " + process.exitValue() + "; see "
          + log.resolve("gateway-" + starts + ".log"));
    }
    try {
      HttpRequest request = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + httpPort + "/ready")).timeout(Duration.ofSeconds(2))
          .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (alive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}

package io.shouwang.gateway.embedded;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An in-process MQTT 3.1.1 + 5 broker (HiveMQ Community Edition) for the default run and for tests:
 * the gateway talks to it over TCP exactly as it would to a production broker. File persistence
 * in its data folder keeps sessions and queued messages across a restart.
 */
public final class EmbeddedBroker implements AutoCloseable {

  /** Messages the broker queues per offline persistent session (HiveMQ's default is 1,000). */
  static final long MAX_QUEUED_MESSAGES = 1_000_000;

  private final Path root;
  private final String host;
  private final int port;
  private EmbeddedHiveMQ hivemq;

  /** A broker keeping its config and data under {@code root}, listening on host:port. */
  public EmbeddedBroker(Path root, String host, int port) {
    this.root = root;
    this.host = host;
    this.port = port;
  }

  /** Starts the broker; blocks until it accepts connections. */
  public void start() {
    try {
      Path conf = Files.createDirectories(root.resolve("conf"));
      Files.writeString(conf.resolve("config.xml"), configXml(), StandardCharsets.UTF_8);
      Path data = Files.createDirectories(root.resolve("data"));
      Path extensions = Files.createDirectories(root.resolve("extensions"));
      hivemq = EmbeddedHiveMQ.builder()
          .withConfigurationFolder(conf)
          .withDataFolder(data)
          .withExtensionsFolder(extensions)
          .withoutLoggingBootstrap()
          .build();
      hivemq.start().get(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare broker folder " + root, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "embedded MQTT broker did not start on " + host + ":" + port + " (port in use?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the broker", e);
    }
  }

  /** Stops the broker; its persistent sessions and queues survive for the next start. */
  public void stop() {
    if (hivemq == null) {
      return;
    }
    try {
      hivemq.stop().get(60, TimeUnit.SECONDS);
      hivemq.close();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("embedded MQTT broker did not stop", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      hivemq = null;
    }
  }

  /** The URL clients connect to, e.g. {@code tcp://127.0.0.1:11883}. */
  public String url() {
    return "tcp://" + host + ":" + port;
  }

  @Override
  public void close() {
    stop();
  }

  private String configXml() {
    return """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>%s</bind-address>
            </tcp-listener>
          </listeners>
          <mqtt>
            <queued-messages>
              <max-queue-size>%d</max-queue-size>
              <strategy>discard</strategy>
            </queued-messages>
          </mqtt>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
        </hivemq>
        """.formatted(port, host, MAX_QUEUED_MESSAGES);
  }
}

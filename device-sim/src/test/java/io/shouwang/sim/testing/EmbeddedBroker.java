package io.shouwang.sim.testing;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A real MQTT 3.1.1 + 5 broker (embedded HiveMQ) on a free port of 127.0.0.1. */
public final class EmbeddedBroker implements AutoCloseable {

  private final Path root;
  private final int port;
  private EmbeddedHiveMQ hivemq;
  private int generation;

  private EmbeddedBroker(EmbeddedHiveMQ hivemq, Path root, int port) {
    this.hivemq = hivemq;
    this.root = root;
    this.port = port;
  }

  /** Starts a broker with its folders under {@code dir}; retries if the free port got taken. */
  public static EmbeddedBroker start(Path dir) throws Exception {
    Exception last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      Path root = Files.createDirectories(dir.resolve("hivemq-" + attempt));
      Path conf = Files.createDirectories(root.resolve("conf"));
      Path data = Files.createDirectories(root.resolve("data"));
      Path extensions = Files.createDirectories(root.resolve("extensions"));
      Files.writeString(
          conf.resolve("config.xml"),
          """
          <?xml version="1.0"?>
          <hivemq>
            <listeners>
              <tcp-listener>
                <port>%d</port>
                <bind-address>127.0.0.1</bind-address>
              </tcp-listener>
            </listeners>
            <persistence>
              <mode>in-memory</mode>
            </persistence>
            <anonymous-usage-statistics>
              <enabled>false</enabled>
            </anonymous-usage-statistics>
          </hivemq>
          """
              .formatted(port));
      EmbeddedHiveMQ hivemq = build(root, data);
      try {
        hivemq.start().get(90, TimeUnit.SECONDS);
        return new EmbeddedBroker(hivemq, root, port);
      } catch (Exception e) {
        last = e;
        hivemq.close();
      }
    }
    throw last;
  }

  private static EmbeddedHiveMQ build(Path root, Path data) {
    return EmbeddedHiveMQ.builder()
        .withConfigurationFolder(root.resolve("conf"))
        .withDataFolder(data)
        .withExtensionsFolder(root.resolve("extensions"))
        .build();
  }

  /** The broker's URI for Paho. */
  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  /** Stops the broker and starts it again on the same port (clients see a dropped connection). */
  public void restart() throws Exception {
    // A stopped embedded HiveMQ does not start again cleanly: start a fresh one on the same port.
    hivemq.stop().get(30, TimeUnit.SECONDS);
    hivemq.close();
    generation++;
    hivemq = build(root, Files.createDirectories(root.resolve("data-" + generation)));
    hivemq.start().get(90, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws ExecutionException, TimeoutException {
    try {
      hivemq.stop().get(30, TimeUnit.SECONDS);
      hivemq.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A port nobody listened on a moment ago. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

package io.shouwang.sim.mqtt;

import java.util.concurrent.CompletableFuture;

/** An MQTT connection a device (or, under load, many devices) publishes and subscribes through. */
public interface DeviceConnection extends AutoCloseable {

  /**
   * Publishes a message, waiting while the in-flight window is full (backpressure). The future
   * completes when the broker acknowledged it (QoS 1) or it was written to the socket (QoS 0), and
   * fails with a {@link PublishException} naming what went wrong.
   */
  CompletableFuture<Void> publish(String topic, byte[] payload, int qos)
      throws InterruptedException;

  /** Subscribes (again after every reconnect); the handler runs on a thread of its own. */
  void subscribe(String topic, int qos, MessageHandler handler) throws ConnectionException;

  /** Whether the client is connected right now (it reconnects by itself when not). */
  boolean isConnected();

  /** Messages published and not yet completed. */
  int inFlight();

  /** The in-flight window: at most this many publishes are outstanding at once. */
  int window();

  /** How often the client refused a publish because its window was full (Paho 32202). */
  long windowFullCount();

  /** The MQTT client id. */
  String clientId();

  /** Disconnects and releases the client; never throws. */
  @Override
  void close();

  /** Receives messages for a subscription. */
  @FunctionalInterface
  interface MessageHandler {
    /** Called once per message, never concurrently for one connection. */
    void onMessage(String topic, byte[] payload);
  }
}

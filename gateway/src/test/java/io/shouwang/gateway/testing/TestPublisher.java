package io.shouwang.gateway.testing;

import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.EnvelopeCodec;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.Topic;
import io.shouwang.schemas.v1.Envelope;
import java.util.UUID;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** A device-side MQTT 5 client for tests: publishes envelopes or raw bytes, retrying on outages. */
public final class TestPublisher implements AutoCloseable {

  private final MqttClient client;
  private final MqttConnectionOptions options;

  public TestPublisher(String brokerUrl) throws MqttException {
    this(brokerUrl, null);
  }

  /** A device reaching an ssl:// broker through {@code sockets} (null: the JVM's defaults). */
  public TestPublisher(String brokerUrl, SocketFactory sockets) throws MqttException {
    client = new MqttClient(brokerUrl, "test-pub-" + UUID.randomUUID(), new MemoryPersistence());
    options = new MqttConnectionOptions();
    options.setSocketFactory(sockets);
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 2);
    options.setCleanStart(true);
    client.connect(options);
  }

  /** Publishes an envelope on its device's topic of the given class. */
  public void publish(MessageClass messageClass, Envelope envelope, Encoding encoding, int qos)
      throws MqttException {
    String topic = new Topic(messageClass, envelope.getDeviceId(), encoding).path();
    publishRaw(topic, EnvelopeCodec.encode(envelope, encoding), qos);
  }

  /**
   * Publishes raw bytes; waits for the broker's acknowledgement at QoS 1. Paho frees an in-flight
   * slot only after completing the previous token, so a full window (32202) is retried briefly.
   */
  public void publishRaw(String topic, byte[] payload, int qos) throws MqttException {
    MqttMessage message = new MqttMessage(payload);
    message.setQos(qos);
    for (int attempt = 0; ; attempt++) {
      try {
        client.publish(topic, message);
        return;
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || attempt > 10_000) {
          throw e;
        }
        Thread.onSpinWait();
        Thread.yield();
      }
    }
  }

  /**
   * Publishes at QoS 1 until the broker acknowledges, riding out a broker restart: a device keeps
   * a press until it is acknowledged.
   */
  public void publishUntilAcknowledged(MessageClass messageClass, Envelope envelope)
      throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      try {
        publish(messageClass, envelope, Encoding.PROTOBUF, 1);
        return;
      } catch (MqttException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("broker did not come back within 60 s", e);
        }
        reconnectIfIdle();
        // Wait for the automatic reconnect rather than spinning; bounded by the deadline above.
        synchronized (this) {
          wait(100);
        }
      }
    }
  }

  /**
   * Paho's automatic reconnect has been seen to stay idle after a broker restart; a device that
   * holds a press keeps trying to connect itself.
   */
  private void reconnectIfIdle() {
    if (client.isConnected()) {
      return;
    }
    try {
      client.connect(options);
    } catch (MqttException e) {
      // Broker still down, or Paho's own reconnect is under way: the caller tries again.
    }
  }

  public boolean connected() {
    return client.isConnected();
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}

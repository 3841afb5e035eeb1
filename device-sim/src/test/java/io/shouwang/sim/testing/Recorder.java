package io.shouwang.sim.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.EnvelopeCodec;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.Topic;
import io.shouwang.schemas.v1.Command;
import io.shouwang.schemas.v1.Envelope;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A plain Paho subscriber standing in for the gateway: records everything under shouwang/v1/. */
public final class Recorder implements AutoCloseable {

  /** One received message. */
  public record Received(String topic, byte[] payload) {

    /** The parsed topic (fails the test if it is not a Shouwang topic). */
    public Topic parsedTopic() {
      return Topic.parse(topic)
          .orElseThrow(() -> new AssertionError("not a Shouwang topic: " + topic));
    }

    /** The payload decoded with the topic's encoding. */
    public Envelope envelope() {
      try {
        return EnvelopeCodec.decodeEnvelope(payload, parsedTopic().encoding());
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError("undecodable payload on " + topic, e);
      }
    }
  }

  private final MqttClient client;
  private final Queue<Received> received = new ConcurrentLinkedQueue<>();

  /** Connects and subscribes to every device message class. */
  public Recorder(String brokerUri) throws MqttException {
    client = new MqttClient(brokerUri, "recorder-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    client.setCallback(
        new MqttCallback() {
          @Override
          public void messageArrived(String topic, MqttMessage message) {
            received.add(new Received(topic, message.getPayload()));
          }

          @Override
          public void disconnected(MqttDisconnectResponse response) {}

          @Override
          public void mqttErrorOccurred(MqttException exception) {}

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {}

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    client.connect(options);
    for (MessageClass c :
        List.of(MessageClass.TELEMETRY, MessageClass.EVENT, MessageClass.COMMAND_RESULT)) {
      client.subscribe(Topic.filterFor(c), 1);
    }
  }

  /** Everything received so far. */
  public List<Received> all() {
    return List.copyOf(received);
  }

  /** Envelopes received on a device's topics, in arrival order. */
  public List<Envelope> from(String deviceId) {
    return received.stream()
        .filter(r -> Topic.parse(r.topic()).map(t -> t.deviceId().equals(deviceId)).orElse(false))
        .map(Received::envelope)
        .toList();
  }

  /** Publishes a command to a device, as the gateway would. */
  public void send(Command command, Encoding encoding) throws MqttException {
    send(command, encoding, command.getDeviceId());
  }

  /** Publishes a command on a chosen device's command topic (which may not be the addressee). */
  public void send(Command command, Encoding encoding, String topicDeviceId) throws MqttException {
    Topic topic = new Topic(MessageClass.COMMAND, topicDeviceId, encoding);
    MqttMessage message = new MqttMessage(EnvelopeCodec.encode(command, encoding));
    message.setQos(1);
    client.publish(topic.path(), message);
  }

  @Override
  public void close() throws MqttException {
    client.disconnect();
    client.close();
  }
}

package io.shouwang.sim.probe;

import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.Topic;
import io.shouwang.sim.mqtt.ConnectionException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The floor a gateway is measured against: a plain MQTT 5 subscriber to the event topics, QoS 1,
 * that only notes when each probe device's first message arrives. It reads the clock on Paho's
 * own callback thread, before any hand-off, so what it measures is the broker hop alone.
 */
final class FloorSubscriber implements AutoCloseable {

  private final MqttClient client;
  private final Set<String> devices;
  private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

  private FloorSubscriber(MqttClient client, Set<String> devices) {
    this.client = client;
    this.devices = devices;
  }

  /** Connects and subscribes; receives as many unacknowledged messages as the gateway does. */
  static FloorSubscriber start(String broker, String clientId, Set<String> devices,
      int receiveMaximum) throws ConnectionException {
    try {
      MqttClient client = new MqttClient(broker, clientId, new MemoryPersistence());
      FloorSubscriber floor = new FloorSubscriber(client, Set.copyOf(devices));
      client.setCallback(floor.new Callback());
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setCleanStart(true);
      options.setReceiveMaximum(receiveMaximum);
      client.connect(options);
      client.subscribe(Topic.filterFor(MessageClass.EVENT), MessageClass.EVENT.qos());
      return floor;
    } catch (MqttException e) {
      throw new ConnectionException(
          clientId + ": cannot subscribe to the event topics on " + broker + ": " + e.getMessage(),
          e);
    }
  }

  /** When the device's first message arrived (nanoTime), or -1. */
  long arrival(String deviceId) {
    return arrivals.getOrDefault(deviceId, -1L);
  }

  /** How many probe devices have been heard from. */
  int received() {
    return arrivals.size();
  }

  @Override
  public void close() {
    try {
      client.disconnect(1_000);
    } catch (MqttException e) {
      // Already gone: nothing left to release but the client.
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      // Closing is best effort at the end of a run.
    }
  }

  private final class Callback implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      long now = System.nanoTime();
      Topic.parse(topic)
          .map(Topic::deviceId)
          .filter(devices::contains)
          .ifPresent(id -> arrivals.putIfAbsent(id, now));
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
  }
}

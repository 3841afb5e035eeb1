package io.shouwang.sim.mqtt;

import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A device connection over MQTT 3.1.1 (Paho mqttv3). */
final class Mqtt3Connection extends PahoConnection {

  private static final Logger LOG = LoggerFactory.getLogger(Mqtt3Connection.class);

  private final MqttAsyncClient client;

  private Mqtt3Connection(BrokerOptions options, String clientId) throws MqttException {
    super(options, clientId);
    this.client = new MqttAsyncClient(options.uri(), clientId, new MemoryPersistence());
    client.setCallback(new Callback());
    if (options.bufferWhileDisconnected()) {
      DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
      buffer.setBufferEnabled(true);
      buffer.setBufferSize(OFFLINE_BUFFER_MESSAGES);
      buffer.setDeleteOldestMessages(true);
      client.setBufferOpts(buffer);
    }
  }

  /** Creates the client without connecting it. */
  static Mqtt3Connection create(BrokerOptions options, String clientId) throws ConnectionException {
    try {
      return new Mqtt3Connection(options, clientId);
    } catch (MqttException e) {
      throw new ConnectionException(
          clientId + ": cannot create MQTT 3.1.1 client: " + e.getMessage(), e);
    }
  }

  @Override
  int connectOnce() throws MqttException {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    o.setCleanSession(true);
    o.setAutomaticReconnect(true);
    o.setMaxReconnectDelay(30_000);
    o.setKeepAliveInterval(30);
    o.setConnectionTimeout((int) Math.max(1, options.connectTimeout().toSeconds()));
    // MQTT 3.1.1 has no receive maximum: the client's own window is the whole story.
    o.setMaxInflight(options.maxInflight());
    if (options.username() != null) {
      o.setUserName(options.username());
    }
    if (options.password() != null) {
      o.setPassword(options.password().toCharArray());
    }
    client.connect(o).waitForCompletion(options.connectTimeout().toMillis() + 1_000);
    return 0;
  }

  @Override
  void send(String topic, byte[] payload, int qos, CompletableFuture<Void> done)
      throws MqttException {
    MqttMessage message = new MqttMessage(payload);
    message.setQos(qos);
    client.publish(topic, message, null, new Completion(done));
  }

  @Override
  int reasonCode(Throwable error) {
    return error instanceof MqttException e ? e.getReasonCode() : -1;
  }

  @Override
  void subscribeOnce(String topic, int qos) throws MqttException {
    IMqttToken token = client.subscribe(topic, qos);
    token.waitForCompletion(options.connectTimeout().toMillis());
    int[] granted = token.getGrantedQos();
    if (granted != null && granted.length > 0 && granted[0] == 0x80) {
      throw new MqttException(MqttException.REASON_CODE_SUBSCRIBE_FAILED);
    }
  }

  @Override
  void subscribeAsync(String topic, int qos) throws MqttException {
    client.subscribe(topic, qos);
  }

  @Override
  public boolean isConnected() {
    return client.isConnected();
  }

  @Override
  void disconnect(long quiesceMillis, long waitMillis) throws MqttException {
    client.disconnect(quiesceMillis).waitForCompletion(waitMillis);
  }

  @Override
  void closeClient() throws MqttException {
    client.close(true);
  }

  private final class Completion implements IMqttActionListener {
    private final CompletableFuture<Void> done;

    Completion(CompletableFuture<Void> done) {
      this.done = done;
    }

    @Override
    public void onSuccess(IMqttToken token) {
      done.complete(null);
    }

    @Override
    public void onFailure(IMqttToken token, Throwable error) {
      failed(done, error);
    }
  }

  private final class Callback implements MqttCallbackExtended {
    @Override
    public void connectionLost(Throwable cause) {
      LOG.warn("{}: connection lost, reconnecting: {}", clientId, describe(cause));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      deliver(topic, message.getPayload());
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // Completion is reported per publish through its listener.
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      onConnectComplete(reconnect, serverUri);
    }
  }
}

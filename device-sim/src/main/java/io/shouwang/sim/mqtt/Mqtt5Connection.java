package io.shouwang.sim.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A device connection over MQTT 5 (Paho mqttv5). */
final class Mqtt5Connection extends PahoConnection {

  private static final Logger LOG = LoggerFactory.getLogger(Mqtt5Connection.class);

  private final MqttAsyncClient client;

  private Mqtt5Connection(BrokerOptions options, String clientId) throws MqttException {
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
  static Mqtt5Connection create(BrokerOptions options, String clientId) throws ConnectionException {
    try {
      return new Mqtt5Connection(options, clientId);
    } catch (MqttException e) {
      throw new ConnectionException(
          clientId + ": cannot create MQTT 5 client: " + e.getMessage(), e);
    }
  }

  @Override
  int connectOnce() throws MqttException {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    o.setAutomaticReconnect(true);
    o.setAutomaticReconnectDelay(1, 30);
    o.setKeepAliveInterval(30);
    o.setConnectionTimeout((int) Math.max(1, options.connectTimeout().toSeconds()));
    if (options.username() != null) {
      o.setUserName(options.username());
    }
    if (options.password() != null) {
      o.setPassword(options.password().getBytes(StandardCharsets.UTF_8));
    }
    IMqttToken token = client.connect(o);
    token.waitForCompletion(options.connectTimeout().toMillis() + 1_000);
    MqttProperties response = token.getResponseProperties();
    // The broker's receive maximum is Paho's v5 window: more publishes in flight fail with 32202.
    Integer maximum = response == null ? null : response.getReceiveMaximum();
    return maximum == null ? 65_535 : maximum;
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
    int[] codes = token.getReasonCodes();
    if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
      throw new MqttException(codes[0]);
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

  private final class Completion implements MqttActionListener {
    private final CompletableFuture<Void> done;

    Completion(CompletableFuture<Void> done) {
      this.done = done;
    }

    @Override
    public void onSuccess(IMqttToken token) {
      int[] codes = token.getReasonCodes();
      if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
        // An MQTT 5 broker may refuse a publish in its PUBACK (e.g. not authorised).
        done.completeExceptionally(
            new PublishException("broker-refused", "broker refused: reason " + codes[0], null));
      } else {
        done.complete(null);
      }
    }

    @Override
    public void onFailure(IMqttToken token, Throwable error) {
      failed(done, error);
    }
  }

  private final class Callback implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse response) {
      LOG.warn(
          "{}: disconnected from broker, reconnecting: {}", clientId, response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      LOG.warn("{}: MQTT error: {}", clientId, exception.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      deliver(topic, message.getPayload());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
      // Completion is reported per publish through its listener.
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      onConnectComplete(reconnect, serverUri);
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
      // No enhanced authentication.
    }
  }
}

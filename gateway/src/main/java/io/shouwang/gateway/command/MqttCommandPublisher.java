package io.shouwang.gateway.command;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shouwang.alerting.DeviceCommand;
import io.shouwang.alerting.DeviceCommandSink;
import io.shouwang.gateway.config.GatewayConfig;
import io.shouwang.gateway.mqtt.BrokerConnector;
import io.shouwang.registry.PlacedDevice;
import io.shouwang.registry.Registry;
import io.shouwang.schemas.EnvelopeCodec;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.Topic;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Optional;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers device commands (valve close, button feedback) over MQTT at QoS 1, on the device's
 * command topic in the encoding the registry records for it. A connection of its own, so a command
 * never waits behind acknowledgements of inbound traffic. Completes when the broker has the command.
 */
public final class MqttCommandPublisher implements DeviceCommandSink {

  private static final Logger LOG = LoggerFactory.getLogger(MqttCommandPublisher.class);

  private final Vertx vertx;
  private final Registry registry;
  private final GatewayConfig.Mqtt config;
  private final String serverUri;
  private final Counter sent;
  private final Counter failed;
  private final BrokerConnector connector;
  private volatile boolean stopped;
  private MqttAsyncClient client;

  /** @param tlsSockets shared by every broker connection; empty for Paho's default sockets */
  public MqttCommandPublisher(Vertx vertx, Registry registry, GatewayConfig.Mqtt config,
      String serverUri, Optional<SocketFactory> tlsSockets, MeterRegistry meters) {
    this.vertx = vertx;
    this.registry = registry;
    this.config = config;
    this.serverUri = serverUri;
    this.connector =
        new BrokerConnector(vertx, "commands", serverUri, config, tlsSockets, () -> stopped);
    this.sent = Counter.builder("shouwang.commands.sent")
        .description("Device commands accepted by the broker").register(meters);
    this.failed = Counter.builder("shouwang.commands.failed")
        .description("Device commands the broker did not take").register(meters);
  }

  /**
   * Starts connecting in the background; commands sent before the connection is up fail and are
   * retried by the alert engine, which records each attempt.
   */
  public Future<Void> start() {
    MqttConnectionOptions options;
    try {
      options = connector.baseOptions();
      client = new MqttAsyncClient(serverUri, config.clientIdPrefix() + "-commands",
          new MemoryPersistence());
    } catch (MqttException e) {
      return Future.failedFuture(e);
    }
    // Commands carry their own expiry; a command left over from a previous run must not be sent.
    options.setCleanStart(true);
    connector.connect(client, options);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> send(DeviceCommand command) {
    PlacedDevice device = registry.device(command.deviceId()).orElse(null);
    if (device == null) {
      failed.increment();
      return Future.failedFuture(
          new IllegalArgumentException("no device " + command.deviceId() + " in the registry"));
    }
    String topic =
        new Topic(MessageClass.COMMAND, device.device().id(), device.device().encoding()).path();
    MqttMessage message = new MqttMessage(
        EnvelopeCodec.encode(command.command(), device.device().encoding()));
    message.setQos(MessageClass.COMMAND.qos());
    Promise<Void> promise = Promise.promise();
    try {
      client.publish(topic, message, null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          sent.increment();
          promise.tryComplete();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          failed.increment();
          promise.tryFail(e);
        }
      });
    } catch (MqttException | RuntimeException e) {
      failed.increment();
      LOG.warn("command {} to {} not published: {}", command.command().getCommandId(),
          command.deviceId(), e.getMessage());
      promise.tryFail(e);
    }
    return promise.future();
  }

  public Future<Void> stop() {
    stopped = true;
    if (client == null) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      try {
        if (client.isConnected()) {
          client.disconnect(2_000).waitForCompletion(3_000);
        }
        client.close(true);
      } catch (MqttException e) {
        LOG.debug("command publisher close: {}", e.getMessage());
      }
      return null;
    });
  }
}

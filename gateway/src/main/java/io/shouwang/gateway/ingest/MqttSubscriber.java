package io.shouwang.gateway.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shouwang.gateway.config.GatewayConfig;
import io.shouwang.gateway.mqtt.BrokerConnector;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.Topic;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT 5 connection subscribed to some delivery classes. Persistent session (clean start off,
 * session expiry) and manual acknowledgements: the broker keeps every QoS 1 message until the
 * pipeline says it is safe, across gateway crashes and reconnects.
 */
public final class MqttSubscriber {

  private static final Logger LOG = LoggerFactory.getLogger(MqttSubscriber.class);

  private final Vertx vertx;
  private final String name;
  private final GatewayConfig.Mqtt config;
  private final String serverUri;
  private final List<MessageClass> classes;
  private final int receiveMaximum;
  private final IngestPipeline pipeline;
  private final Clock clock;
  private final BooleanSupplier storageHealthy;
  private final AtomicBoolean connected = new AtomicBoolean();
  private final AtomicBoolean redeliveryWanted = new AtomicBoolean();
  private final AtomicLong generation = new AtomicLong();
  private final Counter connects;
  private final Counter connectionsLost;
  private volatile boolean stopped;
  private final BrokerConnector connector;
  private final Promise<Void> firstConnection = Promise.promise();
  private MqttAsyncClient client;
  private MqttConnectionOptions options;
  private long redeliveryTimer = -1;

  /**
   * @param tlsSockets shared by every broker connection; empty for Paho's default sockets
   * @param storageHealthy true when a forced reconnect can expect redelivered messages to be stored
   */
  public MqttSubscriber(
      Vertx vertx,
      String name,
      GatewayConfig.Mqtt config,
      String serverUri,
      Optional<SocketFactory> tlsSockets,
      List<MessageClass> classes,
      int receiveMaximum,
      IngestPipeline pipeline,
      Clock clock,
      BooleanSupplier storageHealthy,
      MeterRegistry meters) {
    this.vertx = vertx;
    this.name = name;
    this.config = config;
    this.serverUri = serverUri;
    this.classes = List.copyOf(classes);
    this.receiveMaximum = receiveMaximum;
    this.pipeline = pipeline;
    this.clock = clock;
    this.storageHealthy = storageHealthy;
    this.connector =
        new BrokerConnector(vertx, name, serverUri, config, tlsSockets, () -> stopped);
    this.connects = Counter.builder("shouwang.mqtt.connects").tag("connection", name)
        .description("Successful (re)connections to the broker").register(meters);
    this.connectionsLost = Counter.builder("shouwang.mqtt.connection.lost").tag("connection", name)
        .description("Connections to the broker lost").register(meters);
    Gauge.builder("shouwang.mqtt.connected", connected, c -> c.get() ? 1 : 0)
        .tag("connection", name).description("1 while connected to the broker").register(meters);
  }

  /**
   * Starts connecting in the background, retrying until the broker answers; fails only when the
   * client cannot be made. {@link #firstConnection()} tells when the broker was first reached.
   */
  public Future<Void> start() {
    try {
      // Made once: a forced reconnect reuses them.
      options = options();
      client = new MqttAsyncClient(serverUri, config.clientIdPrefix() + "-" + name,
          new MemoryPersistence());
    } catch (MqttException e) {
      return Future.failedFuture(new IllegalStateException(
          "cannot create MQTT client for " + serverUri + ": " + e.getMessage(), e));
    }
    client.setManualAcks(true);
    client.setCallback(new Callback());
    connector.connect(client, options);
    redeliveryTimer = vertx.setPeriodic(config.reconnectMinDelay().toMillis(), t -> redeliverIfWanted());
    return Future.succeededFuture();
  }

  /** Completes when the broker is first reached (the subscriptions are then sent). */
  public Future<Void> firstConnection() {
    return firstConnection.future();
  }

  /** True while connected and subscribed. */
  public boolean connected() {
    return connected.get();
  }

  /** Why the latest attempt to reach the broker failed, while no connection has succeeded since. */
  public Optional<String> connectFailure() {
    return connector.lastFailure();
  }

  /** Disconnects; unacknowledged messages stay with the broker for the next session. */
  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(redeliveryTimer);
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
        LOG.debug("MQTT {} close: {}", name, e.getMessage());
      }
      connected.set(false);
      return null;
    });
  }

  private MqttConnectionOptions options() {
    MqttConnectionOptions o = connector.baseOptions();
    o.setCleanStart(false);
    o.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
    o.setReceiveMaximum(receiveMaximum);
    return o;
  }

  private void subscribe() {
    MqttSubscription[] subscriptions = classes.stream()
        .map(c -> new MqttSubscription(filterFor(c), 1))
        .toArray(MqttSubscription[]::new);
    try {
      client.subscribe(subscriptions, null, new org.eclipse.paho.mqttv5.client.MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          connected.set(true);
          LOG.info("MQTT {}: connected to {} and subscribed to {}", name, serverUri, classes);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          LOG.error("MQTT {}: subscribe failed ({}); reconnecting", name, e.getMessage());
          forceReconnect();
        }
      }, new MqttProperties());
    } catch (MqttException e) {
      LOG.error("MQTT {}: subscribe failed ({}); reconnecting", name, e.getMessage());
      forceReconnect();
    }
  }

  private String filterFor(MessageClass messageClass) {
    String filter = Topic.filterFor(messageClass);
    return config.shareGroup().isEmpty() ? filter : "$share/" + config.shareGroup() + "/" + filter;
  }

  /**
   * Messages that could not be stored stay unacknowledged; the broker resends them only on a new
   * connection. Once storage is healthy again, reconnect to get them back.
   */
  private void redeliverIfWanted() {
    if (redeliveryWanted.get() && connected.get() && storageHealthy.getAsBoolean()) {
      redeliveryWanted.set(false);
      LOG.warn("MQTT {}: reconnecting to get unstored messages redelivered", name);
      forceReconnect();
    }
  }

  private void forceReconnect() {
    vertx.executeBlocking(() -> {
      connected.set(false);
      generation.incrementAndGet();
      if (client.isConnected()) {
        client.disconnect(1_000).waitForCompletion(2_000);
      }
      return null;
    }).onComplete(done -> connector.connect(client, options));
  }

  private final class Callback implements MqttCallback {

    @Override
    public void connectComplete(boolean reconnect, String uri) {
      connects.increment();
      // Always resubscribe: a broker that lost our session would otherwise send us nothing.
      subscribe();
      firstConnection.tryComplete();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      long nanos = System.nanoTime();
      long gen = generation.get();
      int id = message.getId();
      int qos = message.getQos();
      InboundMessage inbound = new InboundMessage(
          topic, Topic.parse(topic), message.getPayload(), qos, clock.instant(), nanos,
          new InboundMessage.Acknowledger() {
            @Override
            public void ack() {
              acknowledge(gen, id, qos);
            }

            @Override
            public void redeliverLater() {
              redeliveryWanted.set(true);
            }
          });
      MessageClass subscribed = inbound.parsedTopic().map(Topic::messageClass)
          .orElseGet(() -> classes.get(0));
      pipeline.accept(subscribed, inbound);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      // Bumped on loss, not on connect: the broker may deliver before connectComplete runs.
      generation.incrementAndGet();
      if (connected.getAndSet(false)) {
        connectionsLost.increment();
      }
      if (!stopped) {
        LOG.warn("MQTT {}: disconnected from {} ({}); reconnecting", name, serverUri,
            response.getReasonString() == null ? response.getException() : response.getReasonString());
      }
    }

    @Override
    public void mqttErrorOccurred(MqttException e) {
      LOG.warn("MQTT {}: protocol error: {}", name, e.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }

  /** Acks only deliveries of the current connection: packet ids restart with each connection. */
  private void acknowledge(long gen, int id, int qos) {
    if (gen != generation.get()) {
      return; // the broker redelivers it on this connection; that copy is acknowledged instead
    }
    try {
      client.messageArrivedComplete(id, qos);
    } catch (MqttException e) {
      LOG.debug("MQTT {}: ack of {} not sent ({}); the broker will redeliver", name, id,
          e.getMessage());
    }
  }
}

package io.shouwang.gateway.mqtt;

import io.shouwang.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every gateway connection reaches the broker: credentials, TLS sockets, keep-alive, Paho's
 * automatic reconnect, and — since Paho does not retry a first connect that fails — our own retry
 * with exponential backoff until it succeeds or the owner stops.
 */
public final class BrokerConnector {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerConnector.class);

  private final Vertx vertx;
  private final String name;
  private final String serverUri;
  private final GatewayConfig.Mqtt config;
  private final Optional<SocketFactory> tlsSockets;
  private final BooleanSupplier stopped;
  private volatile String lastFailure;

  /**
   * @param tlsSockets from {@link TlsSockets#forBroker}, made once for all connections; empty for
   *     Paho's default sockets
   * @param stopped true once the owner stops: no further attempts
   */
  public BrokerConnector(Vertx vertx, String name, String serverUri, GatewayConfig.Mqtt config,
      Optional<SocketFactory> tlsSockets, BooleanSupplier stopped) {
    this.vertx = vertx;
    this.name = name;
    this.serverUri = serverUri;
    this.config = config;
    this.tlsSockets = tlsSockets;
    this.stopped = stopped;
  }

  /** Options every connection shares; callers add their session settings. */
  public MqttConnectionOptions baseOptions() {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setAutomaticReconnect(true);
    o.setAutomaticReconnectDelay(
        (int) Math.max(1, config.reconnectMinDelay().toSeconds()),
        (int) Math.max(1, config.reconnectMaxDelay().toSeconds()));
    o.setKeepAliveInterval(30);
    o.setConnectionTimeout(10);
    if (!config.username().isEmpty()) {
      o.setUserName(config.username());
      o.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
    }
    if (tlsSockets.isPresent()) {
      o.setSocketFactory(tlsSockets.get());
    } else if (serverUri.startsWith("tcp://")) {
      o.setSocketFactory(BufferedSockets.FACTORY); // ssl:// keeps Paho's default TLS sockets
    }
    return o;
  }

  /** Connects in the background, retrying with backoff; Paho reconnects by itself afterwards. */
  public void connect(MqttAsyncClient client, MqttConnectionOptions options) {
    attempt(client, options, config.reconnectMinDelay().toMillis());
  }

  private void attempt(MqttAsyncClient client, MqttConnectionOptions options, long delayMs) {
    if (stopped.getAsBoolean()) {
      return;
    }
    long next = Math.min(delayMs * 2, config.reconnectMaxDelay().toMillis());
    try {
      client.connect(options, null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          lastFailure = null;
          // The owner's connectComplete callback takes it from here.
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          retry(client, options, delayMs, next, describe(e));
        }
      });
    } catch (MqttException e) {
      retry(client, options, delayMs, next, describe(e));
    }
  }

  private String describe(Throwable failure) {
    return ConnectFailures.describe(failure, config.keyStore().isPresent());
  }

  /** Why the latest connection attempt failed, until one succeeds; empty before any failure. */
  public Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  private void retry(MqttAsyncClient client, MqttConnectionOptions options, long delayMs, long next,
      String reason) {
    if (stopped.getAsBoolean()) {
      return; // the owner stopped while this attempt was in flight; Vert.x may be closed
    }
    lastFailure = reason;
    LOG.warn("MQTT {}: cannot connect to {} ({}); retrying in {} ms", name, serverUri, reason,
        delayMs);
    vertx.setTimer(delayMs, t -> attempt(client, options, next));
  }
}

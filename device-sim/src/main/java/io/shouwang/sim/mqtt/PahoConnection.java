package io.shouwang.sim.mqtt;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the v3 and v5 Paho connections share: connect retries, the in-flight window with its
 * back-off on "too many publishes in progress", subscriptions that survive reconnects, and a quiet
 * shutdown. The two Paho clients have no common types, so each subclass only makes the calls.
 */
abstract class PahoConnection implements DeviceConnection {

  static final int REASON_WINDOW_FULL = 32202;

  /** Messages Paho keeps while reconnecting (when asked to); the oldest go first. */
  static final int OFFLINE_BUFFER_MESSAGES = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(PahoConnection.class);
  private static final long WINDOW_WAIT_LIMIT_NANOS = Duration.ofSeconds(30).toNanos();

  protected final BrokerOptions options;
  protected final String clientId;
  private final LongAdder windowFull = new LongAdder();
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private final ExecutorService inbound;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile InflightWindow window;

  private record Subscription(int qos, MessageHandler handler) {}

  PahoConnection(BrokerOptions options, String clientId) {
    this.options = options;
    this.clientId = clientId;
    // Handlers publish replies; Paho's callback thread must stay free to process the acks.
    this.inbound =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "inbound-" + clientId);
              t.setDaemon(true);
              return t;
            });
  }

  /** Connects once and returns the broker's receive maximum, or 0 when it does not say. */
  abstract int connectOnce() throws Exception;

  /**
   * Hands one publish to Paho, which completes {@code done} through {@link #failed} or on success;
   * throws Paho's exception when Paho refuses it at once.
   */
  abstract void send(String topic, byte[] payload, int qos, CompletableFuture<Void> done)
      throws Exception;

  /** Paho's reason code when {@code error} is this client's MqttException, else -1. */
  abstract int reasonCode(Throwable error);

  /** Subscribes and waits for the broker's answer. */
  abstract void subscribeOnce(String topic, int qos) throws Exception;

  /** Subscribes without waiting (used from Paho's reconnect callback). */
  abstract void subscribeAsync(String topic, int qos) throws Exception;

  /** Disconnects, giving in-flight work {@code quiesceMillis}; waits {@code waitMillis}. */
  abstract void disconnect(long quiesceMillis, long waitMillis) throws Exception;

  /** Releases the Paho client and its threads. */
  abstract void closeClient() throws Exception;

  final void connect() throws ConnectionException {
    Exception last = null;
    long backoffMillis = 500;
    for (int attempt = 1; attempt <= options.connectAttempts(); attempt++) {
      try {
        int brokerMaximum = connectOnce();
        int size =
            brokerMaximum > 0
                ? Math.min(options.maxInflight(), brokerMaximum)
                : options.maxInflight();
        window = new InflightWindow(size);
        return;
      } catch (Exception e) {
        last = e;
        LOG.debug("{}: connect attempt {} failed: {}", clientId, attempt, e.getMessage());
      }
      if (attempt < options.connectAttempts()) {
        try {
          Thread.sleep(backoffMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        backoffMillis = Math.min(backoffMillis * 2, 8_000);
      }
    }
    close();
    throw new ConnectionException(
        "broker %s unreachable after %d attempts: %s"
            .formatted(options.uri(), options.connectAttempts(), describe(last)),
        last);
  }

  @Override
  public final CompletableFuture<Void> publish(String topic, byte[] payload, int qos)
      throws InterruptedException {
    InflightWindow w = window;
    w.acquire();
    CompletableFuture<Void> done = new CompletableFuture<>();
    done.whenComplete((ok, error) -> w.release());
    long deadline = System.nanoTime() + WINDOW_WAIT_LIMIT_NANOS;
    while (true) {
      int code = trySend(topic, payload, qos, done);
      if (code == 0) {
        return done;
      }
      if (code == REASON_WINDOW_FULL && System.nanoTime() < deadline) {
        // Paho counts differently from us (e.g. after a reconnect): wait for an ack, try again.
        windowFull.increment();
        w.awaitCompletion();
        continue;
      }
      fail(done, code, null);
      return done;
    }
  }

  /** Hands one publish to Paho: 0 when it took it (or it failed for good), else its reason code. */
  private int trySend(String topic, byte[] payload, int qos, CompletableFuture<Void> done) {
    try {
      send(topic, payload, qos, done);
      return 0;
    } catch (RuntimeException e) {
      fail(done, -1, e);
      return 0;
    } catch (Exception e) {
      return reasonCode(e);
    }
  }

  /** Completes a publish's future from Paho's failure callback. */
  final void failed(CompletableFuture<Void> done, Throwable error) {
    fail(done, reasonCode(error), error);
  }

  /** Completes a publish's future with a labelled failure. */
  private static void fail(CompletableFuture<Void> done, int reasonCode, Throwable cause) {
    String kind = PublishException.kindOf(reasonCode);
    done.completeExceptionally(
        new PublishException(kind, kind + (cause == null ? "" : ": " + cause.getMessage()), cause));
  }

  @Override
  public final void subscribe(String topic, int qos, MessageHandler handler)
      throws ConnectionException {
    subscriptions.put(topic, new Subscription(qos, handler));
    try {
      subscribeOnce(topic, qos);
    } catch (Exception e) {
      throw new ConnectionException(clientId + ": cannot subscribe to " + topic, e);
    }
  }

  /** Called from Paho's thread for every message. */
  final void deliver(String topic, byte[] payload) {
    Subscription s = subscriptions.get(topic);
    if (s != null) {
      inbound.execute(() -> s.handler().onMessage(topic, payload));
    }
  }

  /** Called from Paho's thread when a connect completes; subscribes again after a reconnect. */
  final void onConnectComplete(boolean reconnect, String serverUri) {
    if (!reconnect) {
      return;
    }
    LOG.info("{}: reconnected to {}", clientId, serverUri);
    // The clean session lost the subscriptions; waiting here would block Paho's thread.
    subscriptions.forEach(
        (topic, s) -> {
          try {
            subscribeAsync(topic, s.qos());
          } catch (Exception e) {
            LOG.warn("{}: cannot resubscribe to {}: {}", clientId, topic, e.getMessage());
          }
        });
  }

  @Override
  public int inFlight() {
    InflightWindow w = window;
    return w == null ? 0 : w.inFlight();
  }

  @Override
  public int window() {
    InflightWindow w = window;
    return w == null ? 0 : w.size();
  }

  @Override
  public long windowFullCount() {
    return windowFull.sum();
  }

  @Override
  public String clientId() {
    return clientId;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    disconnectQuietly();
    inbound.shutdown();
    try {
      inbound.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void disconnectQuietly() {
    try {
      if (isConnected()) {
        disconnect(2_000, 3_000);
      }
    } catch (Exception e) {
      LOG.debug("{}: disconnect: {}", clientId, e.getMessage());
    }
    try {
      closeClient();
    } catch (Exception e) {
      LOG.debug("{}: close: {}", clientId, e.getMessage());
    }
  }

  static String describe(Throwable e) {
    if (e == null) {
      return "unknown error";
    }
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return e.getCause() == null || e.getCause() == e
        ? text
        : text + " (" + describe(e.getCause()) + ")";
  }
}

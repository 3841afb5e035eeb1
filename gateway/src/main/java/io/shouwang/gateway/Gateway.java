package io.shouwang.gateway;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.shouwang.alerting.AlertEngine;
import io.shouwang.gateway.alerts.AlertingSetup;
import io.shouwang.gateway.command.MqttCommandPublisher;
import io.shouwang.gateway.config.ConfigException;
import io.shouwang.gateway.config.GatewayConfig;
import io.shouwang.gateway.embedded.EmbeddedBroker;
import io.shouwang.gateway.embedded.EmbeddedTimeSeries;
import io.shouwang.gateway.ingest.AlertPath;
import io.shouwang.gateway.ingest.DeadLetters;
import io.shouwang.gateway.ingest.IngestPipeline;
import io.shouwang.gateway.ingest.MqttSubscriber;
import io.shouwang.gateway.mqtt.TlsSockets;
import io.shouwang.gateway.ops.OpsServer;
import io.shouwang.gateway.api.HttpApi;
import io.shouwang.gateway.health.DeviceHealthBoard;
import io.shouwang.gateway.notify.dashboard.DashboardFeed;
import io.shouwang.gateway.notify.dashboard.DashboardOptions;
import io.shouwang.gateway.vitals.FluxVitals;
import io.shouwang.gateway.vitals.QuestDbVitals;
import io.shouwang.gateway.vitals.VitalsStore;
import io.shouwang.gateway.web.WebServer;
import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import io.vertx.ext.web.client.WebClient;
import io.shouwang.gateway.ops.ReadinessCheck;
import io.shouwang.registry.Registry;
import io.shouwang.gateway.storage.PointWriter;
import io.shouwang.gateway.storage.PointWriterOptions;
import io.shouwang.gateway.storage.RejectedLineSink;
import io.shouwang.gateway.storage.WriterHealth;
import io.shouwang.gateway.storage.influx.InfluxDbConfig;
import io.shouwang.gateway.storage.influx.InfluxDbStore;
import io.shouwang.gateway.storage.spool.DiskSpool;
import io.shouwang.schemas.MessageClass;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.SocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: wires configuration, registry, embedded services, storage, ingest and the
 * operations server by constructor, and stops them in reverse order.
 */
public final class Gateway {

  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  /** Events are written at once, in small batches (PointWriterOptions.EVENT_LINGER). */
  static final int EVENT_BATCH_LINES = 500;

  private final Vertx vertx;
  private final List<Stoppable> stopOrder = new ArrayList<>();
  private final String mqttUrl;
  private final String timeSeriesUrl;
  private final Optional<EmbeddedTimeSeries> embeddedTimeSeries;
  private final PrometheusMeterRegistry meters;
  private final DeviceHealthBoard deviceHealth = new DeviceHealthBoard();
  private IngestPipeline pipeline;
  private AlertingSetup alerting;
  private Future<Void> brokerConnected;
  private int httpPort;

  private Gateway(Vertx vertx, String mqttUrl, String timeSeriesUrl,
      Optional<EmbeddedTimeSeries> embeddedTimeSeries, PrometheusMeterRegistry meters) {
    this.vertx = vertx;
    this.mqttUrl = mqttUrl;
    this.timeSeriesUrl = timeSeriesUrl;
    this.embeddedTimeSeries = embeddedTimeSeries;
    this.meters = meters;
  }

  /**
   * Starts everything. Embedded services start on the calling thread (they block); the returned
   * future completes once the HTTP port is bound and the MQTT connections are being made:
   * {@link #brokerConnected()} tells when they are up.
   */
  public static Future<Gateway> start(
      GatewayConfig config, Registry registry, AlertPath observer, Clock clock) {
    Optional<SocketFactory> tlsSockets;
    try {
      // Key and trust stores are read once, before anything starts: a bad one stops start-up.
      tlsSockets = TlsSockets.forBroker(config.mqtt());
    } catch (ConfigException e) {
      return Future.failedFuture(e);
    }
    List<Stoppable> embedded = new ArrayList<>();
    String mqttUrl = config.mqtt().url();
    if (config.mqtt().embedded()) {
      EmbeddedBroker broker = new EmbeddedBroker(config.embedded().dataDir().resolve("mqtt"),
          config.embedded().mqttHost(), config.embedded().mqttPort());
      broker.start();
      embedded.add(() -> {
        broker.stop();
        return Future.succeededFuture();
      });
      mqttUrl = broker.url();
    }
    Optional<EmbeddedTimeSeries> timeSeries = Optional.empty();
    String influxUrl = config.influx().url();
    if (config.influx().embedded()) {
      EmbeddedTimeSeries ts = new EmbeddedTimeSeries(config.embedded().dataDir().resolve("timeseries"),
          config.embedded().timeSeriesHost(), config.embedded().timeSeriesHttpPort());
      ts.start();
      embedded.add(() -> {
        ts.stop();
        return Future.succeededFuture();
      });
      timeSeries = Optional.of(ts);
      influxUrl = ts.url();
    }

    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(meters);
    new JvmGcMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);

    Vertx vertx = Vertx.vertx();
    Gateway gateway = new Gateway(vertx, mqttUrl, influxUrl, timeSeries, meters);
    // Stopped last, in reverse start order.
    for (int i = embedded.size() - 1; i >= 0; i--) {
      gateway.stopOrder.add(0, embedded.get(i));
    }
    return gateway.wire(config, registry, observer, clock, influxUrl, tlsSockets)
        .recover(e -> gateway.stop().transform(stopped -> Future.failedFuture(e)));
  }

  private Future<Gateway> wire(GatewayConfig config, Registry registry,
      AlertPath observer, Clock clock, String influxUrl, Optional<SocketFactory> tlsSockets) {
    DeadLetters deadLetters = new DeadLetters(config.ingest().deadLetterCapacity());
    RejectedLineSink rejected = (line, reason) ->
        deadLetters.recordPoint(clock.instant(), StoredLines.deviceId(line), reason);
    GatewayConfig.Storage storage = config.storage();
    // Writers hold at most what the lanes can admit, so they never refuse a line a lane took in.
    PointWriter events = writer("events", config, influxUrl,
        new PointWriterOptions(EVENT_BATCH_LINES, PointWriterOptions.EVENT_LINGER,
            storage.retryInterval(),
            IngestPipeline.EVENT_LANE_CAPACITY), rejected);
    int telemetryPending = Math.max(storage.telemetryBatchLines(),
        config.ingest().telemetryLanes() * config.ingest().laneCapacity());
    PointWriter telemetry = writer("telemetry", config, influxUrl,
        new PointWriterOptions(storage.telemetryBatchLines(), storage.telemetryLinger(),
            storage.retryInterval(), telemetryPending), rejected);

    MqttCommandPublisher commands =
        new MqttCommandPublisher(vertx, registry, config.mqtt(), mqttUrl, tlsSockets, meters);
    return Future.all(events.start(), telemetry.start())
        .compose(v -> {
          stopOrder.add(0, events::stop);
          stopOrder.add(0, telemetry::stop);
          return commands.start();
        })
        .compose(v -> {
          stopOrder.add(0, commands::stop);
          if (!config.alerting().enabled()) {
            return Future.succeededFuture(observer);
          }
          alerting = AlertingSetup.create(vertx, config, registry, commands, meters, clock);
          return alerting.start().map(started -> {
            stopOrder.add(0, alerting::stop);
            return both(observer, alerting.path());
          });
        })
        .compose(alertPath -> IngestPipeline.create(vertx, config.ingest(), registry, events,
            telemetry, deadLetters, recordingHealth(alertPath),
            alerting == null ? IngestPipeline.EVENT_THREAD_POOL : AlertEngine.THREAD_POOL,
            meters, clock))
        .compose(p -> {
          pipeline = p;
          MqttSubscriber eventSubscriber = new MqttSubscriber(vertx, "events", config.mqtt(), mqttUrl,
              tlsSockets, List.of(MessageClass.EVENT, MessageClass.COMMAND_RESULT),
              config.mqtt().eventReceiveMaximum(), p, clock,
              () -> healthy(events.health()), meters);
          MqttSubscriber telemetrySubscriber = new MqttSubscriber(vertx, "telemetry", config.mqtt(),
              mqttUrl, tlsSockets, List.of(MessageClass.TELEMETRY),
              config.mqtt().telemetryReceiveMaximum(), p, clock,
              () -> healthy(telemetry.health()), meters);
          stopOrder.add(0, telemetrySubscriber::stop);
          stopOrder.add(0, eventSubscriber::stop);
          OpsServer ops = new OpsServer(meters, List.of(
              mqttCheck("mqtt-events", eventSubscriber),
              mqttCheck("mqtt-telemetry", telemetrySubscriber),
              storageCheck("storage-events", events),
              storageCheck("storage-telemetry", telemetry)), deadLetters);
          WebServer web = new WebServer(vertx, config.http(), ops, api(config, registry, clock,
              influxUrl));
          stopOrder.add(0, web::stop);
          brokerConnected = Future.all(eventSubscriber.firstConnection(),
              telemetrySubscriber.firstConnection()).mapEmpty();
          // Serving before the broker is reached: while it cannot be (down, or a TLS trust
          // problem) /ready says why instead of nothing answering at all.
          return Future.all(eventSubscriber.start(), telemetrySubscriber.start())
              .compose(v -> web.start());
        })
        .map(port -> {
          httpPort = port;
          return this;
        });
  }

  /** Every accepted message also tells the device-health board when the device was last heard. */
  private AlertPath recordingHealth(AlertPath path) {
    return m -> {
      deviceHealth.record(m);
      return path.onMessage(m);
    };
  }

  private HttpApi api(GatewayConfig config, Registry registry, Clock clock, String influxUrl) {
    DashboardFeed feed = alerting != null ? alerting.dashboard()
        : new DashboardFeed(DashboardOptions.defaults(), meters);
    return new HttpApi(vertx, registry, Optional.ofNullable(alerting), feed, deviceHealth,
        vitalsStore(config, influxUrl), clock);
  }

  /** QuestDB SQL on the embedded default, Flux on a real InfluxDB. */
  private VitalsStore vitalsStore(GatewayConfig config, String influxUrl) {
    if (config.influx().questDbQueries()) {
      WebClient client = WebClient.create(vertx);
      stopOrder.add(0, () -> {
        client.close();
        return Future.succeededFuture();
      });
      return new QuestDbVitals(client, influxUrl);
    }
    GatewayConfig.Influx influx = config.influx();
    InfluxDBClient client = InfluxDBClientFactory.create(influxUrl,
        influx.token().toCharArray(), influx.org(), influx.bucket());
    stopOrder.add(0, () -> {
      client.close();
      return Future.succeededFuture();
    });
    return new FluxVitals(vertx, client, influx.bucket());
  }

  /**
   * Tests observe accepted messages beside the engine; both must be safe before the ack. Without
   * an observer (production) the engine's path is used as it is: nothing extra per message.
   */
  private static AlertPath both(AlertPath observer, AlertPath engine) {
    if (observer == AlertPath.NONE) {
      return engine;
    }
    return m -> Future.all(observer.onMessage(m), engine.onMessage(m)).mapEmpty();
  }

  private PointWriter writer(String name, GatewayConfig config, String influxUrl,
      PointWriterOptions options, RejectedLineSink rejected) {
    GatewayConfig.Influx influx = config.influx();
    InfluxDbStore store = new InfluxDbStore(new InfluxDbConfig(influxUrl, influx.org(),
        influx.bucket(), influx.token(), influx.timeout(), influx.timeout(), influx.timeout()));
    DiskSpool spool = new DiskSpool(config.storage().spoolDir().resolve(name),
        config.storage().spoolMaxBytes());
    return new PointWriter(vertx, name, store, spool, options, meters, rejected);
  }

  private static boolean healthy(WriterHealth health) {
    return health.storeReachable() && !health.spoolFull();
  }

  private static ReadinessCheck mqttCheck(String name, MqttSubscriber subscriber) {
    return new ReadinessCheck(name, () -> subscriber.connected()
        ? ReadinessCheck.Result.up("connected")
        : ReadinessCheck.Result.down(subscriber.connectFailure()
            .map(reason -> "not connected: " + reason + "; retrying")
            .orElse("not connected; reconnecting")));
  }

  private static ReadinessCheck storageCheck(String name, PointWriter writer) {
    return new ReadinessCheck(name, () -> {
      WriterHealth h = writer.health();
      String spool = h.spooledBatches() + " batches (" + h.spooledBytes() + " bytes) spooled";
      if (h.spoolFull()) {
        return ReadinessCheck.Result.down("spool full; " + spool);
      }
      return h.storeReachable()
          ? ReadinessCheck.Result.up("store writable; " + spool)
          : ReadinessCheck.Result.down("store unreachable; spooling; " + spool);
    });
  }

  /** Stops intake first, then flushes storage, then the embedded services. */
  public Future<Void> stop() {
    Future<Void> chain = Future.succeededFuture();
    for (Stoppable s : List.copyOf(stopOrder)) {
      chain = chain.eventually(() -> s.stop().recover(e -> {
        LOG.warn("stopping: {}", e.getMessage());
        return Future.succeededFuture();
      }));
    }
    stopOrder.clear();
    return chain.eventually(vertx::close);
  }

  /** Completes once both MQTT subscriber connections have reached the broker the first time. */
  public Future<Void> brokerConnected() {
    return brokerConnected;
  }

  public int httpPort() {
    return httpPort;
  }

  public String mqttUrl() {
    return mqttUrl;
  }

  public String timeSeriesUrl() {
    return timeSeriesUrl;
  }

  public Optional<EmbeddedTimeSeries> embeddedTimeSeries() {
    return embeddedTimeSeries;
  }

  /** When each device was last heard, for the pages. */
  public DeviceHealthBoard deviceHealth() {
    return deviceHealth;
  }

  /** The alert engine and its dashboard feed; empty when alerting.enabled is false. */
  public Optional<AlertingSetup> alerting() {
    return Optional.ofNullable(alerting);
  }

  public IngestPipeline pipeline() {
    return pipeline;
  }

  public PrometheusMeterRegistry meters() {
    return meters;
  }

  @FunctionalInterface
  private interface Stoppable {
    Future<Void> stop();
  }
}

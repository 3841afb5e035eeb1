package io.shouwang.gateway.testing;

import io.shouwang.gateway.Gateway;
import io.shouwang.gateway.config.ConfigLoader;
import io.shouwang.gateway.config.GatewayConfig;
import io.shouwang.gateway.embedded.EmbeddedBroker;
import io.shouwang.gateway.embedded.EmbeddedTimeSeries;
import io.shouwang.gateway.ingest.AlertPath;
import io.shouwang.registry.Registry;
import io.shouwang.registry.RegistryLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real broker, a real time-series server and a gateway wired to both through the ordinary
 * configuration path. Tests own the servers, so they can stop and restart them mid-run.
 */
public final class GatewayFixture implements AutoCloseable {

  public final Path dir;
  public final Registry registry;
  public final EmbeddedBroker broker;
  public final EmbeddedTimeSeries timeSeries;
  private final String brokerUrl;
  private Gateway gateway;

  private GatewayFixture(Path dir, Registry registry, EmbeddedBroker broker, String brokerUrl,
      EmbeddedTimeSeries timeSeries) {
    this.dir = dir;
    this.registry = registry;
    this.broker = broker;
    this.brokerUrl = brokerUrl;
    this.timeSeries = timeSeries;
  }

  /** Starts an embedded HiveMQ and QuestDB on free ports, plus the gateway. */
  public static GatewayFixture start(Path dir, int households, AlertPath observer,
      Map<String, String> extraEnv) throws Exception {
    EmbeddedBroker broker = new EmbeddedBroker(dir.resolve("broker"), "127.0.0.1", FreePorts.next());
    broker.start();
    return startWith(dir, households, observer, extraEnv, broker, broker.url());
  }

  /** Starts QuestDB and the gateway against a broker someone else runs (e.g. Mosquitto). */
  public static GatewayFixture startWithBroker(Path dir, int households, String brokerUrl,
      AlertPath observer) throws Exception {
    return startWithBroker(dir, households, brokerUrl, observer, Map.of());
  }

  /** As {@link #startWithBroker(Path, int, String, AlertPath)}, with more settings. */
  public static GatewayFixture startWithBroker(Path dir, int households, String brokerUrl,
      AlertPath observer, Map<String, String> extraEnv) throws Exception {
    return startWith(dir, TestRegistries.households(dir, households), observer, extraEnv, null,
        brokerUrl, true);
  }

  /**
   * Starts QuestDB and the gateway against a broker it is expected not to reach: returns once
   * the gateway serves HTTP, without waiting for the broker.
   */
  public static GatewayFixture startUnconnected(Path dir, int households, String brokerUrl,
      Map<String, String> extraEnv) throws Exception {
    return startWith(dir, TestRegistries.households(dir, households), AlertPath.NONE, extraEnv,
        null, brokerUrl, false);
  }

  /** Starts an embedded HiveMQ and QuestDB and the gateway with this registry file. */
  public static GatewayFixture startWithRegistry(Path dir, Path registryFile,
      Map<String, String> extraEnv) throws Exception {
    EmbeddedBroker broker = new EmbeddedBroker(dir.resolve("broker"), "127.0.0.1", FreePorts.next());
    broker.start();
    return startWith(dir, RegistryLoader.load(registryFile), AlertPath.NONE, extraEnv, broker,
        broker.url(), true);
  }

  private static GatewayFixture startWith(Path dir, int households,
      AlertPath observer, Map<String, String> extraEnv, EmbeddedBroker broker,
      String brokerUrl) throws Exception {
    return startWith(dir, TestRegistries.households(dir, households), observer, extraEnv, broker,
        brokerUrl, true);
  }

  private static GatewayFixture startWith(Path dir, Registry registry,
      AlertPath observer, Map<String, String> extraEnv, EmbeddedBroker broker,
      String brokerUrl, boolean waitForBroker) throws Exception {
    EmbeddedTimeSeries timeSeries =
        new EmbeddedTimeSeries(dir.resolve("timeseries"), "127.0.0.1", FreePorts.next());
    timeSeries.start();
    GatewayFixture fixture = new GatewayFixture(dir, registry, broker, brokerUrl, timeSeries);
    try {
      fixture.gateway = fixture.startGateway(observer, extraEnv);
      if (waitForBroker) {
        fixture.gateway.brokerConnected().toCompletionStage().toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      // The caller never gets the fixture to close: stop what did start.
      try {
        fixture.close();
      } catch (Exception alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw e;
    }
    return fixture;
  }

  private Gateway startGateway(AlertPath observer, Map<String, String> extraEnv)
      throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("SHOUWANG_MQTT_URL", brokerUrl);
    env.put("SHOUWANG_MQTT_CLIENT_ID_PREFIX", "gw-" + UUID.randomUUID().toString().substring(0, 8));
    env.put("SHOUWANG_MQTT_RECONNECT_MIN_DELAY", "1s");
    env.put("SHOUWANG_MQTT_RECONNECT_MAX_DELAY", "2s");
    env.put("SHOUWANG_INFLUX_URL", timeSeries.url());
    env.put("SHOUWANG_INFLUX_QUERY_LANGUAGE", "questdb-sql");
    env.put("SHOUWANG_HTTP_HOST", "127.0.0.1");
    env.put("SHOUWANG_HTTP_PORT", "0");
    env.put("SHOUWANG_STORAGE_SPOOL_DIR", dir.resolve("spool").toString());
    env.put("SHOUWANG_STORAGE_RETRY_INTERVAL", "500ms");
    env.put("SHOUWANG_ALERTING_DATABASE", dir.resolve("alerting/incidents.db").toString());
    env.putAll(extraEnv);
    GatewayConfig config = ConfigLoader.load(Optional.empty(), env);
    return Gateway.start(config, registry, observer, Clock.systemUTC())
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  public Gateway gateway() {
    return gateway;
  }

  public String brokerUrl() {
    return brokerUrl;
  }

  /** Rows in a table of the time-series server. */
  public long rows(String table) {
    return timeSeries.count(table);
  }

  /** The value of a counter in the gateway's Prometheus registry (summed over tags matching). */
  public double counter(String name, String... tags) {
    var search = gateway.meters().find(name);
    if (tags.length > 0) {
      search = search.tags(tags);
    }
    return search.counters().stream().mapToDouble(c -> c.count()).sum();
  }

  @Override
  public void close() throws Exception {
    if (gateway != null) {
      gateway.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
    timeSeries.stop();
    if (broker != null) {
      broker.stop();
    }
  }
}

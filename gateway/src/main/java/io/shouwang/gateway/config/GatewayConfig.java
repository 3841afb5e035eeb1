package io.shouwang.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The whole validated gateway configuration; see gateway-defaults.yaml for every key. */
public record GatewayConfig(
    Mqtt mqtt,
    Influx influx,
    Storage storage,
    Ingest ingest,
    Optional<Path> registryFile,
    Http http,
    Embedded embedded,
    Alerting alerting,
    Channels channels) {

  static final String EMBEDDED = "embedded";

  /** MQTT connection settings. */
  public record Mqtt(
      String url,
      String username,
      String password,
      String clientIdPrefix,
      Duration sessionExpiry,
      int eventReceiveMaximum,
      int telemetryReceiveMaximum,
      String shareGroup,
      Optional<Path> trustStore,
      String trustStorePassword,
      Optional<Path> keyStore,
      String keyStorePassword,
      Duration reconnectMinDelay,
      Duration reconnectMaxDelay) {

    /** True when the gateway should start its own in-process broker. */
    public boolean embedded() {
      return EMBEDDED.equals(url);
    }

    @Override
    public String toString() {
      // Never print the password.
      return "Mqtt[url=" + url + ", username=" + username + ", clientIdPrefix=" + clientIdPrefix + "]";
    }
  }

  /** Time-series store reached over the InfluxDB v2 write API. */
  /**
   * The time-series store.
   *
   * @param queryLanguage how the pages read vitals back: {@code flux} (InfluxDB 2.x, Cloud, 1.8+),
   *     {@code questdb-sql} (QuestDB, the embedded server) or {@code auto} (QuestDB SQL for the
   *     embedded server, Flux otherwise)
   */
  public record Influx(String url, String org, String bucket, String token, Duration timeout,
      String queryLanguage) {

    /** True when the gateway should start its own in-process time-series server. */
    public boolean embedded() {
      return EMBEDDED.equals(url);
    }

    /** True when vitals are read with QuestDB's SQL rather than Flux. */
    public boolean questDbQueries() {
      return "questdb-sql".equals(queryLanguage) || ("auto".equals(queryLanguage) && embedded());
    }

    @Override
    public String toString() {
      return "Influx[url=" + url + ", org=" + org + ", bucket=" + bucket + "]";
    }
  }

  /** Batching and the durable spool in front of the store. */
  public record Storage(
      Path spoolDir,
      long spoolMaxBytes,
      int telemetryBatchLines,
      Duration telemetryLinger,
      Duration retryInterval) {}

  /** Lanes, limits and validation settings of the ingest path. */
  public record Ingest(
      int telemetryLanes,
      int laneCapacity,
      int maxPayloadBytes,
      Duration maxClockSkew,
      int dedupWindow,
      int deadLetterCapacity) {}

  /** The operations and API HTTP server. */
  /**
   * The HTTP server: operations endpoints, the API and the pages.
   *
   * @param secureCookies mark the session cookie Secure (on when a TLS proxy is in front)
   * @param sessionTimeout a session unused this long is gone
   * @param webRoot a folder of pages to serve instead of the ones in the jar (for page work), or
   *     empty
   */
  public record Http(String host, int port, boolean secureCookies, Duration sessionTimeout,
      Optional<Path> webRoot) {}

  /** Where the embedded broker and time-series server listen and keep their data. */
  public record Embedded(
      Path dataDir, String mqttHost, int mqttPort, String timeSeriesHost, int timeSeriesHttpPort) {}

  /** The alert engine: whether it runs, where it keeps incidents, its optional YAML files. */
  public record Alerting(boolean enabled, Path database, Optional<Path> configFile,
      Optional<Path> rulesFile, boolean console) {}

  /** Paging channel settings as written; the gateway turns them into channel options. */
  public record Channels(
      String webhookUrl,
      String webhookSecret,
      String smsUrl,
      String smsMethod,
      String smsBodyFormat,
      String smsBodyTemplate,
      String smsApiKeyHeader,
      String smsApiKey,
      int smsMaxLength,
      String emailHost,
      int emailPort,
      String emailStarttls,
      String emailUsername,
      String emailPassword,
      String emailFrom) {

    @Override
    public String toString() {
      // Secrets stay out of logs.
      return "Channels[webhook=" + !webhookUrl.isEmpty() + ", sms=" + !smsUrl.isEmpty()
          + ", email=" + !emailHost.isEmpty() + "]";
    }
  }

  static GatewayConfig from(ConfigTree t) {
    Mqtt mqtt =
        new Mqtt(
            brokerUrl(t, "mqtt.url"),
            t.string("mqtt.username"),
            t.string("mqtt.password"),
            clientIdPrefix(t),
            t.duration("mqtt.sessionExpiry", Duration.ZERO, Duration.ofDays(30)),
            t.integer("mqtt.eventReceiveMaximum", 1, 65_535),
            t.integer("mqtt.telemetryReceiveMaximum", 1, 65_535),
            t.string("mqtt.shareGroup").trim(),
            optionalPath(t, "mqtt.trustStore"),
            t.string("mqtt.trustStorePassword"),
            optionalPath(t, "mqtt.keyStore"),
            t.string("mqtt.keyStorePassword"),
            t.duration("mqtt.reconnectMinDelay", Duration.ofMillis(100), Duration.ofMinutes(5)),
            t.duration("mqtt.reconnectMaxDelay", Duration.ofSeconds(1), Duration.ofHours(1)));
    // Paho refuses a TLS socket factory on a tcp:// connection: it would never connect.
    onlyForTls(mqtt, "mqtt.trustStore", mqtt.trustStore());
    onlyForTls(mqtt, "mqtt.keyStore", mqtt.keyStore());
    Influx influx =
        new Influx(
            httpUrl(t, "influx.url"),
            t.nonBlank("influx.org"),
            t.nonBlank("influx.bucket"),
            t.string("influx.token"),
            t.duration("influx.timeout", Duration.ofMillis(100), Duration.ofMinutes(5)),
            oneOf(t, "influx.queryLanguage", "auto", "flux", "questdb-sql"));
    Storage storage =
        new Storage(
            Path.of(t.nonBlank("storage.spoolDir")),
            t.bytes("storage.spoolMaxBytes", 1L << 20, Long.MAX_VALUE),
            t.integer("storage.telemetryBatchLines", 1, 100_000),
            t.duration("storage.telemetryLinger", Duration.ZERO, Duration.ofSeconds(10)),
            t.duration("storage.retryInterval", Duration.ofMillis(100), Duration.ofMinutes(10)));
    Ingest ingest =
        new Ingest(
            t.integer("ingest.telemetryLanes", 1, 64),
            t.integer("ingest.laneCapacity", 16, 10_000_000),
            (int) t.bytes("ingest.maxPayloadBytes", 64, 256L << 20),
            t.duration("ingest.maxClockSkew", Duration.ofSeconds(1), Duration.ofDays(365)),
            t.integer("ingest.dedupWindow", 16, 1 << 20),
            t.integer("ingest.deadLetterCapacity", 1, 1_000_000));
    if (ingest.laneCapacity() < mqtt.telemetryReceiveMaximum()) {
      throw new ConfigException(
          "ingest.laneCapacity",
          "must be at least mqtt.telemetryReceiveMaximum ("
              + mqtt.telemetryReceiveMaximum()
              + ") so QoS 1 telemetry can never overflow a lane");
    }
    Http http = new Http(t.nonBlank("http.host"), t.integer("http.port", 0, 65_535),
        t.bool("http.secureCookies"),
        t.duration("http.sessionTimeout", Duration.ofMinutes(1), Duration.ofDays(7)),
        optionalPath(t, "http.webRoot"));
    Embedded embedded =
        new Embedded(
            Path.of(t.nonBlank("embedded.dataDir")),
            t.nonBlank("embedded.mqttHost"),
            t.integer("embedded.mqttPort", 0, 65_535),
            t.nonBlank("embedded.timeSeriesHost"),
            t.integer("embedded.timeSeriesHttpPort", 0, 65_535));
    Alerting alerting =
        new Alerting(
            t.bool("alerting.enabled"),
            Path.of(t.nonBlank("alerting.database")),
            optionalPath(t, "alerting.configFile"),
            optionalPath(t, "alerting.rulesFile"),
            t.bool("alerting.console"));
    Channels channels =
        new Channels(
            t.string("channels.webhook.url").trim(),
            t.string("channels.webhook.secret"),
            t.string("channels.sms.url").trim(),
            t.nonBlank("channels.sms.method"),
            t.nonBlank("channels.sms.bodyFormat"),
            t.string("channels.sms.bodyTemplate"),
            t.string("channels.sms.apiKeyHeader").trim(),
            t.string("channels.sms.apiKey"),
            t.integer("channels.sms.maxLength", 20, 10_000),
            t.string("channels.email.host").trim(),
            t.integer("channels.email.port", 1, 65_535),
            t.nonBlank("channels.email.starttls"),
            t.string("channels.email.username"),
            t.string("channels.email.password"),
            t.string("channels.email.from").trim());
    return new GatewayConfig(
        mqtt, influx, storage, ingest, optionalPath(t, "registry.file"), http, embedded,
        alerting, channels);
  }

  private static String brokerUrl(ConfigTree t, String key) {
    String url = t.nonBlank(key);
    if (EMBEDDED.equals(url)) {
      return url;
    }
    URI uri = parse(key, url);
    String scheme = uri.getScheme();
    if (!("tcp".equals(scheme) || "ssl".equals(scheme)) || uri.getHost() == null) {
      throw new ConfigException(
          key, "expected 'embedded', tcp://host:port or ssl://host:port, got '" + url + "'");
    }
    return url;
  }

  private static void onlyForTls(Mqtt mqtt, String key, Optional<Path> store) {
    if (store.isPresent() && !mqtt.url().startsWith("ssl://")) {
      throw new ConfigException(key,
          "is only for an ssl:// broker, but mqtt.url is '" + mqtt.url() + "'");
    }
  }

  private static String oneOf(ConfigTree t, String key, String... allowed) {
    String value = t.nonBlank(key).trim();
    for (String a : allowed) {
      if (a.equals(value)) {
        return value;
      }
    }
    throw new ConfigException(key, "expected one of " + String.join(", ", allowed) + ", got '"
        + value + "'");
  }

  private static String httpUrl(ConfigTree t, String key) {
    String url = t.nonBlank(key);
    if (EMBEDDED.equals(url)) {
      return url;
    }
    URI uri = parse(key, url);
    String scheme = uri.getScheme();
    if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
      throw new ConfigException(
          key, "expected 'embedded', http://host:port or https://host:port, got '" + url + "'");
    }
    return url;
  }

  private static URI parse(String key, String url) {
    try {
      return new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(key, "not a valid URL: '" + url + "'");
    }
  }

  private static String clientIdPrefix(ConfigTree t) {
    String prefix = t.nonBlank("mqtt.clientIdPrefix");
    if (!prefix.matches("[A-Za-z0-9._-]{1,40}")) {
      throw new ConfigException(
          "mqtt.clientIdPrefix", "use 1-40 letters, digits, '.', '_' or '-', got '" + prefix + "'");
    }
    return prefix;
  }

  private static Optional<Path> optionalPath(ConfigTree t, String key) {
    String value = t.string(key).trim();
    return value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
  }
}

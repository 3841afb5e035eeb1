package io.shouwang.gateway.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import io.questdb.ServerMain;
import io.questdb.log.LogFactory;
import io.shouwang.gateway.storage.TimeSeriesSchema.Measurement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * QuestDB in-process, taking InfluxDB v2 writes at {@link #url()}/api/v2/write, so the default run
 * needs no external database and writes take the same path (influxdb-client-java) as production.
 *
 * <p>Only the HTTP server runs (PG wire, ILP TCP/UDP and the min-HTTP server are off), bound to the
 * given host. QuestDB logs to {@code rootDir/log/questdb.log} (errors and start-up notes), not to
 * stdout. Restartable on the same directory and port, for outage tests. Blocking throughout.
 */
public final class EmbeddedTimeSeries implements AutoCloseable {

  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * QuestDB's worker threads spin, then yield, then nap before they sleep, and it starts a pool of
   * each kind per core: built for a database that owns its machine. Embedded beside the gateway
   * they took the CPU the gateway needs — 1.7 cores for 6,750 lines/s in 154 requests/s, against
   * 0.6-0.8 cores with one worker per pool that sleeps after a few idle turns and wakes every
   * millisecond, with no slower writes (bench/README.md). Overridable with the same QDB_* names.
   */
  private static final Map<String, String> QUIET_WORKERS = Map.of(
      "QDB_SHARED_WORKER_COUNT", "1",
      "QDB_SHARED_WORKER_YIELD_THRESHOLD", "1",
      "QDB_SHARED_WORKER_NAP_THRESHOLD", "2",
      "QDB_SHARED_WORKER_SLEEP_THRESHOLD", "5",
      "QDB_SHARED_WORKER_SLEEP_TIMEOUT", "1",
      "QDB_WAL_APPLY_WORKER_COUNT", "1",
      "QDB_WAL_APPLY_WORKER_YIELD_THRESHOLD", "1",
      "QDB_WAL_APPLY_WORKER_NAP_THRESHOLD", "2",
      "QDB_WAL_APPLY_WORKER_SLEEP_THRESHOLD", "5");

  private final Path rootDir;
  private final String host;
  private final EmbeddedTimeSeriesSql sql = new EmbeddedTimeSeriesSql();
  private int httpPort;
  private ServerMain server;

  /** An instance over rootDir listening on host:httpPort (0 picks a free port at first start). */
  public EmbeddedTimeSeries(Path rootDir, String host, int httpPort) {
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("httpPort must be 0..65535, was " + httpPort);
    }
    this.rootDir = rootDir.toAbsolutePath();
    this.host = host;
    this.httpPort = httpPort;
  }

  /** Starts QuestDB (about 2-3 s) and creates the Shouwang tables if missing. */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    configureLogging();
    ServerMain started = ServerMain.create(rootDir.toString(), environment());
    try {
      started.start();
      started.awaitStartup();
    } catch (RuntimeException e) {
      started.close();
      throw new IllegalStateException("QuestDB did not start in " + rootDir + " on " + host, e);
    }
    httpPort = started.getHttpServerPort(); // a restart reuses the port picked the first time
    server = started;
    for (Measurement measurement : Measurement.values()) {
      sql.exec(url(), EmbeddedTimeSeriesTables.createTable(measurement));
    }
  }

  /** Stops QuestDB; {@link #start()} brings it back on the same directory and port. */
  public synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** Whether the server is running. */
  public synchronized boolean running() {
    return server != null;
  }

  /** The base URL for InfluxDbConfig, e.g. http://127.0.0.1:40123. */
  public synchronized String url() {
    if (httpPort == 0) {
      throw new IllegalStateException("no port yet: start() picks it");
    }
    String hostPart = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return "http://" + hostPart + ":" + httpPort;
  }

  /** The HTTP port (0 until the first start when constructed with 0). */
  public synchronized int httpPort() {
    return httpPort;
  }

  /** Rows of a table (a bare name), or the first value of a SQL query's first row. */
  public long count(String sqlOrTable) {
    String query =
        TABLE_NAME.matcher(sqlOrTable).matches()
            ? "SELECT count() FROM \"" + sqlOrTable + "\""
            : sqlOrTable;
    JsonNode first = sql.exec(url(), query).path("dataset").path(0).path(0);
    if (!first.isNumber()) {
      throw new IllegalStateException("not a count: [" + query + "] returned " + first);
    }
    return first.asLong();
  }

  /** The rows of a SQL query as lists of JSON values (strings, numbers, booleans, nulls). */
  public List<List<Object>> query(String sqlText) {
    List<List<Object>> rows = new ArrayList<>();
    for (JsonNode row : sql.exec(url(), sqlText).path("dataset")) {
      List<Object> values = new ArrayList<>();
      for (JsonNode value : row) {
        values.add(value.isNull() ? null : value.isNumber() ? value.numberValue()
            : value.isBoolean() ? value.booleanValue() : value.asText());
      }
      rows.add(values);
    }
    return rows;
  }

  private Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(QUIET_WORKERS);
    // QuestDB's own QDB_* variables tune the embedded server too; the settings below them win.
    System.getenv().forEach((key, value) -> {
      if (key.startsWith("QDB_")) {
        env.put(key, value);
      }
    });
    env.putAll(Map.of(
        "QDB_HTTP_BIND_TO", host + ":" + httpPort,
        "QDB_HTTP_MIN_ENABLED", "false",
        "QDB_PG_ENABLED", "false",
        "QDB_LINE_TCP_ENABLED", "false",
        "QDB_LINE_UDP_ENABLED", "false",
        "QDB_TELEMETRY_ENABLED", "false"));
    return env;
  }

  /**
   * QuestDB reads rootDir/conf/log.conf when its JVM-wide LogFactory is (re)created, which happens
   * on the first start and after every close; its advisory lines ignore levels, so everything goes
   * to a file and nothing to stdout.
   */
  private void configureLogging() {
    try {
      Path conf = Files.createDirectories(rootDir.resolve("conf"));
      Path logDir = Files.createDirectories(rootDir.resolve("log"));
      String config =
          "writers=file\n"
              + "w.file.class=io.questdb.log.LogFileWriter\n"
              + "w.file.location=" + logDir.resolve("questdb.log") + "\n"
              + "w.file.level=ERROR,CRITICAL,ADVISORY\n";
      Files.writeString(conf.resolve("log.conf"), config, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare QuestDB directory " + rootDir, e);
    }
    LogFactory.configureRootDir(rootDir.toString());
  }
}

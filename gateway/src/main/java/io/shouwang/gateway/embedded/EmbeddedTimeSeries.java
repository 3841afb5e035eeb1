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
    return Map.of(
        "QDB_HTTP_BIND_TO", host + ":" + httpPort,
        "QDB_HTTP_MIN_ENABLED", "false",
        "QDB_PG_ENABLED", "false",
        "QDB_LINE_TCP_ENABLED", "false",
        "QDB_LINE_UDP_ENABLED", "false",
        "QDB_TELEMETRY_ENABLED", "false");
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

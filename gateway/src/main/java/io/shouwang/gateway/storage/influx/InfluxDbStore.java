package io.shouwang.gateway.storage.influx;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.exceptions.InfluxException;
import io.shouwang.gateway.storage.StoreException;
import io.shouwang.gateway.storage.TimeSeriesStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Writes through influxdb-client-java's blocking write API, one request per batch.
 *
 * <p>Never the client's batching {@code WriteApi}: it dropped whole batches silently (STACK.md).
 * 401/403 are reported non-retryable but are not bad data ({@link StoreException#badData()}), so a
 * wrong token leaves the points in the spool instead of dead-lettering them. Neither the token nor
 * the request body appears in exception messages.
 */
public final class InfluxDbStore implements TimeSeriesStore {

  private static final int MAX_SERVER_TEXT = 500;

  private final InfluxDbConfig config;
  private final InfluxDBClient client;
  private final WriteApiBlocking writeApi;
  private final HttpClient pingClient;
  private final URI pingUri;

  /** A store for the config; opens no connection until the first write or ping. */
  public InfluxDbStore(InfluxDbConfig config) {
    this.config = config;
    OkHttpClient.Builder http =
        new OkHttpClient.Builder()
            .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .writeTimeout(config.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    InfluxDBClientOptions.Builder options =
        InfluxDBClientOptions.builder()
            .url(config.url())
            .org(config.org())
            .bucket(config.bucket())
            .okHttpClient(http);
    if (!config.token().isEmpty()) {
      options.authenticateToken(config.token().toCharArray());
    }
    this.client = InfluxDBClientFactory.create(options.build());
    this.writeApi = client.getWriteApiBlocking();
    this.pingClient =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .build();
    this.pingUri = URI.create(stripSlash(config.url()) + "/ping");
  }

  @Override
  public void write(List<String> lines) throws StoreException {
    if (lines.isEmpty()) {
      return;
    }
    try {
      writeApi.writeRecords(config.bucket(), config.org(), WritePrecision.NS, lines);
    } catch (InfluxException e) {
      int status = e.status();
      String what = status == 0 ? "no response" : "HTTP " + status;
      throw StoreException.forStatus(
          status,
          redact("write to " + config.url() + " failed: " + what + ": " + serverText(e)),
          null); // the cause may hold request details; the message has what callers need
    } catch (RuntimeException e) {
      // Anything else (a refused or reset connection wrapped by the client): not the data's fault.
      throw StoreException.forStatus(
          0, redact("write to " + config.url() + " failed: " + e.getClass().getSimpleName()), null);
    }
  }

  /**
   * GET /ping (InfluxDB 1.8+/2.x/Cloud answer 204, QuestDB too, InfluxDB 3 200 or 401): any answer
   * below 500 counts as reachable, so a server that guards /ping still gets its writes retried.
   */
  @Override
  public boolean ping() {
    HttpRequest request =
        HttpRequest.newBuilder(pingUri).timeout(config.readTimeout()).GET().build();
    try {
      return pingClient.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "InfluxDbStore[" + config.url() + ", bucket=" + config.bucket() + "]";
  }

  /** The server's error text (InfluxDB 2 "message", InfluxDB 3 "error"), one line, truncated. */
  private static String serverText(InfluxException e) {
    Object fromBody = e.errorBody().get("message");
    if (fromBody == null) {
      fromBody = e.errorBody().get("error");
    }
    String text = fromBody != null ? fromBody.toString() : e.getMessage();
    if (text == null || text.isBlank()) {
      Throwable cause = e.getCause();
      text = cause == null ? "" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
    text = text.replace('\n', ' ').replace('\r', ' ');
    return text.length() <= MAX_SERVER_TEXT ? text : text.substring(0, MAX_SERVER_TEXT) + "...";
  }

  private String redact(String text) {
    String token = config.token();
    return token.isEmpty() ? text : text.replace(token, "<redacted>");
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}

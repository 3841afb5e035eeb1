package io.shouwang.gateway.storage.influx;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to write: the v2 write API of InfluxDB 2.x/3.x/Cloud, InfluxDB 1.8+ or QuestDB.
 *
 * <p>InfluxDB 1.8: org is ignored, bucket is "database/retention-policy", token "user:password".
 * InfluxDB 3: bucket is the database, org is ignored. QuestDB ignores org, bucket and token. The
 * client refuses empty org and bucket even where they are ignored, so both are required.
 *
 * @param url base URL, e.g. http://127.0.0.1:8086 (no credentials in it)
 * @param token API token; empty when the server needs none. Never printed.
 */
public record InfluxDbConfig(
    String url,
    String org,
    String bucket,
    String token,
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout) {

  public InfluxDbConfig {
    requireText(url, "influx.url");
    requireText(org, "influx.org");
    requireText(bucket, "influx.bucket");
    token = token == null ? "" : token;
    requirePositive(connectTimeout, "influx.connectTimeout");
    requirePositive(readTimeout, "influx.readTimeout");
    requirePositive(writeTimeout, "influx.writeTimeout");
    URI parsed;
    try {
      parsed = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("influx.url is not a URL");
    }
    if (!"http".equals(parsed.getScheme()) && !"https".equals(parsed.getScheme())) {
      throw new IllegalArgumentException("influx.url must start with http:// or https://");
    }
    if (parsed.getUserInfo() != null) {
      throw new IllegalArgumentException("influx.url must not carry credentials; use influx.token");
    }
  }

  /** Config with timeouts suited to a LAN store: connect 5 s, read and write 10 s. */
  public static InfluxDbConfig of(String url, String org, String bucket, String token) {
    return new InfluxDbConfig(
        url, org, bucket, token, Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(10));
  }

  @Override
  public String toString() {
    return "InfluxDbConfig[url=" + url + ", org=" + org + ", bucket=" + bucket
        + ", token=" + (token.isEmpty() ? "<none>" : "<redacted>")
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", writeTimeout=" + writeTimeout + "]";
  }

  private static void requireText(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " is required");
    }
  }

  private static void requirePositive(Duration value, String key) {
    Objects.requireNonNull(value, key);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be > 0, was " + value);
    }
  }
}

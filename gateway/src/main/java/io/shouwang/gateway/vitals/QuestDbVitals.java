package io.shouwang.gateway.vitals;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Vitals from QuestDB (the embedded time-series server) through its SQL-over-HTTP {@code /exec}. */
public final class QuestDbVitals implements VitalsStore {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final WebClient client;
  private final String baseUrl;

  public QuestDbVitals(WebClient client, String baseUrl) {
    this.client = client;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @Override
  public Future<Map<VitalMetric, List<VitalBucket>>> read(String householdId, Instant from,
      Instant to, Duration bucket) {
    String sql = sql(householdId, from, to, bucket);
    return client.getAbs(baseUrl + "/exec")
        .addQueryParam("query", sql)
        .timeout(TIMEOUT.toMillis())
        .send()
        .compose(response -> {
          if (response.statusCode() != 200) {
            return Future.failedFuture(new IllegalStateException(
                "time-series server answered " + response.statusCode()));
          }
          return Future.succeededFuture(parse(response.bodyAsJsonObject()));
        });
  }

  /** The query: one row per bucket with mean, min and max of every metric. */
  static String sql(String householdId, Instant from, Instant to, Duration bucket) {
    StringBuilder sql = new StringBuilder("SELECT timestamp");
    for (VitalMetric metric : VitalMetric.values()) {
      String f = metric.field();
      sql.append(", avg(").append(f).append(") ").append(f).append("_mean")
          .append(", min(").append(f).append(") ").append(f).append("_min")
          .append(", max(").append(f).append(") ").append(f).append("_max");
    }
    return sql.append(" FROM health WHERE household = ").append(literal(householdId))
        .append(" AND timestamp >= ").append(literal(from.toString()))
        .append(" AND timestamp < ").append(literal(to.toString()))
        .append(" SAMPLE BY ").append(bucket.toMinutes()).append("m ALIGN TO CALENDAR")
        .append(" ORDER BY timestamp")
        .toString();
  }

  private static Map<VitalMetric, List<VitalBucket>> parse(JsonObject body) {
    JsonArray columns = body.getJsonArray("columns", new JsonArray());
    Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      index.put(columns.getJsonObject(i).getString("name"), i);
    }
    Map<VitalMetric, List<VitalBucket>> result = new EnumMap<>(VitalMetric.class);
    for (Object rowObject : body.getJsonArray("dataset", new JsonArray())) {
      JsonArray row = (JsonArray) rowObject;
      Instant start = Instant.parse(row.getString(index.get("timestamp")));
      for (VitalMetric metric : VitalMetric.values()) {
        Double mean = number(row, index.get(metric.field() + "_mean"));
        if (mean == null) {
          continue;
        }
        Double min = number(row, index.get(metric.field() + "_min"));
        Double max = number(row, index.get(metric.field() + "_max"));
        result.computeIfAbsent(metric, m -> new ArrayList<>()).add(new VitalBucket(start, mean,
            min == null ? mean : min, max == null ? mean : max));
      }
    }
    return result;
  }

  private static Double number(JsonArray row, Integer column) {
    if (column == null) {
      return null;
    }
    Object value = row.getValue(column);
    // QuestDB returns NaN-valued aggregates as null.
    return value instanceof Number n && !Double.isNaN(n.doubleValue()) ? n.doubleValue() : null;
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}

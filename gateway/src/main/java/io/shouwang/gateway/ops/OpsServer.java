package io.shouwang.gateway.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.shouwang.gateway.ingest.DeadLetters;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The operations routes: /health (alive), /ready (able to do its job), /metrics (Prometheus) and
 * /dead-letters. The web server mounts them beside the API and the pages.
 */
public final class OpsServer {

  static final int DEFAULT_DEAD_LETTER_LIMIT = 100;

  private final PrometheusMeterRegistry meters;
  private final List<ReadinessCheck> checks;
  private final DeadLetters deadLetters;

  public OpsServer(
      PrometheusMeterRegistry meters, List<ReadinessCheck> checks,
      DeadLetters deadLetters) {
    this.meters = meters;
    this.checks = List.copyOf(checks);
    this.deadLetters = deadLetters;
  }

  /** Adds the operations routes to {@code router}. */
  public void addTo(Router router) {
    router.get("/health").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "UP")));
    router.get("/ready").handler(this::ready);
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(meters.scrape()));
    router.get("/dead-letters").handler(this::deadLetters);
  }

  private void ready(RoutingContext ctx) {
    JsonObject body = new JsonObject();
    boolean allUp = true;
    for (ReadinessCheck check : checks) {
      ReadinessCheck.Result result = check.probe().get();
      allUp &= result.up();
      body.put(check.name(), new JsonObject()
          .put("status", result.up() ? "UP" : "DOWN")
          .put("detail", result.detail()));
    }
    body.put("status", allUp ? "UP" : "DOWN");
    json(ctx, allUp ? 200 : 503, body);
  }

  private void deadLetters(RoutingContext ctx) {
    int limit = DEFAULT_DEAD_LETTER_LIMIT;
    String param = ctx.request().getParam("limit");
    if (param != null) {
      try {
        limit = Integer.parseInt(param);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > 10_000) {
        json(ctx, 400, new JsonObject()
            .put("code", "bad_limit")
            .put("message", "limit must be a whole number from 1 to 10000"));
        return;
      }
    }
    JsonArray entries = new JsonArray();
    for (DeadLetters.Entry e : deadLetters.latest(limit)) {
      entries.add(new JsonObject()
          .put("at", e.at().toString())
          .put("deviceId", e.deviceId())
          .put("topic", e.topic())
          .put("reason", e.reason())
          .put("detail", e.detail())
          .put("payloadHexPrefix", e.hexPrefix()));
    }
    json(ctx, 200, new JsonObject().put("total", deadLetters.total()).put("entries", entries));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }
}

package io.shouwang.gateway.api;

import io.shouwang.gateway.auth.AccessScope;
import io.shouwang.gateway.auth.Permission;
import io.shouwang.gateway.vitals.VitalBucket;
import io.shouwang.gateway.vitals.VitalMetric;
import io.shouwang.gateway.vitals.VitalsRange;
import io.shouwang.gateway.vitals.VitalsStore;
import io.shouwang.registry.PlacedHousehold;
import io.shouwang.registry.Resident;
import io.shouwang.registry.VitalLimit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A household's vital signs for the charts, marked against the resident's own limits. */
final class VitalsRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(VitalsRoutes.class);

  private final RegistryRoutes households;
  private final VitalsStore store;
  private final Map<VitalLimit, Double> defaults;
  private final Clock clock;

  /**
   * @param defaults the rules' limits, used where the resident has no override (the same limits
   *     the vitals rule alerts on)
   */
  VitalsRoutes(RegistryRoutes households, VitalsStore store, Map<VitalLimit, Double> defaults,
      Clock clock) {
    this.households = households;
    this.store = store;
    this.defaults = Map.copyOf(defaults);
    this.clock = clock;
  }

  void addTo(Router api) {
    api.get("/households/:id/vitals").handler(this::vitals);
  }

  private void vitals(RoutingContext ctx) {
    AccessScope scope = SessionRoutes.scope(ctx);
    PlacedHousehold h = households.household(scope, ctx.pathParam("id"));
    if (!scope.may(Permission.VIEW_VITALS)) {
      throw ApiException.forbidden("a " + scope.role().yamlName() + " does not see health data");
    }
    VitalsRange range = VitalsRange.of(Bodies.choiceParam(ctx, "range", "24h", "24h", "7d"))
        .orElseThrow();
    // Whole buckets: the chart's last bucket is the current one, its first starts a range ago.
    Instant to = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(range.bucket());
    Instant from = to.minus(range.length());
    Resident resident = h.household().residents().get(0);
    store.read(h.household().id(), from, to, range.bucket())
        .onFailure(e -> {
          LOG.warn("vitals of {} unavailable: {}", h.household().id(), e.toString());
          ctx.fail(ApiException.unavailable("the time-series store cannot answer now"));
        })
        .onSuccess(data -> {
          JsonArray series = new JsonArray();
          for (VitalMetric metric : VitalMetric.values()) {
            Double low = limit(resident, metric.low());
            Double high = limit(resident, metric.high());
            JsonArray points = new JsonArray();
            for (VitalBucket b : data.getOrDefault(metric, List.of())) {
              boolean abnormal = (low != null && b.min() < low) || (high != null && b.max() > high);
              points.add(new JsonObject().put("t", b.start().toString()).put("v", round(b.mean()))
                  .put("min", round(b.min())).put("max", round(b.max()))
                  .put("abnormal", abnormal));
            }
            series.add(new JsonObject().put("metric", metric.apiName()).put("unit", metric.unit())
                .put("low", low).put("high", high).put("points", points));
          }
          Responses.json(ctx, 200, new JsonObject()
              .put("householdId", h.household().id())
              .put("residentId", resident.id())
              .put("range", range.apiName())
              .put("bucketSeconds", range.bucket().toSeconds())
              .put("from", from.toString())
              .put("to", to.toString())
              .put("series", series));
        });
  }

  private Double limit(Resident resident, VitalLimit limit) {
    if (limit == null) {
      return null;
    }
    Double own = resident.vitals().get(limit);
    return own != null ? own : defaults.get(limit);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}

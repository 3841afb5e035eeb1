package io.shouwang.gateway.api;

import io.shouwang.alerting.AlertEngine;
import io.shouwang.alerting.Cause;
import io.shouwang.alerting.Incident;
import io.shouwang.gateway.auth.AccessScope;
import io.shouwang.gateway.auth.Permission;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Incidents and service requests: lists, detail, and the responder actions. A household outside
 * the caller's scope answers exactly like a missing one (404), so ids cannot be probed.
 */
final class IncidentRoutes {

  static final Duration CLOSED_WINDOW = Duration.ofDays(7);
  private static final int MAX_LIMIT = 1_000;
  // Closed incidents are fetched in one window and then scoped; enough for a week of a community.
  private static final int CLOSED_FETCH = 5_000;
  static final Comparator<Incident> QUEUE_ORDER = Comparator
      .comparing((Incident i) -> i.severity().ordinal())
      .thenComparing(Incident::openedAt)
      .thenComparing(Incident::id);

  private final Optional<AlertEngine> engine;
  private final IncidentViews views;
  private final Clock clock;

  IncidentRoutes(Optional<AlertEngine> engine, IncidentViews views, Clock clock) {
    this.engine = engine;
    this.views = views;
    this.clock = clock;
  }

  void addTo(Router api) {
    api.get("/incidents").handler(ctx -> list(ctx, "incidents",
        i -> i.cause() != Cause.SERVICE_REQUEST));
    api.get("/service-requests").handler(ctx -> list(ctx, "serviceRequests",
        i -> i.cause() == Cause.SERVICE_REQUEST));
    api.get("/incidents/:id").handler(this::detail);
    api.post("/incidents/:id/accept").handler(ctx -> act(ctx, Permission.ACCEPT, (e, id, actor,
        body) -> e.accept(id, actor, Duration.ofMinutes(Bodies.integer(body, "etaMinutes", 1,
        24 * 60)))));
    api.post("/incidents/:id/on-site").handler(ctx -> act(ctx, Permission.ON_SITE,
        (e, id, actor, body) -> e.onSite(id, actor)));
    api.post("/incidents/:id/resolve").handler(ctx -> act(ctx, Permission.RESOLVE,
        (e, id, actor, body) -> e.resolve(id, actor, Bodies.text(body, "outcome", true),
            Bodies.text(body, "note", false))));
    api.post("/incidents/:id/cancel").handler(ctx -> act(ctx, Permission.CANCEL,
        (e, id, actor, body) -> e.cancel(id, actor, Bodies.text(body, "reason", true))));
    api.post("/incidents/:id/assign").handler(ctx -> act(ctx, Permission.ASSIGN,
        (e, id, actor, body) -> e.assign(id, actor, Bodies.text(body, "assignee", true))));
  }

  private void list(RoutingContext ctx, String key, Predicate<Incident> kind) {
    AccessScope scope = SessionRoutes.scope(ctx);
    AlertEngine alerts = engine();
    String state = Bodies.choiceParam(ctx, "state", "open", "open", "closed", "all");
    int limit = Bodies.intParam(ctx, "limit", 200, 1, MAX_LIMIT);
    String household = ctx.request().getParam("household");
    Predicate<Incident> wanted = kind.and(i -> scope.sees(i.householdId()))
        .and(i -> household == null || household.isEmpty() || household.equals(i.householdId()));
    Future<List<Incident>> closed = "open".equals(state) ? Future.succeededFuture(List.of())
        : alerts.recentlyClosed(clock.instant().minus(CLOSED_WINDOW), CLOSED_FETCH);
    closed.onFailure(ctx::fail).onSuccess(closedOnes -> {
      List<Incident> result = new ArrayList<>();
      if (!"closed".equals(state)) {
        alerts.openIncidents().stream().filter(wanted).sorted(QUEUE_ORDER).forEach(result::add);
      }
      // Closed ones after the open queue, most recently closed first.
      closedOnes.stream().filter(wanted).forEach(result::add);
      JsonArray items = new JsonArray();
      result.stream().limit(limit).forEach(i -> items.add(views.summary(i)));
      Responses.json(ctx, 200, new JsonObject().put(key, items));
    });
  }

  private void detail(RoutingContext ctx) {
    AccessScope scope = SessionRoutes.scope(ctx);
    visible(ctx, scope).onFailure(ctx::fail)
        .onSuccess(i -> Responses.json(ctx, 200, views.detail(i, scope)));
  }

  @FunctionalInterface
  private interface Action {
    Future<Incident> apply(AlertEngine engine, String id, String actor, JsonObject body);
  }

  private void act(RoutingContext ctx, Permission permission, Action action) {
    AccessScope scope = SessionRoutes.scope(ctx);
    JsonObject body = Bodies.json(ctx);
    visible(ctx, scope)
        .compose(i -> {
          if (!scope.may(permission)) {
            return Future.failedFuture(ApiException.forbidden(
                "a " + scope.role().yamlName() + " may not " + permission.apiName()));
          }
          return action.apply(engine(), i.id(), scope.actorId(), body);
        })
        .onFailure(ctx::fail)
        .onSuccess(i -> Responses.json(ctx, 200, views.detail(i, scope)));
  }

  /** The incident when it exists and its household is in scope; 404 otherwise, alike. */
  private Future<Incident> visible(RoutingContext ctx, AccessScope scope) {
    String id = ctx.pathParam("id");
    return engine().incident(id).compose(found -> found
        .filter(i -> scope.sees(i.householdId()))
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ApiException.notFound("incident"))));
  }

  private AlertEngine engine() {
    return engine.orElseThrow(() -> ApiException.unavailable("alerting is turned off"));
  }
}

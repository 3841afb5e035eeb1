package io.shouwang.gateway.api;

import io.shouwang.alerting.AlertEngine;
import io.shouwang.alerting.rules.RuleSettings;
import io.shouwang.gateway.alerts.AlertingSetup;
import io.shouwang.gateway.auth.AccessScope;
import io.shouwang.gateway.auth.LoginThrottle;
import io.shouwang.gateway.health.DeviceHealthBoard;
import io.shouwang.gateway.notify.dashboard.DashboardFeed;
import io.shouwang.gateway.vitals.VitalsStore;
import io.shouwang.registry.Registry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The JSON API of API.md, mounted at {@code /api/v1}: sessions, registry and device health,
 * incidents and service requests, vitals, the live stream and the OpenAPI document.
 */
public final class HttpApi {

  /** Where the API is mounted. */
  public static final String BASE = "/api/v1";
  static final String OPENAPI_RESOURCE = "/api/openapi.yaml";
  private static final int MAX_BODY_BYTES = 64 * 1024;
  private static final int LOGIN_FAILURES = 5;
  private static final Duration LOGIN_WINDOW = Duration.ofMinutes(5);

  private final Vertx vertx;
  private final SessionRoutes sessions;
  private final RegistryRoutes registryRoutes;
  private final IncidentRoutes incidents;
  private final VitalsRoutes vitals;
  private final StreamRoutes stream;
  private final Buffer openApi;

  public HttpApi(Vertx vertx, Registry registry, Optional<AlertingSetup> alerting,
      DashboardFeed feed, DeviceHealthBoard board, VitalsStore vitalsStore, Clock clock) {
    this.vertx = vertx;
    Optional<AlertEngine> engine = alerting.map(AlertingSetup::engine);
    Directory directory = new Directory(registry);
    IncidentViews incidentViews = new IncidentViews(registry, directory);
    HouseholdViews householdViews = new HouseholdViews(board,
        alerting.map(AlertingSetup::alertingConfig));
    this.sessions = new SessionRoutes(vertx, registry,
        new LoginThrottle(LOGIN_FAILURES, LOGIN_WINDOW, clock));
    this.registryRoutes = new RegistryRoutes(registry, engine, householdViews, incidentViews);
    this.incidents = new IncidentRoutes(engine, incidentViews, clock);
    this.vitals = new VitalsRoutes(registryRoutes, vitalsStore, alerting
        .map(AlertingSetup::ruleSettings).orElseGet(RuleSettings::defaults).vitals().limits(),
        clock);
    this.stream = new StreamRoutes(vertx, feed);
    engine.ifPresent(e -> e.addListener(stream::incidentChanged));
    this.openApi = Buffer.buffer(resource(OPENAPI_RESOURCE));
  }

  /** The API's routes, for mounting at {@link #BASE} behind a session handler. */
  public Router router() {
    Router api = Router.router(vertx);
    api.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    api.get("/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8")
        .end(openApi));
    sessions.addTo(api);
    api.route().handler(sessions::guard);
    api.get("/me").handler(sessions::me);
    registryRoutes.addTo(api);
    incidents.addTo(api);
    vitals.addTo(api);
    stream.addTo(api);
    api.route().handler(ctx -> ctx.fail(404));
    api.route().failureHandler(ApiErrors::handle);
    return api;
  }

  /** Who is logged in on this request, if anyone (the pages' redirect asks). */
  public Optional<AccessScope> current(RoutingContext ctx) {
    return sessions.current(ctx);
  }

  private static byte[] resource(String name) {
    try (InputStream in = HttpApi.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing " + name + " on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}

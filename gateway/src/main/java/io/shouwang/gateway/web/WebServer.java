package io.shouwang.gateway.web;

import io.shouwang.gateway.api.HttpApi;
import io.shouwang.gateway.auth.AccessScope;
import io.shouwang.gateway.config.GatewayConfig;
import io.shouwang.gateway.ops.OpsServer;
import io.shouwang.registry.AccessRole;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;

/**
 * The one HTTP server of the gateway: operations routes, the API at {@code /api/v1} and the
 * pages. {@code /} sends each person to their role's page, or to the login page.
 */
public final class WebServer {

  static final String SESSION_COOKIE = "shouwang.session";
  static final String WEBROOT = "webroot";
  static final String DEAD_LETTERS = "/dead-letters";

  private final Vertx vertx;
  private final GatewayConfig.Http config;
  private final OpsServer ops;
  private final HttpApi api;
  private HttpServer server;

  public WebServer(Vertx vertx, GatewayConfig.Http config, OpsServer ops, HttpApi api) {
    this.vertx = vertx;
    this.config = config;
    this.ops = ops;
    this.api = api;
  }

  /** Listens on the configured host and port (0: a free one) and returns the port. */
  public Future<Integer> start() {
    return vertx.createHttpServer()
        .requestHandler(router())
        .listen(config.port(), config.host())
        .map(s -> {
          server = s;
          return s.actualPort();
        });
  }

  public Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  Router router() {
    Router root = Router.router(vertx);
    root.route().handler(WebServer::securityHeaders);
    SessionHandler sessions = SessionHandler.create(LocalSessionStore.create(vertx))
        .setSessionCookieName(SESSION_COOKIE)
        .setCookieHttpOnlyFlag(true)
        .setCookieSameSite(CookieSameSite.STRICT)
        .setCookieSecureFlag(config.secureCookies())
        .setSessionTimeout(config.sessionTimeout().toMillis())
        // Behind a TLS proxy the gateway itself speaks HTTP; the warning would only be noise.
        .setNagHttps(false);
    // Refused payloads may hold readings: only an administrator reads them. Probes stay open.
    root.get(DEAD_LETTERS).handler(sessions).handler(this::adminOnly);
    ops.addTo(root);
    root.route(HttpApi.BASE + "/*").handler(sessions);
    root.route(HttpApi.BASE + "/*").subRouter(api.router());
    root.get("/").handler(sessions).handler(this::home);
    StaticHandler pages = config.webRoot()
        .map(dir -> StaticHandler.create(FileSystemAccess.ROOT, dir.toAbsolutePath().toString())
            .setCachingEnabled(false))
        .orElseGet(() -> StaticHandler.create(WEBROOT).setCachingEnabled(false));
    // Revalidate every time: after an upgrade no browser keeps an old app.js beside a new page.
    root.route("/*").handler(ctx -> {
      ctx.response().putHeader("Cache-Control", "no-cache");
      ctx.next();
    });
    root.route("/*").handler(pages.setIndexPage("login.html"));
    return root;
  }

  private void adminOnly(RoutingContext ctx) {
    var scope = api.current(ctx);
    if (scope.isPresent() && scope.get().role() == AccessRole.ADMIN) {
      ctx.next();
      return;
    }
    int status = scope.isPresent() ? 403 : 401;
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new JsonObject().put("code", status == 401 ? "not_logged_in" : "forbidden")
            .put("message", "the dead-letter record is for administrators").encode());
  }

  private void home(RoutingContext ctx) {
    String target = api.current(ctx).map(WebServer::pageOf).orElse("/login.html");
    ctx.response().setStatusCode(302).putHeader("Location", target)
        .putHeader("Cache-Control", "no-store").end();
  }

  static String pageOf(AccessScope scope) {
    AccessRole role = scope.role();
    return switch (role) {
      case DUTY_DESK, ADMIN -> "/desk.html";
      case CAREGIVER -> "/caregiver.html";
      case FAMILY -> "/family.html";
    };
  }

  private static void securityHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "no-referrer")
        // Pages load only their own scripts, styles and data: no inline script can run.
        .putHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    ctx.next();
  }
}

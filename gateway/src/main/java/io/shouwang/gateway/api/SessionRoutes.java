package io.shouwang.gateway.api;

import io.shouwang.gateway.auth.AccessScope;
import io.shouwang.gateway.auth.AccessScopes;
import io.shouwang.gateway.auth.LoginThrottle;
import io.shouwang.gateway.auth.PasswordHashes;
import io.shouwang.gateway.auth.Permission;
import io.shouwang.registry.Registry;
import io.shouwang.registry.UserAccount;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log in, log out, who am I; and the guard every other API route stands behind. The session holds
 * only the username: the scope is worked out from the registry at start.
 */
public final class SessionRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(SessionRoutes.class);
  private static final String SESSION_USER = "username";
  private static final String SCOPE = "shouwang.scope";
  // Checked when the username is unknown, so a wrong username costs as long as a wrong password.
  private static final String DECOY_HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$OX6ut4o+F2Za1IFTNubsBA$BnDqwnsJDLM/4n4Me/y3o64Nb1Agg/DCOXqKqUfKAcA";

  private final Vertx vertx;
  private final Registry registry;
  private final Map<String, AccessScope> scopes = new HashMap<>();
  private final LoginThrottle throttle;

  public SessionRoutes(Vertx vertx, Registry registry, LoginThrottle throttle) {
    this.vertx = vertx;
    this.registry = registry;
    this.throttle = throttle;
    AccessScopes all = new AccessScopes(registry);
    for (UserAccount user : registry.users()) {
      scopes.put(user.username(), all.of(user));
    }
  }

  /** Session routes; must be added before {@link #guard}. */
  void addTo(Router api) {
    api.post("/session").handler(this::login);
    api.delete("/session").handler(this::logout);
  }

  /** Answers 401 without a logged-in session; otherwise puts the caller's scope on the context. */
  void guard(RoutingContext ctx) {
    Optional<AccessScope> scope = current(ctx);
    if (scope.isEmpty()) {
      throw new ApiException(401, "not_logged_in", "log in first");
    }
    ctx.put(SCOPE, scope.get());
    ctx.next();
  }

  /** The caller's scope; only behind {@link #guard}. */
  static AccessScope scope(RoutingContext ctx) {
    AccessScope scope = ctx.get(SCOPE);
    if (scope == null) {
      throw new IllegalStateException("route is not behind the session guard");
    }
    return scope;
  }

  /** The scope of the session's user, if someone is logged in. */
  public Optional<AccessScope> current(RoutingContext ctx) {
    Session session = ctx.session();
    if (session == null) {
      return Optional.empty();
    }
    String username = session.get(SESSION_USER);
    return Optional.ofNullable(username == null ? null : scopes.get(username));
  }

  void me(RoutingContext ctx) {
    Responses.json(ctx, 200, me(scope(ctx)));
  }

  private void login(RoutingContext ctx) {
    var body = Bodies.json(ctx);
    String username = Bodies.text(body, "username", true);
    String password = Bodies.text(body, "password", true);
    String address = ctx.request().remoteAddress() == null ? "?"
        : ctx.request().remoteAddress().hostAddress();
    Optional<Duration> wait = throttle.retryAfter(username, address);
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds());
      ctx.response().putHeader("Retry-After", Long.toString(seconds));
      throw new ApiException(429, "too_many_attempts",
          "too many failed logins; try again in " + seconds + " s");
    }
    Optional<UserAccount> user = registry.user(username);
    String hash = user.map(UserAccount::passwordHash).orElse(DECOY_HASH);
    // Argon2 takes tens of milliseconds of CPU: never on the event loop.
    vertx.executeBlocking(() -> PasswordHashes.matches(password, hash) && user.isPresent(), false)
        .onFailure(ctx::fail)
        .onSuccess(ok -> {
          if (!ok) {
            throttle.failed(username, address);
            LOG.info("failed login for a username from {}", address);
            ApiErrors.send(ctx, new ApiException(401, "bad_credentials",
                "wrong username or password"));
            return;
          }
          throttle.succeeded(username);
          // A new id at login: a session id planted before login is worth nothing after it.
          ctx.session().regenerateId();
          ctx.session().put(SESSION_USER, username);
          LOG.info("user {} logged in", username);
          Responses.json(ctx, 200, me(scopes.get(username)));
        });
  }

  private void logout(RoutingContext ctx) {
    Session session = ctx.session();
    if (session != null) {
      String username = session.get(SESSION_USER);
      session.destroy();
      if (username != null) {
        LOG.info("user {} logged out", username);
      }
    }
    ctx.response().setStatusCode(204).end();
  }

  static JsonObject me(AccessScope scope) {
    JsonArray permissions = new JsonArray();
    for (Permission p : Permission.values()) {
      if (scope.may(p)) {
        permissions.add(p.apiName());
      }
    }
    return new JsonObject()
        .put("username", scope.user().username())
        .put("name", scope.user().name())
        .put("role", scope.role().yamlName())
        .put("actorId", scope.actorId())
        .put("permissions", permissions)
        .put("communities", sorted(scope.communities()))
        .put("grids", sorted(scope.grids()))
        .put("households", sorted(scope.households()));
  }

  private static JsonArray sorted(Set<String> ids) {
    return new JsonArray(new ArrayList<>(new TreeSet<>(ids)));
  }
}

package io.shouwang.gateway.api;

import io.shouwang.alerting.IncidentException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become JSON errors. Known refusals keep their status and code; anything
 * else is a bug, answered as {@code 500 internal} with a reference that is also in the log (the
 * request body never is: it may hold notes about a resident).
 */
public final class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  /** The failure handler of the API router. */
  public static void handle(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    Throwable failure = ctx.failure();
    ApiException error = translate(failure, ctx.statusCode());
    if (error.status() >= 500 && !"unavailable".equals(error.code())) {
      String reference = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("API {} {} failed (reference {})", ctx.request().method(), ctx.normalizedPath(),
          reference, failure);
      error = new ApiException(500, "internal",
          "something went wrong on our side (reference " + reference + ")");
    }
    send(ctx, error);
  }

  public static void send(RoutingContext ctx, ApiException error) {
    JsonObject body = new JsonObject().put("code", error.code()).put("message", error.getMessage());
    if (error.field() != null) {
      body.put("field", error.field());
    }
    ctx.response()
        .setStatusCode(error.status())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  static ApiException translate(Throwable failure, int status) {
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure instanceof IncidentException refused) {
      return switch (refused.reason()) {
        case NOT_FOUND -> ApiException.notFound("incident");
        case ILLEGAL_TRANSITION ->
            new ApiException(409, "invalid_transition", refused.getMessage());
        case INVALID_ARGUMENT -> ApiException.badRequest(null, refused.getMessage());
      };
    }
    if (failure instanceof DecodeException) {
      return ApiException.badRequest(null, "the request body is not valid JSON");
    }
    if (failure == null) {
      return switch (status) {
        case 404 -> new ApiException(404, "not_found", "no such route");
        case 405 -> new ApiException(405, "method_not_allowed", "method not allowed here");
        case 413 -> new ApiException(413, "too_large", "the request body is too large");
        case 400 -> ApiException.badRequest(null, "bad request");
        default -> new ApiException(status < 400 ? 500 : status, "internal",
            "request failed with status " + status);
      };
    }
    return new ApiException(500, "internal", failure.getClass().getSimpleName());
  }
}

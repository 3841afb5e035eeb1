package io.shouwang.gateway.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reads and checks request bodies and parameters, with errors that name the field. */
final class Bodies {

  static final int MAX_TEXT = 1_000;

  private Bodies() {}

  /** The JSON object body; an empty body is an empty object. */
  static JsonObject json(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      return new JsonObject();
    }
    Object value;
    try {
      value = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      throw ApiException.badRequest(null, "the request body must be a JSON object");
    }
    if (!(value instanceof JsonObject object)) {
      throw ApiException.badRequest(null, "the request body must be a JSON object");
    }
    return object;
  }

  static String text(JsonObject body, String field, boolean required) {
    Object value = body.getValue(field);
    if (value == null) {
      if (required) {
        throw ApiException.badRequest(field, field + " is required");
      }
      return null;
    }
    if (!(value instanceof String text)) {
      throw ApiException.badRequest(field, field + " must be a string");
    }
    if (required && text.isBlank()) {
      throw ApiException.badRequest(field, field + " must not be empty");
    }
    if (text.length() > MAX_TEXT) {
      throw ApiException.badRequest(field, field + " is longer than " + MAX_TEXT + " characters");
    }
    return text.strip();
  }

  static int integer(JsonObject body, String field, int min, int max) {
    Object value = body.getValue(field);
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw ApiException.badRequest(field, field + " must be a whole number");
    }
    long v = n.longValue();
    if (v < min || v > max) {
      throw ApiException.badRequest(field, field + " must be between " + min + " and " + max);
    }
    return (int) v;
  }

  /** An optional whole-number query parameter with bounds. */
  static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
    String raw = ctx.request().getParam(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest(name, name + " must be a whole number from " + min + " to "
        + max);
  }

  /** An optional query parameter that must be one of a few words. */
  static String choiceParam(RoutingContext ctx, String name, String fallback, String... allowed) {
    String raw = ctx.request().getParam(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    for (String a : allowed) {
      if (a.equals(raw)) {
        return raw;
      }
    }
    throw ApiException.badRequest(name, name + " must be one of " + String.join(", ", allowed));
  }
}

package io.shouwang.gateway.api;

import io.shouwang.alerting.Incident;
import io.shouwang.alerting.notify.Recipient;
import io.shouwang.gateway.auth.AccessScope;
import io.shouwang.gateway.health.DeviceHealthBoard;
import io.shouwang.gateway.notify.dashboard.DashboardEvent;
import io.shouwang.gateway.notify.dashboard.DashboardFeed;
import io.shouwang.gateway.notify.dashboard.DashboardSubscription;
import io.shouwang.registry.AccessRole;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The live stream (server-sent events) of incident, device-health and page changes, each event
 * sent only to callers whose scope holds its household. Built on the dashboard feed, whose
 * per-subscriber buffers keep a slow browser from delaying anyone else.
 */
final class StreamRoutes {

  static final String INCIDENT = "incident";
  static final String DEVICE = "device";
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private final Vertx vertx;
  private final DashboardFeed feed;

  StreamRoutes(Vertx vertx, DashboardFeed feed) {
    this.vertx = vertx;
    this.feed = feed;
  }

  void addTo(Router api) {
    api.get("/stream").handler(this::stream);
  }

  /** Publishes an incident change (and the device status it implies); called on the engine. */
  void incidentChanged(Incident incident) {
    Map<String, String> data = new HashMap<>();
    data.put("id", incident.id());
    data.put("householdId", incident.householdId());
    data.put("state", incident.state().name().toLowerCase(Locale.ROOT));
    data.put("severity", incident.severity().name().toLowerCase(Locale.ROOT));
    data.put("cause", incident.cause().label());
    data.put("updatedAt", incident.updatedAt().toString());
    feed.publish(new DashboardEvent(INCIDENT, incident.id(), null, null, null, null, data,
        incident.updatedAt(), incident.id() + "/" + incident.updatedAt().toEpochMilli()));
    if (incident.deviceId() != null && DeviceHealthBoard.isHealthCause(incident.cause())) {
      Map<String, String> device = new HashMap<>();
      device.put("id", incident.deviceId());
      device.put("householdId", incident.householdId());
      device.put("status", incident.isOpen()
          ? DeviceHealthBoard.statusName(incident.cause()) : "ok");
      feed.publish(new DashboardEvent(DEVICE, incident.id(), null, null, null, null, device,
          incident.updatedAt(), "device/" + incident.id() + "/"
              + incident.updatedAt().toEpochMilli()));
    }
  }

  private void stream(RoutingContext ctx) {
    AccessScope scope = SessionRoutes.scope(ctx);
    HttpServerResponse response = ctx.response();
    response.setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no");
    response.write(": connected\n\n");
    Context context = vertx.getOrCreateContext();
    DashboardSubscription subscription = feed.subscribe(
        task -> context.runOnContext(v -> task.run()),
        event -> {
          if (response.ended()) {
            return;
          }
          if (response.writeQueueFull()) {
            // The browser is not reading: close; EventSource reconnects and the page refetches.
            response.reset();
            return;
          }
          response.write("event: " + event.kind() + "\ndata: " + data(event).encode() + "\n\n");
        },
        event -> scope.sees(event.data().get("householdId")),
        recipient -> isAddressedTo(scope, recipient));
    long keepAlive = vertx.setPeriodic(KEEP_ALIVE.toMillis(), id -> {
      if (!response.ended()) {
        response.write(": keep-alive\n\n");
      }
    });
    response.closeHandler(v -> {
      subscription.close();
      vertx.cancelTimer(keepAlive);
    });
  }

  /** True when a page to this recipient id is a page to the person behind this scope. */
  static boolean isAddressedTo(AccessScope scope, String recipientId) {
    if (recipientId.equals(scope.actorId())) {
      return true;
    }
    return scope.role() == AccessRole.DUTY_DESK && scope.communities().stream()
        .anyMatch(community -> Recipient.isDutyDeskOf(recipientId, community));
  }

  private static JsonObject data(DashboardEvent event) {
    JsonObject json = new JsonObject();
    if (DashboardEvent.PAGE.equals(event.kind())) {
      return json.put("incidentId", event.incidentId())
          .put("householdId", event.data().get("householdId"))
          .put("recipientId", event.recipientId())
          .put("title", event.title());
    }
    event.data().forEach(json::put);
    return json;
  }
}

package io.shouwang.gateway.api;

import io.shouwang.alerting.AlertEngine;
import io.shouwang.alerting.Incident;
import io.shouwang.gateway.auth.AccessScope;
import io.shouwang.gateway.health.DeviceHealthBoard;
import io.shouwang.registry.Building;
import io.shouwang.registry.Community;
import io.shouwang.registry.Device;
import io.shouwang.registry.Grid;
import io.shouwang.registry.Household;
import io.shouwang.registry.PlacedHousehold;
import io.shouwang.registry.Registry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Households, the grid view and device health, each limited to the caller's scope. */
final class RegistryRoutes {

  private static final List<String> DEVICE_STATES =
      List.of("ok", "offline", "protection_lost", "low_battery", "tamper", "unknown");

  private final Registry registry;
  private final Optional<AlertEngine> engine;
  private final HouseholdViews views;
  private final IncidentViews incidentViews;

  RegistryRoutes(Registry registry, Optional<AlertEngine> engine, HouseholdViews views,
      IncidentViews incidentViews) {
    this.registry = registry;
    this.engine = engine;
    this.views = views;
    this.incidentViews = incidentViews;
  }

  void addTo(Router api) {
    api.get("/households").handler(this::households);
    api.get("/households/:id").handler(this::card);
    api.get("/grids").handler(this::grids);
    api.get("/devices").handler(this::devices);
  }

  private void households(RoutingContext ctx) {
    AccessScope scope = SessionRoutes.scope(ctx);
    Snapshot now = snapshot();
    JsonArray items = new JsonArray();
    for (PlacedHousehold h : visible(scope)) {
      items.add(views.summary(h, now.openOf(h.household().id()), now.status()));
    }
    Responses.json(ctx, 200, new JsonObject().put("households", items));
  }

  private void card(RoutingContext ctx) {
    AccessScope scope = SessionRoutes.scope(ctx);
    PlacedHousehold h = household(scope, ctx.pathParam("id"));
    Snapshot now = snapshot();
    Responses.json(ctx, 200, views.card(h, now.openOf(h.household().id()), now.status(), scope,
        incidentViews));
  }

  private void grids(RoutingContext ctx) {
    AccessScope scope = SessionRoutes.scope(ctx);
    Snapshot now = snapshot();
    JsonArray grids = new JsonArray();
    for (Community community : registry.communities()) {
      for (Grid grid : community.grids()) {
        JsonArray buildings = new JsonArray();
        for (Building building : grid.buildings()) {
          JsonArray households = new JsonArray();
          for (Household household : building.households()) {
            if (scope.sees(household.id())) {
              households.add(views.summary(new PlacedHousehold(household, building, grid,
                  community), now.openOf(household.id()), now.status()));
            }
          }
          if (!households.isEmpty()) {
            buildings.add(new JsonObject().put("id", building.id()).put("name", building.name())
                .put("address", building.address()).put("households", households));
          }
        }
        if (buildings.isEmpty()) {
          continue;
        }
        JsonArray caregivers = new JsonArray();
        grid.caregivers().forEach(c -> caregivers.add(new JsonObject().put("id", c.id())
            .put("name", c.name()).put("phone", c.phone())));
        grids.add(new JsonObject().put("id", grid.id()).put("name", grid.name())
            .put("community", new JsonObject().put("id", community.id())
                .put("name", community.name()))
            .put("caregivers", caregivers).put("buildings", buildings));
      }
    }
    Responses.json(ctx, 200, new JsonObject().put("grids", grids));
  }

  private void devices(RoutingContext ctx) {
    AccessScope scope = SessionRoutes.scope(ctx);
    String householdId = ctx.request().getParam("household");
    String status = Bodies.choiceParam(ctx, "status", null, DEVICE_STATES.toArray(String[]::new));
    List<PlacedHousehold> households = householdId == null || householdId.isEmpty()
        ? visible(scope) : List.of(household(scope, householdId));
    Snapshot now = snapshot();
    JsonArray devices = new JsonArray();
    for (PlacedHousehold h : households) {
      for (Device d : h.household().devices()) {
        JsonObject json = views.device(d, h.household().id(), now.status());
        if (status == null || status.equals(json.getString("status"))) {
          devices.add(json);
        }
      }
    }
    Responses.json(ctx, 200, new JsonObject().put("devices", devices));
  }

  /** The household if the caller may see it; 404 alike for missing and out of scope. */
  PlacedHousehold household(AccessScope scope, String id) {
    return registry.placedHousehold(id).filter(h -> scope.sees(h.household().id()))
        .orElseThrow(() -> ApiException.notFound("household"));
  }

  private List<PlacedHousehold> visible(AccessScope scope) {
    return registry.communities().stream()
        .flatMap(c -> c.grids().stream().flatMap(g -> g.buildings().stream()
            .flatMap(b -> b.households().stream()
                .filter(h -> scope.sees(h.id()))
                .map(h -> new PlacedHousehold(h, b, g, c)))))
        .toList();
  }

  /** Open incidents and device status, taken once per request so one answer is consistent. */
  private record Snapshot(Map<String, List<Incident>> open, Map<String, String> status) {
    List<Incident> openOf(String householdId) {
      return open.getOrDefault(householdId, List.of());
    }
  }

  private Snapshot snapshot() {
    List<Incident> open = engine.map(AlertEngine::openIncidents).orElse(List.of());
    Map<String, List<Incident>> byHousehold = new HashMap<>();
    for (Incident i : open.stream().sorted(IncidentRoutes.QUEUE_ORDER).toList()) {
      byHousehold.computeIfAbsent(i.householdId(), k -> new java.util.ArrayList<>()).add(i);
    }
    return new Snapshot(byHousehold, DeviceHealthBoard.statusByDevice(open));
  }
}

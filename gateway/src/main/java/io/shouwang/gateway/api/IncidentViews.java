package io.shouwang.gateway.api;

import io.shouwang.alerting.Incident;
import io.shouwang.alerting.PageRecord;
import io.shouwang.alerting.TimelineEntry;
import io.shouwang.gateway.auth.AccessScope;
import io.shouwang.gateway.auth.Permission;
import io.shouwang.registry.PlacedHousehold;
import io.shouwang.registry.Registry;
import io.shouwang.registry.Resident;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;

/** Incidents as the API shows them (API.md: IncidentSummary, IncidentDetail). */
final class IncidentViews {

  private final Registry registry;
  private final Directory directory;

  IncidentViews(Registry registry, Directory directory) {
    this.registry = registry;
    this.directory = directory;
  }

  JsonObject summary(Incident i) {
    JsonObject json = new JsonObject()
        .put("id", i.id())
        .put("householdId", i.householdId())
        .put("cause", i.cause().label())
        .put("severity", i.severity().name().toLowerCase(Locale.ROOT))
        .put("state", i.state().name().toLowerCase(Locale.ROOT))
        .put("openedAt", text(i.openedAt()))
        .put("updatedAt", text(i.updatedAt()))
        .put("acceptedBy", person(i.acceptedBy()))
        .put("eta", text(i.eta()))
        .put("assignee", person(i.assignee()))
        .put("attachCount", i.attachCount())
        .put("currentStep", i.currentStep())
        .put("round", i.round())
        .put("nextEscalationAt", text(i.nextEscalationAt()))
        .put("deviceId", i.deviceId())
        .put("summary", i.summary());
    registry.placedHousehold(i.householdId()).ifPresent(h -> place(json, h));
    JsonArray paged = new JsonArray();
    for (PageRecord page : i.pages()) {
      if (page.step() == i.currentStep() && page.round() == i.round()) {
        paged.add(page(page));
      }
    }
    return json.put("paged", paged);
  }

  /** The summary with readings (for those who may see health data), timeline and pages. */
  JsonObject detail(Incident i, AccessScope scope) {
    JsonObject json = summary(i);
    JsonObject details = new JsonObject();
    if (scope.may(Permission.VIEW_VITALS)) {
      i.details().forEach(details::put);
    }
    JsonArray timeline = new JsonArray();
    for (TimelineEntry entry : i.timeline()) {
      timeline.add(new JsonObject()
          .put("at", text(entry.at()))
          .put("actor", entry.actor())
          .put("actorName", directory.name(entry.actor()))
          .put("action", entry.action())
          .put("detail", entry.detail()));
    }
    JsonArray pages = new JsonArray();
    i.pages().forEach(p -> pages.add(page(p)));
    return json.put("details", details).put("timeline", timeline).put("pages", pages);
  }

  private JsonObject page(PageRecord page) {
    return new JsonObject()
        .put("recipientId", page.recipientId())
        .put("recipientName", directory.name(page.recipientId()))
        .put("role", page.recipientRole())
        .put("channel", page.channel())
        .put("step", page.step())
        .put("round", page.round())
        .put("status", page.status().name().toLowerCase(Locale.ROOT))
        .put("attempts", page.attempts())
        .put("at", text(page.at()));
  }

  private static void place(JsonObject json, PlacedHousehold h) {
    JsonArray residents = new JsonArray();
    for (Resident r : h.household().residents()) {
      residents.add(r.name());
    }
    json.put("flat", h.household().flat())
        .put("building", h.building().name())
        .put("address", h.building().address())
        .put("gridId", h.grid().id())
        .put("residents", residents);
  }

  private JsonObject person(String id) {
    return id == null ? null : new JsonObject().put("id", id).put("name", directory.name(id));
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}

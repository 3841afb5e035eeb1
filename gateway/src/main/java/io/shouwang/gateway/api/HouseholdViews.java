package io.shouwang.gateway.api;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.Incident;
import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.config.EscalationPolicy;
import io.shouwang.alerting.config.EscalationStep;
import io.shouwang.alerting.config.RecipientGroup;
import io.shouwang.gateway.auth.AccessScope;
import io.shouwang.gateway.auth.Permission;
import io.shouwang.gateway.health.DeviceHealthBoard;
import io.shouwang.registry.Contact;
import io.shouwang.registry.Device;
import io.shouwang.registry.PlacedHousehold;
import io.shouwang.registry.Resident;
import io.shouwang.registry.VitalLimit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Households and devices as the API shows them (API.md: HouseholdSummary, ResidentCard). */
final class HouseholdViews {

  private final DeviceHealthBoard board;
  private final Optional<AlertingConfig> alerting;

  HouseholdViews(DeviceHealthBoard board, Optional<AlertingConfig> alerting) {
    this.board = board;
    this.alerting = alerting;
  }

  /**
   * @param open the open incidents of this household
   * @param status device status by device id (from {@link DeviceHealthBoard#statusByDevice})
   */
  JsonObject summary(PlacedHousehold h, List<Incident> open, Map<String, String> status) {
    JsonArray residents = new JsonArray();
    for (Resident r : h.household().residents()) {
      residents.add(new JsonObject().put("id", r.id()).put("name", r.name())
          .put("birthYear", r.birthYear()).put("livesAlone", r.livesAlone()));
    }
    int offline = 0;
    int lowBattery = 0;
    int protectionLost = 0;
    int tamper = 0;
    for (Device d : h.household().devices()) {
      switch (status.getOrDefault(d.id(), "ok")) {
        case "offline" -> offline++;
        case "low_battery" -> lowBattery++;
        case "protection_lost" -> protectionLost++;
        case "tamper" -> tamper++;
        default -> { }
      }
    }
    String overall = protectionLost > 0 ? "unprotected"
        : offline + lowBattery + tamper > 0 ? "attention" : "ok";
    long incidents = open.stream().filter(i -> i.cause() != Cause.SERVICE_REQUEST).count();
    return new JsonObject()
        .put("id", h.household().id())
        .put("flat", h.household().flat())
        .put("building", new JsonObject().put("id", h.building().id())
            .put("name", h.building().name()).put("address", h.building().address()))
        .put("grid", new JsonObject().put("id", h.grid().id()).put("name", h.grid().name()))
        .put("community", new JsonObject().put("id", h.community().id())
            .put("name", h.community().name()))
        .put("residents", residents)
        .put("health", new JsonObject().put("status", overall)
            .put("devices", h.household().devices().size())
            .put("offline", offline).put("lowBattery", lowBattery)
            .put("protectionLost", protectionLost).put("tamper", tamper))
        .put("openIncidents", incidents);
  }

  JsonObject card(PlacedHousehold h, List<Incident> open, Map<String, String> status,
      AccessScope scope, IncidentViews incidents) {
    JsonObject card = summary(h, open, status);
    boolean medical = scope.may(Permission.VIEW_MEDICAL_NOTES);
    JsonArray residents = new JsonArray();
    for (Resident r : h.household().residents()) {
      JsonObject resident = new JsonObject().put("id", r.id()).put("name", r.name())
          .put("birthYear", r.birthYear()).put("livesAlone", r.livesAlone())
          .put("language", r.language());
      if (medical) {
        resident.put("medicalNotes", r.medicalNotes());
        JsonObject limits = new JsonObject();
        for (Map.Entry<VitalLimit, Double> e : r.vitals().entrySet()) {
          limits.put(e.getKey().key(), e.getValue());
        }
        resident.put("vitalLimits", limits);
      }
      residents.add(resident);
    }
    JsonArray contacts = new JsonArray();
    for (Contact c : h.household().contacts()) {
      contacts.add(new JsonObject().put("id", c.id()).put("name", c.name())
          .put("relation", c.relation()).put("phone", c.phone()).put("email", c.email())
          .put("role", c.role().yamlName()));
    }
    JsonArray caregivers = new JsonArray();
    h.grid().caregivers().forEach(c -> caregivers.add(new JsonObject().put("id", c.id())
        .put("name", c.name()).put("phone", c.phone())));
    JsonArray devices = new JsonArray();
    for (Device d : h.household().devices()) {
      devices.add(device(d, h.household().id(), status));
    }
    JsonArray openIncidents = new JsonArray();
    open.forEach(i -> openIncidents.add(incidents.summary(i)));
    return card.put("residents", residents)
        .put("keyHolder", h.household().keyHolder())
        .put("contacts", contacts)
        .put("caregivers", caregivers)
        .put("dutyDesk", new JsonObject().put("name", h.community().dutyDesk().name())
            .put("phone", h.community().dutyDesk().phone()))
        .put("protocol", protocol(h.household().id()))
        .put("devices", devices)
        .put("incidents", openIncidents);
  }

  JsonObject device(Device d, String householdId, Map<String, String> status) {
    Optional<DeviceHealthBoard.Seen> seen = board.seen(d.id());
    String state = status.get(d.id());
    if (state == null) {
      state = seen.isPresent() ? "ok" : "unknown";
    }
    return new JsonObject()
        .put("id", d.id())
        .put("kind", d.kind().yamlName())
        .put("model", d.model())
        .put("householdId", householdId)
        .put("status", state)
        .put("lastSeen", seen.map(s -> s.lastSeen().toString()).orElse(null))
        .put("batteryPercent", seen.map(DeviceHealthBoard.Seen::batteryPercent).orElse(null))
        .put("signalDbm", seen.map(DeviceHealthBoard.Seen::signalDbm).orElse(null));
  }

  /** Who is paged, in order, for an emergency in this household (the default cause's policy). */
  private JsonObject protocol(String householdId) {
    if (alerting.isEmpty()) {
      return new JsonObject().put("policy", null).put("steps", new JsonArray());
    }
    EscalationPolicy policy = alerting.get().policyFor(householdId, Cause.EMERGENCY_BUTTON);
    JsonArray steps = new JsonArray();
    for (EscalationStep step : policy.steps()) {
      JsonArray groups = new JsonArray();
      for (RecipientGroup g : step.groups()) {
        groups.add(g.yamlName());
      }
      steps.add(new JsonObject().put("after", step.after().toString())
          .put("afterSeconds", step.after().toSeconds()).put("recipients", groups));
    }
    return new JsonObject().put("policy", policy.name()).put("steps", steps)
        .put("repeatEvery", policy.repeatEvery() == null ? null : policy.repeatEvery().toString());
  }
}

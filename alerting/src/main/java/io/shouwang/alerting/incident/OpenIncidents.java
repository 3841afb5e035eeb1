package io.shouwang.alerting.incident;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.IncidentState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live incidents, by id and by (household, cause): the index that makes "one open incident
 * per household and cause" true. Closed incidents stay reachable by id until their last queued
 * page has an outcome, and their ids are remembered for a while so that a redelivered first
 * message does not raise them again. Engine thread only.
 */
public final class OpenIncidents {

  private static final int REMEMBERED_CLOSED = 50_000;

  private final Map<String, OpenIncident> byId = new HashMap<>();
  private final Map<String, OpenIncident> byHouseholdCause = new HashMap<>();
  private final Map<String, IncidentState> recentlyClosed =
      new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IncidentState> eldest) {
          return size() > REMEMBERED_CLOSED;
        }
      };

  /** The open incident of this household and cause, or null. */
  public OpenIncident find(String householdId, Cause cause) {
    return byHouseholdCause.get(key(householdId, cause));
  }

  /** The incident with this id while it is open or still draining its pages, or null. */
  public OpenIncident byId(String incidentId) {
    return byId.get(incidentId);
  }

  /** The open incident with this id, or null (closed ones are not returned). */
  public OpenIncident open(String incidentId) {
    OpenIncident incident = byId.get(incidentId);
    return incident != null && incident.state().isOpen() ? incident : null;
  }

  /** The final state of a recently closed incident, or null. */
  public IncidentState closedState(String incidentId) {
    OpenIncident draining = byId.get(incidentId);
    if (draining != null && !draining.state().isOpen()) {
      return draining.state();
    }
    return recentlyClosed.get(incidentId);
  }

  /** Remembers an incident closed before a restart. */
  public void rememberClosed(String incidentId, IncidentState state) {
    recentlyClosed.put(incidentId, state);
  }

  public void add(OpenIncident incident) {
    byId.put(incident.id(), incident);
    byHouseholdCause.put(key(incident.householdId(), incident.cause()), incident);
  }

  /**
   * Takes a closed incident out of the (household, cause) index, so the next signal raises a new
   * one; it stays reachable by id while pages are pending.
   */
  public void closed(OpenIncident incident) {
    byHouseholdCause.remove(key(incident.householdId(), incident.cause()), incident);
    recentlyClosed.put(incident.id(), incident.state());
    releaseIfDrained(incident);
  }

  /** Forgets a closed incident once none of its pages is pending. */
  public void releaseIfDrained(OpenIncident incident) {
    if (!incident.state().isOpen() && !incident.hasPendingPages()) {
      byId.remove(incident.id(), incident);
    }
  }

  /** Open incidents of one household, oldest first. */
  public List<OpenIncident> household(String householdId) {
    List<OpenIncident> result = new ArrayList<>();
    for (OpenIncident incident : byHouseholdCause.values()) {
      if (incident.householdId().equals(householdId)) {
        result.add(incident);
      }
    }
    result.sort((a, b) -> a.openedAt().compareTo(b.openedAt()));
    return result;
  }

  /** Every open incident. */
  public Collection<OpenIncident> all() {
    return byHouseholdCause.values();
  }

  public int openCount() {
    return byHouseholdCause.size();
  }

  private static String key(String householdId, Cause cause) {
    return householdId + "|" + cause.name();
  }
}

package io.shouwang.alerting.incident;

import io.shouwang.alerting.Incident;
import io.shouwang.alerting.IncidentException;
import io.shouwang.alerting.IncidentException.Reason;
import io.shouwang.alerting.IncidentState;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What people do to an incident: accept, confirm on site, resolve, cancel, assign. Each action
 * checks the transition, records actor and time, and completes with the new snapshot once it is
 * durable; a refused one fails with an {@link IncidentException} saying why. Engine thread only.
 */
public final class Responders {

  private static final Logger LOG = LoggerFactory.getLogger(Responders.class);
  private static final Duration MAX_ETA = Duration.ofHours(24);
  private static final Set<IncidentState> CAN_ACCEPT =
      EnumSet.of(IncidentState.RAISED, IncidentState.PAGED);

  private final OpenIncidents incidents;
  private final Escalation escalation;
  private final IncidentRecorder recorder;
  private final Clock clock;
  private final ResidentFeedback feedback;

  /**
   * @param feedback tells the resident's buttons "help is coming", "on site" and "closed"
   */
  public Responders(OpenIncidents incidents, Escalation escalation, IncidentRecorder recorder,
      Clock clock, ResidentFeedback feedback) {
    this.incidents = incidents;
    this.escalation = escalation;
    this.recorder = recorder;
    this.clock = clock;
    this.feedback = feedback;
  }

  /** "On my way": stops escalation until the ETA plus the on-site margin has passed. */
  public Future<Incident> accept(String incidentId, String actorId, Duration eta) {
    try {
      requireText(actorId, "actorId");
      if (eta == null || eta.isNegative() || eta.isZero() || eta.compareTo(MAX_ETA) > 0) {
        throw invalid("eta must be between 1 second and 24 hours");
      }
      OpenIncident incident = require(incidentId);
      Instant now = clock.instant();
      if (incident.state() == IncidentState.ACCEPTED && actorId.equals(incident.acceptedBy())) {
        incident.accepted(actorId, now.plus(eta), now);
        incident.record(now, actorId, Actions.ETA_UPDATED, "eta " + eta.toMinutes() + " min",
            null);
        escalation.accepted(incident);
        return saved(incident);
      }
      if (!CAN_ACCEPT.contains(incident.state())) {
        throw illegal(incident, "accept", incident.state() == IncidentState.ACCEPTED
            ? "it is already accepted by " + incident.acceptedBy() + "; assign it to hand it over"
            : "it is " + incident.state());
      }
      incident.accepted(actorId, now.plus(eta), now);
      incident.record(now, actorId, Actions.ACCEPTED, "eta " + eta.toMinutes() + " min", null);
      LOG.info("incident {} accepted by {}", incident.id(), actorId);
      escalation.accepted(incident);
      feedback.accepted(incident);
      return saved(incident);
    } catch (IncidentException e) {
      return Future.failedFuture(e);
    }
  }

  /** The accepting responder (or a colleague) is at the home. */
  public Future<Incident> onSite(String incidentId, String actorId) {
    try {
      requireText(actorId, "actorId");
      OpenIncident incident = require(incidentId);
      if (incident.state() != IncidentState.ACCEPTED) {
        throw illegal(incident, "confirm on site", "only an accepted incident can be;"
            + " it is " + incident.state());
      }
      Instant now = clock.instant();
      incident.moveTo(IncidentState.ON_SITE, now);
      incident.record(now, actorId, Actions.ON_SITE, "confirmed by the responder", null);
      escalation.stopped(incident, "on site");
      LOG.info("incident {} on site ({})", incident.id(), actorId);
      feedback.onSite(incident);
      return saved(incident);
    } catch (IncidentException e) {
      return Future.failedFuture(e);
    }
  }

  /** Closes an incident on site with an outcome and a note. */
  public Future<Incident> resolve(String incidentId, String actorId, String outcome, String note) {
    try {
      requireText(actorId, "actorId");
      requireText(outcome, "outcome");
      OpenIncident incident = require(incidentId);
      if (incident.state() != IncidentState.ON_SITE) {
        throw illegal(incident, "resolve", "only an incident with someone on site can be;"
            + " it is " + incident.state() + " (cancel a false alarm instead)");
      }
      Instant now = clock.instant();
      incident.moveTo(IncidentState.RESOLVED, now);
      incident.record(now, actorId, Actions.RESOLVED,
          note == null || note.isBlank() ? outcome : outcome + ": " + note, null);
      return closed(incident, "resolved");
    } catch (IncidentException e) {
      return Future.failedFuture(e);
    }
  }

  /** Closes an open incident as a false alarm. */
  public Future<Incident> cancel(String incidentId, String actorId, String reason) {
    try {
      requireText(actorId, "actorId");
      requireText(reason, "reason");
      OpenIncident incident = require(incidentId);
      Instant now = clock.instant();
      incident.moveTo(IncidentState.CANCELLED, now);
      incident.record(now, actorId, Actions.CANCELLED, reason, null);
      return closed(incident, "cancelled");
    } catch (IncidentException e) {
      return Future.failedFuture(e);
    }
  }

  /** Names who should go; escalation goes on until someone accepts. */
  public Future<Incident> assign(String incidentId, String actorId, String assigneeId) {
    try {
      requireText(actorId, "actorId");
      requireText(assigneeId, "assigneeId");
      OpenIncident incident = require(incidentId);
      Instant now = clock.instant();
      incident.assign(assigneeId, now);
      incident.record(now, actorId, Actions.ASSIGNED, "assigned to " + assigneeId, null);
      return saved(incident);
    } catch (IncidentException e) {
      return Future.failedFuture(e);
    }
  }

  private Future<Incident> closed(OpenIncident incident, String how) {
    LOG.info("incident {} {}", incident.id(), how);
    escalation.stopped(incident, how);
    incidents.closed(incident);
    feedback.closed(incident);
    return saved(incident);
  }

  private Future<Incident> saved(OpenIncident incident) {
    Incident snapshot = incident.snapshot();
    return recorder.changed(incident).map(v -> snapshot);
  }

  private OpenIncident require(String incidentId) {
    if (incidentId == null || incidentId.isBlank()) {
      throw invalid("incidentId must not be empty");
    }
    OpenIncident incident = incidents.open(incidentId);
    if (incident != null) {
      return incident;
    }
    IncidentState closedAs = incidents.closedState(incidentId);
    if (closedAs != null) {
      throw new IncidentException(Reason.ILLEGAL_TRANSITION,
          "incident " + incidentId + " is already " + closedAs);
    }
    throw new IncidentException(Reason.NOT_FOUND, "no open incident " + incidentId);
  }

  private static IncidentException illegal(OpenIncident incident, String action, String why) {
    return new IncidentException(Reason.ILLEGAL_TRANSITION,
        "cannot " + action + " incident " + incident.id() + ": " + why);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw invalid(name + " must not be empty");
    }
    if (value.length() > 2_000) {
      throw invalid(name + " is longer than 2000 characters");
    }
  }

  private static IncidentException invalid(String message) {
    return new IncidentException(Reason.INVALID_ARGUMENT, message);
  }
}

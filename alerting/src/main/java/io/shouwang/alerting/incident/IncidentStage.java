package io.shouwang.alerting.incident;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shouwang.alerting.Cause;
import io.shouwang.alerting.IncidentState;
import io.shouwang.alerting.Signal;
import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.registry.Registry;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second stage of the alert path: a signal raises an incident, or joins the open one of its
 * household and cause. A repeat never pages again; only the escalation stage pages. Each call
 * returns when what it changed is durable. Engine thread only, so two signals a millisecond apart
 * are simply two calls in a row: the second finds the first's incident.
 */
public final class IncidentStage {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentStage.class);

  private final Registry registry;
  private final AlertingConfig config;
  private final OpenIncidents incidents;
  private final Escalation escalation;
  private final IncidentRecorder recorder;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Counter attached;
  private final Counter duplicates;

  public IncidentStage(Registry registry, AlertingConfig config, OpenIncidents incidents,
      Escalation escalation, IncidentRecorder recorder, Clock clock, MeterRegistry meters) {
    this.registry = registry;
    this.config = config;
    this.incidents = incidents;
    this.escalation = escalation;
    this.recorder = recorder;
    this.clock = clock;
    this.meters = meters;
    this.attached = Counter.builder("shouwang.alerting.signals.attached")
        .description("Signals that joined an open incident instead of raising one")
        .register(meters);
    this.duplicates = Counter.builder("shouwang.alerting.signals.duplicate")
        .description("Signals from a message an incident already recorded (redeliveries)")
        .register(meters);
  }

  /** Applies one signal; completes when its effect is durable (at once when it has none). */
  public Future<Void> apply(Signal signal) {
    Instant now = clock.instant();
    OpenIncident open = incidents.find(signal.householdId(), signal.cause());
    if (open != null && open.hasSeen(signal.messageKey(), signal.kind())) {
      duplicates.increment();
      return recorder.durable(open);
    }
    if (signal.kind() == Signal.Kind.RAISE && isPressWithResponderOnTheWay(open, signal)) {
      // Rules see no incidents; here a press on an accepted alert is the responder arriving.
      return onSiteByButton(open, signal, now);
    }
    return switch (signal.kind()) {
      case RAISE -> raiseOrAttach(open, signal, now, false);
      case ESCALATE -> raiseOrAttach(open, signal, now, true);
      case CLEARED -> note(open, signal, now, Actions.CLEARED);
      case RESIDENT_CANCEL -> residentCancel(open, signal, now);
      case ON_SITE_BY_BUTTON -> onSiteByButton(open, signal, now);
    };
  }

  private Future<Void> raiseOrAttach(
      OpenIncident open, Signal signal, Instant now, boolean worse) {
    if (open != null) {
      open.attach(signal, now);
      attached.increment();
      if (worse) {
        open.record(now, Actions.device(signal.deviceId()), Actions.ESCALATED, signal.summary(),
            null);
        escalation.escalateNow(open);
      }
      return recorder.changed(open);
    }
    String id = IncidentIds.incidentId(signal.householdId(), signal.cause(), signal.messageKey());
    if (incidents.closedState(id) != null) {
      // The message that raised an incident since closed came again (a broker redelivery).
      duplicates.increment();
      return Future.succeededFuture();
    }
    if (registry.placedHousehold(signal.householdId()).isEmpty()) {
      LOG.warn("signal for unknown household {} (cause {}) ignored", signal.householdId(),
          signal.cause().label());
      ignored(signal);
      return Future.succeededFuture();
    }
    String policy = config.policyFor(signal.householdId(), signal.cause()).name();
    OpenIncident incident = OpenIncident.raise(id, signal, policy, now);
    incidents.add(incident);
    Counter.builder("shouwang.alerting.incidents.raised").tag("cause", signal.cause().label())
        .register(meters).increment();
    // Pages leave before the write below is even queued: the first page never waits on a disk,
    // nor on the log line, which is a write too.
    escalation.start(incident);
    if (worse) {
      escalation.escalateNow(incident);
    }
    LOG.info("incident {} raised: household {} cause {} policy {} message {}", id,
        signal.householdId(), signal.cause().label(), policy, signal.messageKey());
    return recorder.changed(incident);
  }

  private Future<Void> note(OpenIncident open, Signal signal, Instant now, String action) {
    if (open == null) {
      ignored(signal);
      return Future.succeededFuture();
    }
    open.record(now, Actions.device(signal.deviceId()), action, signal.summary(),
        signal.messageKey());
    return recorder.changed(open);
  }

  private Future<Void> residentCancel(OpenIncident open, Signal signal, Instant now) {
    if (open == null) {
      ignored(signal);
      return Future.succeededFuture();
    }
    Duration age = Duration.between(open.openedAt(), now);
    boolean inGrace = age.compareTo(config.escalation().cancelGraceWindow()) <= 0;
    if (!open.state().isUnanswered() || open.anyPageDelivered() || !inGrace) {
      // Someone has been told: a responder decides whether the cancel was real.
      return note(open, signal, now, Actions.RESIDENT_CANCEL);
    }
    open.record(now, Actions.device(signal.deviceId()), Actions.RESIDENT_CANCEL,
        signal.summary(), signal.messageKey());
    open.moveTo(IncidentState.CANCELLED, now);
    open.record(now, "resident", Actions.CANCELLED, "cancelled by the resident before anyone was"
        + " paged", null);
    LOG.info("incident {} cancelled by the resident before any page was delivered", open.id());
    escalation.stopped(open, "cancelled by the resident");
    incidents.closed(open);
    return recorder.changed(open);
  }

  private Future<Void> onSiteByButton(OpenIncident open, Signal signal, Instant now) {
    List<OpenIncident> accepted = incidents.household(signal.householdId()).stream()
        .filter(i -> i.state() == IncidentState.ACCEPTED)
        .toList();
    if (accepted.isEmpty()) {
      // Nobody is on the way, so a press cannot mean "I am here": keep it on the record only.
      return note(open, signal, now, Actions.BUTTON_PRESS);
    }
    List<Future<Void>> written = new ArrayList<>();
    for (OpenIncident incident : accepted) {
      // The responder is in the home, so every accepted incident of the home has a person there.
      incident.record(now, Actions.device(signal.deviceId()), Actions.ON_SITE,
          "confirmed by the home's button", signal.messageKey());
      incident.moveTo(IncidentState.ON_SITE, now);
      escalation.stopped(incident, "on site");
      LOG.info("incident {} on site, confirmed by button {}", incident.id(), signal.deviceId());
      written.add(recorder.changed(incident));
    }
    return Future.all(written).mapEmpty();
  }

  private static boolean isPressWithResponderOnTheWay(OpenIncident open, Signal signal) {
    return open != null
        && signal.cause() == Cause.EMERGENCY_BUTTON
        && open.state() == IncidentState.ACCEPTED;
  }

  private void ignored(Signal signal) {
    Counter.builder("shouwang.alerting.signals.ignored").tag("kind", signal.kind().name())
        .description("Signals with no incident to act on").register(meters).increment();
  }
}

package io.shouwang.alerting.escalation;

import io.shouwang.alerting.DeliveryStatus;
import io.shouwang.alerting.IncidentState;
import io.shouwang.alerting.PageRecord;
import io.shouwang.alerting.Scheduler;
import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.config.EscalationPolicy;
import io.shouwang.alerting.config.RecipientGroup;
import io.shouwang.alerting.incident.Actions;
import io.shouwang.alerting.incident.Escalation;
import io.shouwang.alerting.incident.IncidentRecorder;
import io.shouwang.alerting.incident.OpenIncident;
import io.shouwang.alerting.incident.OpenIncidents;
import io.shouwang.alerting.notify.Dispatcher;
import io.shouwang.alerting.notify.PageComposer;
import io.shouwang.registry.Registry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The third stage: decides who is paged when. Steps follow the policy's delays while nobody
 * accepts; after the last step everybody paged so far is paged again every repeat interval. A
 * step whose every page failed counts as unanswered and the next step is paged at once. After an
 * acceptance, the ETA plus the on-site margin is watched; when it passes with nobody on site the
 * acceptance lapses and escalation goes on. Deadlines live on the incident, so they survive a
 * restart. Engine thread only.
 */
public final class EscalationStage implements Escalation {

  private final AlertingConfig config;
  private final OpenIncidents incidents;
  private final IncidentRecorder recorder;
  private final Dispatcher dispatcher;
  private final StepPages pages;
  private final Scheduler scheduler;
  private final Executor loop;
  private final Clock clock;
  private final Map<String, Scheduler.Cancellable> timers = new HashMap<>();

  public EscalationStage(AlertingConfig config, Registry registry, OpenIncidents incidents,
      IncidentRecorder recorder, Dispatcher dispatcher, PageComposer composer,
      Scheduler scheduler, Executor loop, Clock clock) {
    this.config = config;
    this.incidents = incidents;
    this.recorder = recorder;
    this.dispatcher = dispatcher;
    this.pages = new StepPages(config, registry, dispatcher, composer, clock);
    this.scheduler = scheduler;
    this.loop = loop;
    this.clock = clock;
  }

  @Override
  public void start(OpenIncident incident) {
    EscalationPolicy policy = policy(incident);
    Duration first = policy.steps().get(0).after();
    if (first.isZero()) {
      pageStep(incident, policy, 0, 0);
    } else {
      // A policy may hold its first page back (a resident can still cancel a mistaken press).
      incident.escalation(-1, 0, incident.openedAt().plus(first));
      schedule(incident);
    }
  }

  @Override
  public void escalateNow(OpenIncident incident) {
    // With someone on site, a worsening is theirs to handle: it is on the record already.
    if (incident.state().isUnanswered() || incident.state() == IncidentState.ACCEPTED) {
      advance(incident);
    }
  }

  @Override
  public void accepted(OpenIncident incident) {
    dispatcher.cancelPending(incident.id(), "accepted by " + incident.acceptedBy());
    incident.nextEscalationAt(incident.eta().plus(config.escalation().onSiteMargin()));
    schedule(incident);
  }

  @Override
  public void stopped(OpenIncident incident, String reason) {
    cancelTimer(incident.id());
    incident.nextEscalationAt(null);
    dispatcher.cancelPending(incident.id(), reason);
  }

  /** After a restart: re-sends pages that had no outcome yet and re-arms the stored deadline. */
  public void resume(OpenIncident incident) {
    pages.resend(incident);
    schedule(incident);
  }

  /** A page reached a final status: if the whole current step failed, move on at once. */
  public void pageFinished(OpenIncident incident, PageRecord page) {
    EscalationPolicy policy = policy(incident);
    if (page.status() != DeliveryStatus.FAILED || !incident.state().isUnanswered()
        || page.round() != incident.round() || page.step() != incident.step()
        || incident.step() >= policy.lastStep()) {
      return;
    }
    for (PageRecord other : incident.pages()) {
      if (other.round() == incident.round() && other.step() == incident.step()
          && other.status() != DeliveryStatus.FAILED) {
        return;
      }
    }
    incident.record(clock.instant(), Actions.SYSTEM, Actions.STEP_UNREACHABLE,
        "every page of step " + (incident.step() + 1) + " failed; paging the next step", null);
    pageStep(incident, policy, incident.step() + 1, incident.round());
  }

  /** Cancels every timer (the engine is stopping). */
  public void stopAll() {
    timers.values().forEach(Scheduler.Cancellable::cancel);
    timers.clear();
  }

  private void onDeadline(String incidentId, Instant due) {
    OpenIncident incident = incidents.open(incidentId);
    if (incident == null || !due.equals(incident.nextEscalationAt())) {
      return;
    }
    timers.remove(incidentId);
    Instant now = clock.instant();
    if (incident.state() == IncidentState.ACCEPTED) {
      incident.record(now, Actions.SYSTEM, Actions.ETA_MISSED, "nobody on site "
          + config.escalation().onSiteMargin().toMinutes() + " min after the ETA of "
          + incident.acceptedBy() + "; escalating again", null);
      incident.acceptanceLapsed(now);
      advance(incident);
    } else if (incident.state().isUnanswered()) {
      advance(incident);
    } else {
      return;
    }
    recorder.changed(incident);
  }

  private void advance(OpenIncident incident) {
    EscalationPolicy policy = policy(incident);
    if (incident.step() < policy.lastStep()) {
      pageStep(incident, policy, incident.step() + 1, incident.round());
    } else {
      repeat(incident, policy);
    }
  }

  /** Pages one step; a step that reaches nobody new is passed over at once. */
  private void pageStep(OpenIncident incident, EscalationPolicy policy, int step, int round) {
    Instant now = clock.instant();
    int current = step;
    int pages;
    while (true) {
      List<RecipientGroup> groups = policy.steps().get(current).groups();
      pages = this.pages.create(incident, groups, current, round, now);
      String which = "step " + (current + 1) + " of " + policy.steps().size() + " ("
          + groups.stream().map(RecipientGroup::yamlName).collect(Collectors.joining(", "))
          + ")";
      if (pages > 0) {
        incident.record(now, Actions.SYSTEM, Actions.STEP_PAGED, which + ": " + pages
            + " pages", null);
        break;
      }
      incident.record(now, Actions.SYSTEM, Actions.NOBODY_REACHABLE, which
          + ": nobody new can be reached", null);
      if (current == policy.lastStep()) {
        break;
      }
      current++;
    }
    settle(incident, current, round, now.plus(policy.gapAfter(current)), pages > 0, now);
  }

  /** Pages everybody on the ladder again: the repeat after the last step. */
  private void repeat(OpenIncident incident, EscalationPolicy policy) {
    Instant now = clock.instant();
    int round = incident.round() + 1;
    int pages = 0;
    for (int step = 0; step <= policy.lastStep(); step++) {
      pages += this.pages.create(incident, policy.steps().get(step).groups(), step, round, now);
    }
    incident.record(now, Actions.SYSTEM, pages > 0 ? Actions.REPEAT : Actions.NOBODY_REACHABLE,
        "round " + (round + 1) + ": " + pages + " pages", null);
    settle(incident, policy.lastStep(), round, now.plus(policy.repeatEvery()), pages > 0, now);
  }

  private void settle(OpenIncident incident, int step, int round, Instant next, boolean paged,
      Instant now) {
    if (incident.state() == IncidentState.ACCEPTED) {
      // Paged because things got worse: the responder's ETA still decides the next check.
      next = incident.nextEscalationAt();
    } else if (paged && incident.state() == IncidentState.RAISED) {
      incident.moveTo(IncidentState.PAGED, now);
    }
    incident.escalation(step, round, next);
    schedule(incident);
  }

  private void schedule(OpenIncident incident) {
    cancelTimer(incident.id());
    Instant due = incident.nextEscalationAt();
    if (due == null) {
      return;
    }
    Duration delay = Duration.between(clock.instant(), due);
    String id = incident.id();
    timers.put(id, scheduler.schedule(delay, () -> loop.execute(() -> onDeadline(id, due))));
  }

  private void cancelTimer(String incidentId) {
    Scheduler.Cancellable timer = timers.remove(incidentId);
    if (timer != null) {
      timer.cancel();
    }
  }

  private EscalationPolicy policy(OpenIncident incident) {
    return config.policy(incident.policy());
  }
}

package io.shouwang.alerting.escalation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.shouwang.alerting.PageRecord;
import io.shouwang.alerting.incident.Actions;
import io.shouwang.alerting.incident.IncidentRecorder;
import io.shouwang.alerting.incident.OpenIncident;
import io.shouwang.alerting.incident.OpenIncidents;
import io.shouwang.alerting.notify.DeliveryListener;
import io.shouwang.alerting.notify.DeliveryReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record step of the fan-out: writes each page's outcome on its incident (status, attempts,
 * last error, and a timeline line for every final outcome), and lets escalation move on when a
 * whole step failed. Engine thread only.
 */
public final class DeliveryTracker implements DeliveryListener {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryTracker.class);

  private final OpenIncidents incidents;
  private final EscalationStage escalation;
  private final IncidentRecorder recorder;
  private final Clock clock;
  private final Timer firstPage;

  public DeliveryTracker(OpenIncidents incidents, EscalationStage escalation,
      IncidentRecorder recorder, Clock clock, MeterRegistry meters) {
    this.incidents = incidents;
    this.escalation = escalation;
    this.recorder = recorder;
    this.clock = clock;
    this.firstPage = Timer.builder("shouwang.alerting.first.page.latency")
        .description("From an incident's opening to its first delivered page")
        .register(meters);
  }

  @Override
  public void delivered(DeliveryReport report) {
    OpenIncident incident = incidents.byId(report.incidentId());
    PageRecord before = incident == null ? null : incident.page(report.idempotencyKey());
    if (before == null) {
      LOG.debug("outcome of page {} arrived after its incident was released",
          report.idempotencyKey());
      return;
    }
    Instant now = clock.instant();
    PageRecord page = before.with(report.status(), report.attempts(), report.error(), now);
    incident.putPage(page, now);
    String to = report.channel() + " to " + page.recipientId();
    switch (report.status()) {
      case SENT -> {
        incident.record(now, Actions.SYSTEM, Actions.PAGE_SENT,
            to + " (attempt " + report.attempts() + ")", null);
        if (incident.firstPageDelivered()) {
          firstPage.record(Duration.between(incident.openedAt(), now));
        }
      }
      case FAILED -> {
        LOG.warn("page {} failed after {} attempts: {}", report.idempotencyKey(),
            report.attempts(), report.error());
        incident.record(now, Actions.SYSTEM,
            report.overflow() ? Actions.QUEUE_OVERFLOW : Actions.PAGE_FAILED,
            to + ": " + report.error() + " (" + report.attempts() + " attempts)", null);
        escalation.pageFinished(incident, page);
      }
      case SKIPPED -> incident.record(now, Actions.SYSTEM, Actions.PAGE_SKIPPED,
          to + ": " + report.error(), null);
      case QUEUED -> {
        // A retry is scheduled: the page record carries the attempt count and the last error.
      }
    }
    recorder.changed(incident);
    incidents.releaseIfDrained(incident);
  }
}

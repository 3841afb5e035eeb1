package io.shouwang.alerting.incident;

/** What the incident stage asks of the escalation stage (implemented one package down the line). */
public interface Escalation {

  /** Pages the first step of a newly raised incident. */
  void start(OpenIncident incident);

  /** Pages the next step now: things got worse, or an acceptance lapsed. */
  void escalateNow(OpenIncident incident);

  /** Someone accepted: no more steps; pending pages are skipped; the ETA is watched. */
  void accepted(OpenIncident incident);

  /** On site, resolved or cancelled: no more escalation; pending pages are skipped. */
  void stopped(OpenIncident incident, String reason);
}

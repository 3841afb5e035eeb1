package io.shouwang.alerting;

/** Where an incident is in its life; RESOLVED and CANCELLED are final. */
public enum IncidentState {
  /** Recorded; nobody has been paged yet (or nobody could be reached). */
  RAISED,
  /** Pages are out; escalation runs until someone accepts. */
  PAGED,
  /** A named responder said "on my way" with an ETA. */
  ACCEPTED,
  /** A responder is at the home (confirmed by them or by the home's button). */
  ON_SITE,
  /** Closed on site with an outcome and a note. */
  RESOLVED,
  /** Closed as a false alarm or by the resident before anyone was paged. */
  CANCELLED;

  /** True until the incident is resolved or cancelled. */
  public boolean isOpen() {
    return this != RESOLVED && this != CANCELLED;
  }

  /** True while nobody has accepted: escalation keeps paging. */
  public boolean isUnanswered() {
    return this == RAISED || this == PAGED;
  }
}

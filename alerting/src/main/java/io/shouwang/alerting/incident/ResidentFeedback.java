package io.shouwang.alerting.incident;

/**
 * What the resident's own buttons are told as people respond: help is coming, someone is at the
 * door, it is over. Called on the engine thread after each change is recorded in memory.
 */
public interface ResidentFeedback {

  /** A responder accepted (again, after a hand-over, too). */
  void accepted(OpenIncident incident);

  /** A responder confirmed being at the home. */
  void onSite(OpenIncident incident);

  /** The incident was resolved or cancelled. */
  void closed(OpenIncident incident);
}

package io.shouwang.alerting;

/** Hears every change of every incident, e.g. to stream them to the duty desk's dashboard. */
@FunctionalInterface
public interface IncidentListener {

  /** Called on the engine's thread after each change; must return quickly and never block. */
  void onChange(Incident incident);
}

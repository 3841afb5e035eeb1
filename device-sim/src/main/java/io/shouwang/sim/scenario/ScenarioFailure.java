package io.shouwang.sim.scenario;

/** The story could not go on as scripted, e.g. the backend never sent the valve its command. */
public final class ScenarioFailure extends Exception {

  ScenarioFailure(String message) {
    super(message);
  }
}

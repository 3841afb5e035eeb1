package io.shouwang.sim.scenario;

import io.shouwang.sim.device.GasValveActor;
import java.time.Duration;

/**
 * The knobs of the scripted stories: the gap between steps, when a press is cancelled, how many
 * messages a burst or reading series has, how a stuck valve misbehaves, how long to wait for the
 * backend's command, and which device goes silent.
 */
public record ScenarioSettings(
    Duration step,
    Duration cancelAfter,
    int count,
    GasValveActor.Behaviour stuckValve,
    Duration valveTravel,
    Duration commandTimeout,
    String silentDevice,
    int oversizeBytes) {}

package io.shouwang.alerting.rules;

import io.shouwang.alerting.DeviceMessage;
import java.time.Instant;

/**
 * Turns device messages, and the passing of time, into signals and device commands. A rule may
 * keep per-household state; it is called on one thread only (the engine's), so it needs no locks.
 */
public interface Rule {

  /** Reacts to one message; returns what it concluded (often nothing). */
  RuleOutput onMessage(DeviceMessage message);

  /** Reacts to the passing of time (deadlines, silence); called about once a second. */
  RuleOutput onTick(Instant now);
}

package io.shouwang.alerting.rules;

import io.shouwang.alerting.DeviceCommand;
import io.shouwang.alerting.DeviceMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns device messages, and the passing of time, into signals and device commands. A rule may
 * keep per-household state; it is called on one thread only (the engine's), so it needs no locks.
 */
public interface Rule {

  /** Reacts to one message; returns what it concluded (often nothing). */
  RuleOutput onMessage(DeviceMessage message);

  /** Reacts to the passing of time (deadlines, silence); called about once a second. */
  RuleOutput onTick(Instant now);

  /**
   * Picks up what the rule was doing before a restart; called once when the engine starts, before
   * any message or tick. Returns device commands to send again, never signals: the reloaded
   * incidents already escalate on their own, and a restart must not page anyone.
   */
  default List<DeviceCommand> resume(Restart restart) {
    return List.of();
  }

  /**
   * The state this rule keeps across a restart, if any: the engine saves its changes every save
   * interval and hands them back in {@link #resume}.
   */
  default Optional<RuleState> state() {
    return Optional.empty();
  }
}

package io.shouwang.alerting.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A named escalation ladder: steps in order of their delays, repeated while nobody accepts.
 *
 * @param repeatEvery how long after the last step (and after each repeat) everybody paged so far
 *     is paged again while nobody has accepted
 */
public record EscalationPolicy(String name, List<EscalationStep> steps, Duration repeatEvery) {

  public EscalationPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(repeatEvery, "repeatEvery");
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("policy " + name + " has no steps");
    }
  }

  /** The index of the last step. */
  public int lastStep() {
    return steps.size() - 1;
  }

  /** The wait between paging step {@code step} and paging the one after it. */
  public Duration gapAfter(int step) {
    return step >= lastStep()
        ? repeatEvery
        : steps.get(step + 1).after().minus(steps.get(step).after());
  }
}

package io.shouwang.alerting.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One rung of an escalation ladder.
 *
 * @param after when this step is paged, counted from the incident's opening
 * @param groups the groups paged in this step
 */
public record EscalationStep(Duration after, List<RecipientGroup> groups) {

  public EscalationStep {
    Objects.requireNonNull(after, "after");
    groups = List.copyOf(groups);
  }

  /** A step paging these groups {@code after} the opening. */
  public static EscalationStep of(Duration after, RecipientGroup... groups) {
    return new EscalationStep(after, List.of(groups));
  }
}

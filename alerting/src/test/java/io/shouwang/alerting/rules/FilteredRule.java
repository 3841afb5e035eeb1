package io.shouwang.alerting.rules;

import io.shouwang.alerting.DeviceCommand;
import io.shouwang.alerting.DeviceMessage;
import io.shouwang.alerting.Signal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Keeps only the signals a test looks at, e.g. one device's among a whole registry's. */
final class FilteredRule implements Rule {

  private final Rule rule;
  private final Predicate<Signal> keep;

  FilteredRule(Rule rule, Predicate<Signal> keep) {
    this.rule = rule;
    this.keep = keep;
  }

  @Override
  public RuleOutput onMessage(DeviceMessage message) {
    return filter(rule.onMessage(message));
  }

  @Override
  public RuleOutput onTick(Instant now) {
    return filter(rule.onTick(now));
  }

  @Override
  public List<DeviceCommand> resume(Restart restart) {
    return rule.resume(restart);
  }

  @Override
  public Optional<RuleState> state() {
    return rule.state();
  }

  private RuleOutput filter(RuleOutput output) {
    return new RuleOutput(output.signals().stream().filter(keep).toList(), output.commands());
  }
}

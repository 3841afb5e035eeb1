package io.shouwang.alerting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shouwang.alerting.rules.Restart;
import io.shouwang.alerting.rules.Rule;
import io.shouwang.alerting.rules.RuleOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first stage: asks every rule about a message or the passing of time. A rule that throws is
 * logged and counted, and the other rules still run.
 */
final class RuleStage {

  private static final Logger LOG = LoggerFactory.getLogger(RuleStage.class);

  private final List<Rule> rules;
  private final MeterRegistry meters;

  RuleStage(List<Rule> rules, MeterRegistry meters) {
    this.rules = List.copyOf(rules);
    this.meters = meters;
  }

  RuleOutput onMessage(DeviceMessage message) {
    return ask(rule -> rule.onMessage(message), message.messageKey());
  }

  RuleOutput onTick(Instant now) {
    return ask(rule -> rule.onTick(now), "tick");
  }

  /** Every rule's commands to send again after a restart; a rule that throws loses only its own. */
  List<DeviceCommand> resume(Restart restart) {
    List<DeviceCommand> commands = new ArrayList<>();
    for (Rule rule : rules) {
      try {
        commands.addAll(rule.resume(restart));
      } catch (RuntimeException e) {
        failed(rule, "resume", e);
      }
    }
    return commands;
  }

  private RuleOutput ask(Function<Rule, RuleOutput> question, String what) {
    List<Signal> signals = new ArrayList<>();
    List<DeviceCommand> commands = new ArrayList<>();
    for (Rule rule : rules) {
      try {
        RuleOutput out = question.apply(rule);
        if (out != null && !out.isEmpty()) {
          signals.addAll(out.signals());
          commands.addAll(out.commands());
        }
      } catch (RuntimeException e) {
        failed(rule, what, e);
      }
    }
    return signals.isEmpty() && commands.isEmpty()
        ? RuleOutput.NONE : new RuleOutput(signals, commands);
  }

  private void failed(Rule rule, String what, RuntimeException e) {
    LOG.error("rule {} failed on {}", rule.getClass().getSimpleName(), what, e);
    Counter.builder("shouwang.alerting.rule.errors")
        .tag("rule", rule.getClass().getSimpleName()).register(meters).increment();
  }
}

package io.shouwang.alerting.rules;

import io.shouwang.alerting.DeviceCommand;
import io.shouwang.alerting.Signal;
import java.util.List;

/** Signals for the incident stage and commands for devices, from one rule invocation. */
public record RuleOutput(List<Signal> signals, List<DeviceCommand> commands) {

  public static final RuleOutput NONE = new RuleOutput(List.of(), List.of());

  public RuleOutput {
    signals = List.copyOf(signals);
    commands = List.copyOf(commands);
  }

  public static RuleOutput of(Signal signal) {
    return new RuleOutput(List.of(signal), List.of());
  }

  public boolean isEmpty() {
    return signals.isEmpty() && commands.isEmpty();
  }
}

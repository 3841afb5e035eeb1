package io.shouwang.alerting.rules;

import io.shouwang.alerting.DeviceCommand;
import io.shouwang.alerting.Signal;
import java.util.ArrayList;
import java.util.List;

/** Collects what one rule invocation concluded. */
final class Output {

  private final List<Signal> signals = new ArrayList<>();
  private final List<DeviceCommand> commands = new ArrayList<>();

  Output add(Signal signal) {
    signals.add(signal);
    return this;
  }

  Output add(DeviceCommand command) {
    commands.add(command);
    return this;
  }

  RuleOutput build() {
    return signals.isEmpty() && commands.isEmpty()
        ? RuleOutput.NONE
        : new RuleOutput(signals, commands);
  }
}

package io.shouwang.alerting.rules;

import com.google.protobuf.Timestamp;
import io.shouwang.alerting.DeviceCommand;
import io.shouwang.alerting.DeviceMessage;
import io.shouwang.alerting.Incident;
import io.shouwang.alerting.Signal;
import io.shouwang.schemas.v1.Envelope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Drives a rule through a scenario of messages and ticks at given seconds after {@link Fixture#T0}
 * and writes down what it concluded, one line per signal or command, e.g. {@code "20 ESCALATE
 * GAS_LEAK valve failed to close"} or {@code "0 CLOSE vlv-1 cmd-1"}.
 */
final class Script {

  /** A message at a second, or a tick when {@code device} is null. */
  record Step(long second, String device, Consumer<Envelope.Builder> payload, long ageSeconds) {
    @Override
    public String toString() {
      return device == null ? "tick@" + second : device + "@" + second;
    }
  }

  private final MutableClock clock = new MutableClock(Fixture.T0);
  private final Rule rule;
  private final List<RuleOutput> outputs = new ArrayList<>();
  private long seq;

  Script(Function<MutableClock, Rule> rule) {
    this.rule = rule.apply(clock);
  }

  static Step at(long second, String device, Consumer<Envelope.Builder> payload) {
    return new Step(second, device, payload, 0);
  }

  /** A message that arrives {@code ageSeconds} after the device says it was made. */
  static Step late(long second, String device, Consumer<Envelope.Builder> payload, long age) {
    return new Step(second, device, payload, age);
  }

  static Step tick(long second) {
    return new Step(second, null, null, 0);
  }

  /** Runs the steps and returns one line per signal and command. */
  List<String> run(List<Step> steps) {
    List<String> lines = new ArrayList<>();
    for (Step step : steps) {
      Instant now = Fixture.T0.plusSeconds(step.second());
      clock.set(now);
      RuleOutput output =
          step.device() == null ? rule.onTick(now) : rule.onMessage(message(step, now));
      lines.addAll(record(step.second(), output));
    }
    return lines;
  }

  /**
   * Plays a restart at a second: the rule resumes with these open incidents and last-heard times
   * (a rule built for the script stands for the new process). Returns one line per command.
   */
  List<String> restart(long second, List<Incident> open, Map<String, Instant> lastSeen) {
    return restart(new Restart(Fixture.T0.plusSeconds(second), open, lastSeen));
  }

  /** Plays a restart as {@code restart} describes it; returns one line per command. */
  List<String> restart(Restart restart) {
    clock.set(restart.start());
    List<DeviceCommand> commands = rule.resume(restart);
    long second = restart.start().getEpochSecond() - Fixture.T0.getEpochSecond();
    return record(second, new RuleOutput(List.of(), commands));
  }

  /**
   * What the engine's next save would collect from the rule: its changed state entries, key to
   * value ("-" for a removed one).
   */
  Map<String, String> takeSavedState() {
    Map<String, String> changes = new LinkedHashMap<>();
    rule.state().orElseThrow()
        .takeChanges((key, value) -> changes.put(key, value == null ? "-" : value));
    return changes;
  }

  private List<String> record(long second, RuleOutput output) {
    outputs.add(output);
    List<String> lines = new ArrayList<>();
    for (Signal signal : output.signals()) {
      lines.add(second + " " + signal.kind() + " " + signal.cause() + " " + signal.summary());
    }
    for (DeviceCommand command : output.commands()) {
      lines.add(
          second
              + " "
              + command.command().getValve().getAction()
              + " "
              + command.deviceId()
              + " "
              + command.command().getCommandId());
    }
    return lines;
  }

  /** Every signal produced so far, in order. */
  List<Signal> signals() {
    return outputs.stream().flatMap(o -> o.signals().stream()).toList();
  }

  /** Every command produced so far, in order. */
  List<DeviceCommand> commands() {
    return outputs.stream().flatMap(o -> o.commands().stream()).toList();
  }

  private DeviceMessage message(Step step, Instant receivedAt) {
    Instant made = receivedAt.minusSeconds(step.ageSeconds());
    Envelope.Builder envelope =
        Envelope.newBuilder()
            .setDeviceId(step.device())
            .setBootId(1)
            .setSeq(++seq)
            .setDeviceTime(
                Timestamp.newBuilder().setSeconds(made.getEpochSecond()).setNanos(made.getNano()));
    step.payload().accept(envelope);
    return new DeviceMessage(
        envelope.build(), Fixture.REGISTRY.device(step.device()).orElseThrow(), made, receivedAt);
  }
}

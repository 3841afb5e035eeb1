package io.shouwang.sim.device;

import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.v1.Command;
import io.shouwang.schemas.v1.CommandResult;
import io.shouwang.schemas.v1.GasValve;
import io.shouwang.schemas.v1.ValveCommand;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A motorised gas valve: on CLOSE/OPEN it answers ACCEPTED, reports MOVING, and after the motor's
 * travel time reports the new state with the command id and DONE. A stuck valve ignores the command
 * or jams (FAULT, then FAILED).
 */
public final class GasValveActor extends CommandActor {

  /** How the valve reacts to a command. */
  public enum Behaviour {
    OBEY,
    IGNORE,
    FAULT
  }

  private final ScheduledExecutorService scheduler;
  private final Duration travelTime;
  private final Behaviour behaviour;
  private final CompletableFuture<GasValve.State> settled = new CompletableFuture<>();

  /** A valve that moves in {@code travelTime} and reacts as {@code behaviour} says. */
  public GasValveActor(
      DeviceLife life,
      Sender sender,
      Consumer<String> narrator,
      ScheduledExecutorService scheduler,
      Duration travelTime,
      Behaviour behaviour) {
    super(life, sender, narrator);
    this.scheduler = scheduler;
    this.travelTime = travelTime;
    this.behaviour = behaviour;
  }

  /** Completes with the state the valve settled in after its first command (never, if ignored). */
  public CompletableFuture<GasValve.State> settled() {
    return settled;
  }

  @Override
  void handle(Command command) {
    if (!command.hasValve()
        || command.getValve().getAction() == ValveCommand.Action.ACTION_UNSPECIFIED) {
      reply(command, CommandResult.Status.REJECTED, "not a valve command");
      return;
    }
    String id = life.device().id();
    if (behaviour == Behaviour.IGNORE) {
      narrator.accept(id + " is stuck: ignores command " + command.getCommandId());
      return;
    }
    GasValve.State target =
        command.getValve().getAction() == ValveCommand.Action.CLOSE
            ? GasValve.State.CLOSED
            : GasValve.State.OPEN;
    reply(command, CommandResult.Status.ACCEPTED, "");
    life.valveState(GasValve.State.MOVING);
    report(GasValve.State.MOVING, command.getCommandId(), "");
    scheduler.schedule(() -> finish(command, target), travelTime.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void finish(Command command, GasValve.State target) {
    if (behaviour == Behaviour.FAULT) {
      life.valveState(GasValve.State.FAULT);
      report(GasValve.State.FAULT, command.getCommandId(), "JAMMED");
      reply(command, CommandResult.Status.FAILED, "valve jammed");
      settled.complete(GasValve.State.FAULT);
      return;
    }
    life.valveState(target);
    report(target, command.getCommandId(), "");
    reply(command, CommandResult.Status.DONE, "");
    settled.complete(target);
  }

  private void report(GasValve.State state, String commandId, String fault) {
    sender.send(life.device(), MessageClass.EVENT, Payloads.valve(state, commandId, fault));
  }
}

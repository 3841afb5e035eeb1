package io.shouwang.sim.device;

import io.shouwang.schemas.v1.Command;
import io.shouwang.schemas.v1.CommandResult;
import java.util.function.Consumer;

/** An emergency button with a light and speaker: shows the feedback it is sent and confirms it. */
public final class ButtonActor extends CommandActor {

  /** A button that narrates what it would say or show. */
  public ButtonActor(DeviceLife life, Sender sender, Consumer<String> narrator) {
    super(life, sender, narrator);
  }

  @Override
  void handle(Command command) {
    if (!command.hasButtonFeedback()) {
      reply(command, CommandResult.Status.REJECTED, "not a button command");
      return;
    }
    String spoken = command.getButtonFeedback().getSpokenText();
    narrator.accept(
        "%s shows %s%s"
            .formatted(
                life.device().id(),
                command.getButtonFeedback().getSignal(),
                spoken.isEmpty() ? "" : " and says \"" + spoken + "\""));
    reply(command, CommandResult.Status.DONE, "");
  }
}

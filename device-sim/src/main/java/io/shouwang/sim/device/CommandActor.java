package io.shouwang.sim.device;

import com.google.protobuf.InvalidProtocolBufferException;
import io.shouwang.schemas.EnvelopeCodec;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.Topic;
import io.shouwang.schemas.v1.Command;
import io.shouwang.schemas.v1.CommandResult;
import io.shouwang.sim.mqtt.DeviceConnection;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device's command inbox: decodes by the topic's encoding, answers commands for another device
 * with REJECTED and late ones with EXPIRED, and hands the rest to the device's behaviour.
 */
public abstract class CommandActor implements DeviceConnection.MessageHandler {

  private static final Logger LOG = LoggerFactory.getLogger(CommandActor.class);

  protected final DeviceLife life;
  protected final Sender sender;
  protected final Consumer<String> narrator;

  CommandActor(DeviceLife life, Sender sender, Consumer<String> narrator) {
    this.life = life;
    this.sender = sender;
    this.narrator = narrator;
  }

  /** Acts on a valid command addressed to this device. */
  abstract void handle(Command command);

  @Override
  public final void onMessage(String topic, byte[] payload) {
    SimDevice device = life.device();
    Command command;
    try {
      command =
          EnvelopeCodec.decodeCommand(
              payload, Topic.parse(topic).map(Topic::encoding).orElse(device.spec().encoding()));
    } catch (InvalidProtocolBufferException e) {
      // Without a command id there is nothing to answer; the backend will time out.
      LOG.warn("{}: undecodable command on {}: {}", device.id(), topic, e.getMessage());
      return;
    }
    narrator.accept(
        "%s received command %s (%s)"
            .formatted(device.id(), command.getCommandId(), command.getActionCase()));
    if (!command.getDeviceId().equals(device.id())) {
      reply(command, CommandResult.Status.REJECTED, "command is for " + command.getDeviceId());
      return;
    }
    if (command.hasExpiresAt()
        && Instant.ofEpochSecond(
                command.getExpiresAt().getSeconds(), command.getExpiresAt().getNanos())
            .isBefore(device.clock().instant())) {
      reply(command, CommandResult.Status.EXPIRED, "received after expires_at");
      return;
    }
    handle(command);
  }

  /** Publishes a CommandResult for a command. */
  protected final void reply(Command command, CommandResult.Status status, String detail) {
    sender.send(
        life.device(),
        MessageClass.COMMAND_RESULT,
        Payloads.result(command.getCommandId(), status, detail));
  }
}

package io.shouwang.alerting.rules;

import com.google.protobuf.Timestamp;
import io.shouwang.alerting.DeviceCommand;
import io.shouwang.schemas.v1.Command;
import io.shouwang.schemas.v1.ValveCommand;
import java.time.Duration;
import java.time.Instant;

/** Builds the CLOSE command for a gas valve. */
final class ValveCommands {

  private ValveCommands() {}

  static DeviceCommand close(String valveId, String commandId, Instant now, Duration ttl) {
    Command command =
        Command.newBuilder()
            .setCommandId(commandId)
            .setDeviceId(valveId)
            .setIssuedAt(timestamp(now))
            .setExpiresAt(timestamp(now.plus(ttl)))
            .setValve(ValveCommand.newBuilder().setAction(ValveCommand.Action.CLOSE))
            .build();
    return new DeviceCommand(valveId, command);
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}

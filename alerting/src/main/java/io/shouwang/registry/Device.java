package io.shouwang.registry;

import io.shouwang.schemas.Encoding;
import java.util.Objects;

/** A registered device; {@code model} is null when the file does not give one. */
public record Device(
    String id, DeviceKind kind, Encoding encoding, MqttProtocol protocol, String model) {

  public Device {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(protocol, "protocol");
  }
}

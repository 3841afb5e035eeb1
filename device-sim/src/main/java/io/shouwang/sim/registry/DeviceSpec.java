package io.shouwang.sim.registry;

import io.shouwang.schemas.Encoding;
import java.util.Objects;

/** One device as the registry describes it (only what the simulator needs). */
public record DeviceSpec(
    String id,
    String householdId,
    DeviceKind kind,
    Encoding encoding,
    Protocol protocol,
    String model) {

  public DeviceSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(protocol, "protocol");
  }

  /** The same device with encoding and protocol overridden (for {@code --encoding/--protocol}). */
  public DeviceSpec with(Encoding newEncoding, Protocol newProtocol) {
    return new DeviceSpec(id, householdId, kind, newEncoding, newProtocol, model);
  }
}

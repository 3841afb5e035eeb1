package io.shouwang.sim.run;

import io.shouwang.sim.mqtt.BrokerOptions;
import java.time.Clock;

/**
 * How a fleet connects and stamps: {@code connections} 0 gives every device its own connection
 * (client id = device id + {@code deviceClientIdSuffix}), otherwise devices of one protocol share
 * that many connections. The suffix lets a scenario run beside a background simulation of the same
 * devices without the broker dropping one connection for the other (same client id).
 */
public record FleetOptions(
    BrokerOptions broker,
    int connections,
    String clientIdPrefix,
    long seed,
    int telemetryQos,
    Clock clock,
    String deviceClientIdSuffix) {

  /** Options whose per-device client ids are the device ids themselves. */
  public FleetOptions(BrokerOptions broker, int connections, String clientIdPrefix, long seed,
      int telemetryQos, Clock clock) {
    this(broker, connections, clientIdPrefix, seed, telemetryQos, clock, "");
  }

  public FleetOptions {
    if (connections < 0) {
      throw new IllegalArgumentException("connections must not be negative");
    }
    if (telemetryQos < 0 || telemetryQos > 1) {
      throw new IllegalArgumentException("telemetry QoS must be 0 or 1");
    }
  }
}

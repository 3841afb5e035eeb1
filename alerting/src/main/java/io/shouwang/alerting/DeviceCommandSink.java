package io.shouwang.alerting;

import io.vertx.core.Future;

/** Delivers device commands; the gateway implements it over MQTT. */
@FunctionalInterface
public interface DeviceCommandSink {
  /** Completes when the broker has accepted the command (QoS 1), fails otherwise. */
  Future<Void> send(DeviceCommand command);
}

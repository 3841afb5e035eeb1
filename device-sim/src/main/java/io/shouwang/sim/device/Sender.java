package io.shouwang.sim.device;

import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.v1.Envelope;

/** Publishes messages for simulated devices, each through the connection that device uses. */
public interface Sender {

  /** Stamps the payload with the device's next seq and publishes it; returns what was sent. */
  Outgoing send(SimDevice device, MessageClass messageClass, Envelope.Builder payload);

  /** Publishes a message exactly as given (duplicates, malformed bytes) through a device's link. */
  void sendRaw(SimDevice via, String topic, byte[] payload, int qos);
}

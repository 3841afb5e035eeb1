package io.shouwang.sim.mqtt;

import io.shouwang.sim.registry.Protocol;

/** Opens a device connection with the Paho client that speaks the requested protocol. */
public final class Connections {

  private Connections() {}

  /** Connects (retrying as the options say) or fails with a message naming the broker. */
  public static DeviceConnection open(Protocol protocol, BrokerOptions options, String clientId)
      throws ConnectionException {
    PahoConnection connection =
        switch (protocol) {
          case MQTT5 -> Mqtt5Connection.create(options, clientId);
          case MQTT311 -> Mqtt3Connection.create(options, clientId);
        };
    connection.connect();
    return connection;
  }
}

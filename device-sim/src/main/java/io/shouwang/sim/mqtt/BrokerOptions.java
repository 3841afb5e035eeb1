package io.shouwang.sim.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the broker. {@code maxInflight} caps outstanding publishes per connection (the
 * broker's receive maximum may lower it); {@code bufferWhileDisconnected} keeps publishes made
 * during a reconnect instead of failing them.
 */
public record BrokerOptions(
    String uri,
    String username,
    String password,
    int connectAttempts,
    Duration connectTimeout,
    int maxInflight,
    boolean bufferWhileDisconnected) {

  public BrokerOptions {
    Objects.requireNonNull(uri, "uri");
    if (!uri.startsWith("tcp://") && !uri.startsWith("ssl://")) {
      throw new IllegalArgumentException(
          "broker must be tcp://host:port or ssl://host:port: " + uri);
    }
    if (connectAttempts < 1 || maxInflight < 1) {
      throw new IllegalArgumentException("connect attempts and max in-flight must be positive");
    }
  }

  /** The same options with another window and disconnected-buffer choice. */
  public BrokerOptions withWindow(int newMaxInflight, boolean buffer) {
    return new BrokerOptions(
        uri, username, password, connectAttempts, connectTimeout, newMaxInflight, buffer);
  }

  @Override
  public String toString() {
    // The password must never reach a log or a terminal.
    return "BrokerOptions[uri=%s, username=%s, password=%s, maxInflight=%d]"
        .formatted(uri, username, password == null ? "none" : "***", maxInflight);
  }
}

package io.shouwang.sim.mqtt;

/** The broker could not be reached, refused the client, or refused a subscription. */
public final class ConnectionException extends Exception {

  ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}

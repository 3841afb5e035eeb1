package io.shouwang.sim.mqtt;

/** The broker could not be reached, refused the client, or refused a subscription. */
public final class ConnectionException extends Exception {

  /** The message names the client and the broker; never a password. */
  public ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}

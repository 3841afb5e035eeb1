package io.shouwang.sim.registry;

/** A registry file that cannot be read or does not have the promised shape. */
public final class RegistryException extends Exception {

  RegistryException(String message) {
    super(message);
  }

  RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.shouwang.gateway.storage;

/** Too many lines are pending in memory: the line was not accepted; do not acknowledge it. */
public final class WriterOverloadedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  WriterOverloadedException(String message) {
    super(message);
  }
}

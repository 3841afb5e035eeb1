package io.shouwang.gateway.storage;

/** Receives a line the store refused as bad data (4xx after isolation), for the dead letters. */
@FunctionalInterface
public interface RejectedLineSink {

  /** Called on the writer's worker thread; must not block for long. */
  void rejected(String line, String reason);
}

package io.shouwang.gateway.ingest;

import io.vertx.core.Future;

/**
 * Where accepted messages go besides storage: the alert engine. The MQTT message is acknowledged
 * only when both the point and this future are safe, so a crash before the alert path has recorded
 * what the message caused makes the broker deliver it again.
 */
@FunctionalInterface
public interface AlertPath {

  /** No alerting: every message is safe at once as far as this path is concerned. */
  AlertPath NONE = message -> Future.succeededFuture();

  /** Must not block; called on the message's lane. */
  Future<Void> onMessage(AcceptedMessage message);
}

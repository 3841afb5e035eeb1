package io.shouwang.alerting.notify;

/** Hears the delivery outcome of every page, on the engine's thread. */
@FunctionalInterface
public interface DeliveryListener {

  void delivered(DeliveryReport report);
}

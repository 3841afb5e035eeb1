package io.shouwang.alerting;

import io.vertx.core.Vertx;
import java.time.Duration;

/** The production scheduler: Vert.x timers. */
final class VertxScheduler implements Scheduler {

  private final Vertx vertx;

  VertxScheduler(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    // Vert.x timers need at least 1 ms; a due or overdue task runs at the next opportunity.
    long millis = Math.max(1, delay.toMillis());
    long id = vertx.setTimer(millis, t -> task.run());
    return () -> vertx.cancelTimer(id);
  }
}

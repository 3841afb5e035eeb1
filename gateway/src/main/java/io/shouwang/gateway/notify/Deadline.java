package io.shouwang.gateway.notify;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Bounds how long a channel waits for one send, whatever the library under it does. */
public final class Deadline {

  private Deadline() {}

  /**
   * The future's outcome, or a {@link TimeoutException} once the timeout has passed. The work
   * itself goes on (a late delivery is possible), which is why every request carries the page's
   * idempotency key.
   */
  public static <T> Future<T> within(Vertx vertx, Future<T> future, Duration timeout) {
    Promise<T> promise = Promise.promise();
    long millis = Math.max(1, timeout.toMillis());
    long timer =
        vertx.setTimer(
            millis,
            id -> promise.tryFail(new TimeoutException("no answer within " + millis + " ms")));
    future.onComplete(
        result -> {
          vertx.cancelTimer(timer);
          if (result.succeeded()) {
            promise.tryComplete(result.result());
          } else {
            promise.tryFail(result.cause());
          }
        });
    return promise.future();
  }
}

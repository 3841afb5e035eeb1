package io.shouwang.gateway.storage;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines written together, and the callers waiting for them.
 *
 * <p>One promise per calling Vert.x context: each caller's continuation runs on its own event loop,
 * never on the writer's worker, and a batch filled from two event loops costs two dispatches.
 */
final class Batch {

  private final List<String> lines = new ArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>(2);

  private record Waiter(Context context, Promise<Void> promise) {}

  /** Adds a line; called under the writer's lock. */
  io.vertx.core.Future<Void> add(String line, Context caller) {
    lines.add(line);
    for (Waiter waiter : waiters) {
      if (waiter.context() == caller) {
        return waiter.promise().future();
      }
    }
    Waiter waiter = new Waiter(caller, Promise.promise());
    waiters.add(waiter);
    return waiter.promise().future();
  }

  /** The lines; not changed once the batch is sealed. */
  List<String> lines() {
    return lines;
  }

  int size() {
    return lines.size();
  }

  /** Completes every caller on its own context (or right here for callers outside Vert.x). */
  void complete(AsyncResult<?> result) {
    for (Waiter waiter : waiters) {
      if (waiter.context() == null) {
        complete(waiter.promise(), result);
      } else {
        waiter.context().runOnContext(v -> complete(waiter.promise(), result));
      }
    }
  }

  private static void complete(Promise<Void> promise, AsyncResult<?> result) {
    if (result.succeeded()) {
      promise.complete();
    } else {
      promise.fail(result.cause());
    }
  }
}

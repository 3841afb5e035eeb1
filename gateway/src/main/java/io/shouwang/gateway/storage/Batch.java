package io.shouwang.gateway.storage;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines written together, and the callers waiting for them.
 *
 * <p>One dispatch per calling Vert.x context: each caller's continuation runs on its own event
 * loop, never on the writer's worker, and a batch filled from two event loops costs two dispatches,
 * also after batches were merged.
 */
final class Batch {

  private final List<String> lines = new ArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>(2);

  /** The callers of one context: the batch's own promise, plus those of merged batches. */
  private static final class Waiter {
    final Context context;
    final Promise<Void> promise = Promise.promise();
    final List<Promise<Void>> merged = new ArrayList<>(0);

    Waiter(Context context) {
      this.context = context;
    }
  }

  /** Adds a line; called under the writer's lock. */
  Future<Void> add(String line, Context caller) {
    lines.add(line);
    return waiterFor(caller).promise.future();
  }

  /**
   * Takes over another sealed batch's lines (after this batch's) and its callers, so both go in one
   * request and their callers complete together.
   */
  void absorb(Batch other) {
    lines.addAll(other.lines);
    for (Waiter theirs : other.waiters) {
      Waiter ours = waiterFor(theirs.context);
      ours.merged.add(theirs.promise);
      ours.merged.addAll(theirs.merged);
    }
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
      if (waiter.context == null) {
        complete(waiter, result);
      } else {
        waiter.context.runOnContext(v -> complete(waiter, result));
      }
    }
  }

  private Waiter waiterFor(Context context) {
    for (Waiter waiter : waiters) {
      if (waiter.context == context) {
        return waiter;
      }
    }
    Waiter waiter = new Waiter(context);
    waiters.add(waiter);
    return waiter;
  }

  private static void complete(Waiter waiter, AsyncResult<?> result) {
    complete(waiter.promise, result);
    for (Promise<Void> promise : waiter.merged) {
      complete(promise, result);
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

package io.shouwang.gateway.storage;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;

/**
 * Lines accepted but not yet handed to the worker: the open batch (filling while its linger runs)
 * and sealed batches in the order they will be written. Bounded by maxPendingLines.
 */
final class PendingBatches {

  private final Vertx vertx;
  private final PointWriterOptions options;
  private final Runnable onSealed;
  private final ArrayDeque<Batch> sealed = new ArrayDeque<>();
  private Batch open;
  private long lingerTimer = -1;
  private long lines; // in open, sealed and in-flight batches

  /** onSealed runs (outside this lock) when a linger seals a batch. */
  PendingBatches(Vertx vertx, PointWriterOptions options, Runnable onSealed) {
    this.vertx = vertx;
    this.options = options;
    this.onSealed = onSealed;
  }

  /** Adds a line; null when maxPendingLines are already pending. */
  synchronized Future<Void> add(String line, Context caller) {
    if (lines >= options.maxPendingLines()) {
      return null;
    }
    if (open == null) {
      open = new Batch();
      if (!options.linger().isZero()) {
        Batch batch = open;
        lingerTimer = vertx.setTimer(options.linger().toMillis(), id -> lingerElapsed(batch));
      }
    }
    Future<Void> result = open.add(line, caller);
    lines++;
    if (open.size() >= options.maxBatchLines()) {
      sealOpen();
    }
    return result;
  }

  /**
   * The next request: the oldest sealed batch, else the open one when allowed to take it, merged
   * with the batches behind it up to maxBatchLines. Lingers seal small batches while the worker is
   * busy with a slow write; sent one by one they would cost a request (and a commit per table at the
   * store) each, which is most of the store's work per point for small batches.
   */
  synchronized Batch take(boolean takeOpen) {
    if (sealed.isEmpty() && open != null && takeOpen) {
      sealOpen();
    }
    Batch first = sealed.pollFirst();
    if (first == null) {
      return null;
    }
    while (!sealed.isEmpty() && fits(first, sealed.peekFirst())) {
      first.absorb(sealed.pollFirst());
    }
    if (sealed.isEmpty() && takeOpen && open != null && fits(first, open)) {
      sealOpen();
      first.absorb(sealed.pollFirst());
    }
    return first;
  }

  private boolean fits(Batch into, Batch next) {
    return into.size() + next.size() <= options.maxBatchLines();
  }

  /** Whether a batch is ready for the worker (with takeOpen: or one is filling). */
  synchronized boolean ready(boolean takeOpen) {
    return !sealed.isEmpty() || takeOpen && open != null;
  }

  /** A batch left the worker: its lines no longer count against the bound. */
  synchronized void done(Batch batch) {
    lines -= batch.size();
  }

  synchronized long lines() {
    return lines;
  }

  /** Seals the open batch so a stop flushes it without waiting for its linger. */
  synchronized void sealAll() {
    if (open != null) {
      sealOpen();
    }
  }

  /** Fails every waiting batch (a writer stopped before it ever started). */
  synchronized void failAll(Throwable cause) {
    sealAll();
    for (Batch batch : sealed) {
      batch.complete(Future.failedFuture(cause));
      lines -= batch.size();
    }
    sealed.clear();
  }

  private void lingerElapsed(Batch batch) {
    synchronized (this) {
      if (open != batch) {
        return; // sealed by size already
      }
      lingerTimer = -1;
      sealOpen();
    }
    onSealed.run();
  }

  private void sealOpen() {
    sealed.addLast(open);
    open = null;
    if (lingerTimer != -1) {
      vertx.cancelTimer(lingerTimer);
      lingerTimer = -1;
    }
  }
}

package io.shouwang.gateway.storage;

import io.micrometer.core.instrument.MeterRegistry;
import io.shouwang.gateway.storage.spool.DiskSpool;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches lines, writes them in order on its own worker, spools when the store is down, replays on
 * recovery.
 *
 * <p>Exactly one unit of work (a batch, or one replay step) runs at a time on the writer's single
 * worker thread, in the order batches were sealed, so lines reach the store in the order they were
 * written, across outages too. A probe on a second thread pings the store every retryInterval, so a
 * slow ping never holds up a batch. The writer never closes the store it was given.
 */
public final class PointWriter {

  private static final Logger LOG = LoggerFactory.getLogger(PointWriter.class);

  private enum State { NEW, RUNNING, STOPPING, STOPPED }

  private final Vertx vertx;
  private final String name;
  private final DiskSpool spool;
  private final PointWriterOptions options;
  private final BatchProcessor processor;
  private final PendingBatches pending;
  private final AtomicBoolean probing = new AtomicBoolean();

  private final Object lock = new Object();
  // Guarded by lock (taken before the PendingBatches monitor, never after it).
  private State state = State.NEW;
  private boolean busy;
  private boolean replayRequested;
  private boolean lastWasReplay;
  private Promise<Void> drained;
  private WorkerExecutor worker;
  private WorkerExecutor prober;
  private long retryTimer = -1;

  /** A writer named for its metrics, logs and worker thread ("events", "telemetry"). */
  public PointWriter(
      Vertx vertx,
      String name,
      TimeSeriesStore store,
      DiskSpool spool,
      PointWriterOptions options,
      MeterRegistry meters,
      RejectedLineSink rejected) {
    this(vertx, name, store, spool, options, meters, rejected, Clock.systemUTC());
  }

  PointWriter(
      Vertx vertx,
      String name,
      TimeSeriesStore store,
      DiskSpool spool,
      PointWriterOptions options,
      MeterRegistry meters,
      RejectedLineSink rejected,
      Clock clock) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.name = Objects.requireNonNull(name, "name");
    this.spool = Objects.requireNonNull(spool, "spool");
    this.options = Objects.requireNonNull(options, "options");
    this.processor =
        new BatchProcessor(
            name,
            Objects.requireNonNull(store, "store"),
            spool,
            Objects.requireNonNull(rejected, "rejected"),
            Objects.requireNonNull(meters, "meters"),
            clock);
    this.pending = new PendingBatches(vertx, options, this::pump);
  }

  /** Opens the spool (replaying what a previous run left) and starts the retry timer. */
  public Future<Void> start() {
    synchronized (lock) {
      if (state != State.NEW || worker != null) {
        return Future.failedFuture(
            new IllegalStateException("writer " + name + " already started"));
      }
      worker = vertx.createSharedWorkerExecutor("shouwang-writer-" + name, 1);
      prober = vertx.createSharedWorkerExecutor("shouwang-probe-" + name, 1);
    }
    return worker
        .executeBlocking(
            () -> {
              processor.open();
              return null;
            })
        .onSuccess(
            v -> {
              synchronized (lock) {
                if (state == State.NEW) {
                  state = State.RUNNING; // not when stop() came first: then it only drains
                }
              }
              retryTimer = vertx.setPeriodic(options.retryInterval().toMillis(), id -> retry());
              retry(); // learn reachability now, and replay a leftover spool at once
              pump();
            })
        .mapEmpty();
  }

  /**
   * Completes when the line is durably stored OR durably spooled; fails only if neither is possible
   * (spool full while store down, or maxPendingLines reached) — the caller then must not
   * acknowledge the MQTT message. Thread-safe; lines of one batch share a Future per calling event
   * loop, and the Future completes on the caller's context.
   */
  public Future<Void> write(String line) {
    if (line == null || line.isEmpty() || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
      return Future.failedFuture(
          new IllegalArgumentException("writer " + name + ": a point is one non-empty line"));
    }
    Future<Void> result;
    synchronized (lock) {
      if (state == State.STOPPING || state == State.STOPPED) {
        return Future.failedFuture(new IllegalStateException("writer " + name + " is stopped"));
      }
      result = pending.add(line, Vertx.currentContext());
    }
    if (result == null) {
      processor.metrics().failure("overloaded");
      return Future.failedFuture(
          new WriterOverloadedException(
              "writer " + name + ": " + options.maxPendingLines() + " lines pending already"));
    }
    pump();
    return result;
  }

  /** Flushes what is pending (to the store or the spool), then stops; the store stays open. */
  public Future<Void> stop() {
    Promise<Void> done;
    synchronized (lock) {
      if (state == State.STOPPING || state == State.STOPPED) {
        return drained == null ? Future.succeededFuture() : drained.future();
      }
      state = State.STOPPING;
      pending.sealAll();
      drained = Promise.promise();
      done = drained;
      if (worker == null) {
        pending.failAll(new IllegalStateException("writer " + name + " stopped before it started"));
        drained.complete();
      }
    }
    pump();
    return done.future().compose(v -> shutDown());
  }

  /** What the health endpoint shows. */
  public WriterHealth health() {
    return new WriterHealth(
        processor.reachable(), processor.spoolFull(), spool.batches(), spool.bytes());
  }

  /** Every retryInterval: replay when the store is up, otherwise (or when idle) ping it. */
  private void retry() {
    boolean replay;
    synchronized (lock) {
      if (state != State.RUNNING) {
        return;
      }
      replay = processor.reachable() && !spool.isEmpty();
      if (replay) {
        replayRequested = true;
      }
    }
    if (replay) {
      pump();
    } else {
      probe(); // also keeps health() honest while nothing is written
    }
  }

  private void probe() {
    if (!probing.compareAndSet(false, true)) {
      return;
    }
    prober
        .executeBlocking(processor::probe)
        .onComplete(
            ar -> {
              probing.set(false);
              if (ar.succeeded() && ar.result() && !spool.isEmpty()) {
                synchronized (lock) {
                  replayRequested = true;
                }
                pump();
              }
            });
  }

  /** Starts the next unit of work on the worker unless one is running. */
  private void pump() {
    Batch batch;
    synchronized (lock) {
      if (busy || state == State.NEW || worker == null) {
        return;
      }
      // Without linger the filling batch goes as soon as the worker is free.
      boolean takeOpen = options.linger().isZero() || state == State.STOPPING;
      boolean replay =
          replayRequested
              && state == State.RUNNING
              && (!lastWasReplay || !pending.ready(takeOpen)); // alternate with new batches
      batch = replay ? null : pending.take(takeOpen);
      if (!replay && batch == null) {
        if (state == State.STOPPING && drained != null) {
          drained.tryComplete();
        }
        return;
      }
      busy = true;
      lastWasReplay = replay;
      if (replay) {
        replayRequested = false;
      }
    }
    if (batch == null) {
      worker.executeBlocking(processor::replayOne).onComplete(this::replayDone);
    } else {
      worker
          .executeBlocking(
              () -> {
                processor.handle(batch.lines());
                return null;
              })
          .onComplete(ar -> batchDone(batch, ar));
    }
  }

  private void batchDone(Batch batch, AsyncResult<Object> result) {
    batch.complete(result);
    pending.done(batch);
    synchronized (lock) {
      busy = false;
    }
    pump();
  }

  private void replayDone(AsyncResult<Boolean> result) {
    if (result.failed()) {
      LOG.error("writer {}: replay from {} failed", name, spool.directory(), result.cause());
    }
    synchronized (lock) {
      busy = false;
      if (result.succeeded() && result.result()) {
        replayRequested = true; // more to replay and the store takes it: keep going
      }
    }
    pump();
  }

  private Future<Void> shutDown() {
    WorkerExecutor closingWorker;
    WorkerExecutor closingProber;
    synchronized (lock) {
      if (state == State.STOPPED) {
        return Future.succeededFuture();
      }
      state = State.STOPPED;
      closingWorker = worker;
      closingProber = prober;
    }
    if (retryTimer != -1) {
      vertx.cancelTimer(retryTimer);
    }
    if (closingWorker == null) {
      return Future.succeededFuture();
    }
    return Future.join(closingWorker.close(), closingProber.close()).mapEmpty();
  }
}

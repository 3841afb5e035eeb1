package io.shouwang.gateway.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded, ordered queue of work on its own Vert.x context. Depth counts messages taken in and
 * not yet finished (stored, spooled or refused), so it also bounds memory held by slow writes.
 * Overflow is a result and a metric, never an exception.
 */
final class Lane {

  private final String name;
  private final Context context;
  private final int capacity;
  private final AtomicInteger depth = new AtomicInteger();
  private final Counter overflow;

  private Lane(String name, Context context, int capacity, MeterRegistry meters) {
    this.name = name;
    this.context = context;
    this.capacity = capacity;
    this.overflow = Counter.builder("shouwang.ingest.lane.overflow")
        .description("Messages refused because their lane was full")
        .tag("lane", name).register(meters);
    Gauge.builder("shouwang.ingest.lane.depth", depth, AtomicInteger::get)
        .description("Messages in a lane not yet stored, spooled or refused")
        .tag("lane", name).register(meters);
  }

  /**
   * Deploys a lane on an event loop (telemetry: {@code threadPool} null) or on the single-thread
   * worker pool of that name (events).
   */
  static Future<Lane> deploy(
      Vertx vertx, String name, String threadPool, int capacity, MeterRegistry meters) {
    ContextHolder holder = new ContextHolder();
    DeploymentOptions options = new DeploymentOptions();
    if (threadPool != null) {
      options.setThreadingModel(ThreadingModel.WORKER)
          .setWorkerPoolName(threadPool)
          .setWorkerPoolSize(1);
    }
    return vertx.deployVerticle(holder, options)
        .map(id -> new Lane(name, holder.context(), capacity, meters));
  }

  /** Queues a task; false (and counted) when the lane is full. */
  boolean offer(Runnable task) {
    if (depth.incrementAndGet() > capacity) {
      depth.decrementAndGet();
      overflow.increment();
      return false;
    }
    context.runOnContext(v -> task.run());
    return true;
  }

  /** Queues a task that continues work already counted (never refused). */
  void continueWith(Runnable task) {
    context.runOnContext(v -> task.run());
  }

  /** Marks one message finished. */
  void done() {
    depth.decrementAndGet();
  }

  int depth() {
    return depth.get();
  }

  String name() {
    return name;
  }

  /** Gives the lane a context of its own, with the threading model of its deployment. */
  private static final class ContextHolder extends VerticleBase {
    Context context() {
      return context;
    }
  }
}

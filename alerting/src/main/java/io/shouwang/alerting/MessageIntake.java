package io.shouwang.alerting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves messages from the gateway's threads onto the engine's. Events go straight onto the
 * engine's task queue. Telemetry waits in its own bounded queue, drained a small batch per turn,
 * so at most one batch of telemetry is ever ahead of an event; a full queue drops telemetry (it is
 * already stored as time series) and counts it.
 */
final class MessageIntake {

  private static final Logger LOG = LoggerFactory.getLogger(MessageIntake.class);
  private static final int BATCH = 32;

  private record Pending(DeviceMessage message, Promise<Void> done) {}

  private final Executor loop;
  private final int capacity;
  private final Function<DeviceMessage, Future<Void>> process;
  private final Queue<Pending> telemetry = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final Counter dropped;

  MessageIntake(Executor loop, int capacity, Function<DeviceMessage, Future<Void>> process,
      MeterRegistry meters) {
    this.loop = loop;
    this.capacity = capacity;
    this.process = process;
    this.dropped = Counter.builder("shouwang.alerting.telemetry.dropped")
        .description("Telemetry messages not evaluated because the engine's queue was full")
        .register(meters);
    Gauge.builder("shouwang.alerting.telemetry.queue.size", size, AtomicInteger::get)
        .strongReference(true).register(meters);
  }

  /** Thread-safe; never blocks. */
  Future<Void> offer(DeviceMessage message) {
    Promise<Void> done = Promise.promise();
    if (MessageLanes.isEvent(message.envelope())) {
      loop.execute(() -> run(message, done));
      return done.future();
    }
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      dropped.increment();
      return Future.succeededFuture();
    }
    telemetry.add(new Pending(message, done));
    if (draining.compareAndSet(false, true)) {
      loop.execute(this::drain);
    }
    return done.future();
  }

  private void drain() {
    for (int i = 0; i < BATCH; i++) {
      Pending next = telemetry.poll();
      if (next == null) {
        break;
      }
      size.decrementAndGet();
      run(next.message(), next.done());
    }
    if (!telemetry.isEmpty()) {
      // Back of the engine's queue: events that arrived meanwhile go first.
      loop.execute(this::drain);
      return;
    }
    draining.set(false);
    if (!telemetry.isEmpty() && draining.compareAndSet(false, true)) {
      loop.execute(this::drain);
    }
  }

  private void run(DeviceMessage message, Promise<Void> done) {
    try {
      process.apply(message).onComplete(done);
    } catch (RuntimeException e) {
      LOG.error("message {} failed in the alert pipeline", message.messageKey(), e);
      done.fail(e);
    }
  }
}

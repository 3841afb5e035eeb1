package io.shouwang.gateway.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.shouwang.gateway.storage.spool.DiskSpool;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/** The meters of one writer, tagged writer=name; Prometheus shows them as shouwang_*. */
final class WriterMetrics {

  private final MeterRegistry registry;
  private final String writer;
  private final Counter written;
  private final Counter spooled;
  private final Counter replayed;
  private final Counter rejected;
  private final Timer writeLatency;
  private final Map<String, Counter> failures = new ConcurrentHashMap<>();

  WriterMetrics(MeterRegistry registry, String writer, DiskSpool spool, BooleanSupplier spoolFull) {
    this.registry = registry;
    this.writer = writer;
    written = counter("shouwang.points.written", "Points stored, replayed ones included");
    spooled = counter("shouwang.points.spooled", "Points written to the disk spool");
    replayed = counter("shouwang.points.replayed", "Points stored from the disk spool");
    rejected = counter("shouwang.points.rejected", "Points the store refused as bad data");
    writeLatency =
        Timer.builder("shouwang.write.latency")
            .description("Duration of one store write request")
            .tag("writer", writer)
            .register(registry);
    // Strong references: Micrometer holds gauge state weakly, and a collected spool reads as NaN.
    Gauge.builder("shouwang.spool.batches", spool, DiskSpool::batches)
        .description("Batches waiting in the disk spool")
        .tag("writer", writer)
        .strongReference(true)
        .register(registry);
    Gauge.builder("shouwang.spool.bytes", spool, DiskSpool::bytes)
        .description("Bytes waiting in the disk spool")
        .tag("writer", writer)
        .strongReference(true)
        .register(registry);
    Gauge.builder("shouwang.spool.full", () -> spoolFull.getAsBoolean() ? 1 : 0)
        .description("1 while the spool refuses batches because it is full")
        .tag("writer", writer)
        .register(registry);
  }

  void written(int points) {
    written.increment(points);
  }

  void spooled(int points) {
    spooled.increment(points);
  }

  void replayed(int points) {
    replayed.increment(points);
  }

  void rejected(int points) {
    rejected.increment(points);
  }

  Timer.Sample startWrite() {
    return Timer.start(registry);
  }

  void stopWrite(Timer.Sample sample) {
    sample.stop(writeLatency);
  }

  /** Counts one failed request or refused batch by reason (a small fixed set of values). */
  void failure(String reason) {
    failures
        .computeIfAbsent(
            reason,
            r ->
                Counter.builder("shouwang.write.failures")
                    .description("Failed store writes and refused batches, by reason")
                    .tag("writer", writer)
                    .tag("reason", r)
                    .register(registry))
        .increment();
  }

  /** The failure reason for a store exception: bounded label values only. */
  static String reason(StoreException e) {
    int status = e.httpStatus();
    if (status == 0) {
      return "unreachable";
    } else if (status == 408) {
      return "timeout";
    } else if (status == 429) {
      return "throttled";
    } else if (status >= 500) {
      return "server_error";
    } else if (status == 401 || status == 403) {
      return "unauthorized";
    } else if (e.badData()) {
      return "bad_data";
    }
    return "client_error";
  }

  private Counter counter(String name, String description) {
    return Counter.builder(name).description(description).tag("writer", writer).register(registry);
  }
}

package io.shouwang.gateway.storage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.shouwang.gateway.storage.spool.DiskSpool;
import io.shouwang.gateway.storage.spool.SpoolFullException;
import io.shouwang.gateway.storage.spool.SpooledBatch;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocking half of a point writer: stores, isolates, spools and replays batches.
 *
 * <p>Runs on the writer's single worker thread (one call at a time), except {@link #probe()}, which
 * runs on a separate thread so a slow ping never holds up batches. Logs carry the writer name,
 * counts and measurement names, never line content (health values) and never server error text.
 */
final class BatchProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);
  /** Spooled batches replayed before each new batch while the store is up, so the spool drains. */
  static final int REPLAYS_PER_BATCH = 2;
  private static final int MAX_REASON_CHARS = 500;
  private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

  private final String name;
  private final TimeSeriesStore store;
  private final DiskSpool spool;
  private final RejectedLineSink sink;
  private final WriterMetrics metrics;
  private final RateLimitedLog spoolFullLog;
  private final RateLimitedLog spoolErrorLog;
  private final RateLimitedLog rejectedLog;
  private volatile boolean reachable = true;
  private volatile boolean spoolFull;

  /** What a store attempt achieved: lines stored and lines left unwritten (store-level failure). */
  record Outcome(int stored, List<String> unwritten) {}

  BatchProcessor(
      String name,
      TimeSeriesStore store,
      DiskSpool spool,
      RejectedLineSink sink,
      MeterRegistry registry,
      Clock clock) {
    this.name = name;
    this.store = store;
    this.spool = spool;
    this.sink = sink;
    this.metrics = new WriterMetrics(registry, name, spool, this::spoolFull);
    this.spoolFullLog = new RateLimitedLog(clock, LOG_INTERVAL);
    this.spoolErrorLog = new RateLimitedLog(clock, LOG_INTERVAL);
    this.rejectedLog = new RateLimitedLog(clock, LOG_INTERVAL);
  }

  void open() throws IOException {
    spool.open();
    if (!spool.isEmpty()) {
      LOG.info(
          "writer {}: {} batches ({} bytes) left in {} by a previous run; replaying them first",
          name, spool.batches(), spool.bytes(), spool.directory());
    }
  }

  WriterMetrics metrics() {
    return metrics;
  }

  boolean reachable() {
    return reachable;
  }

  boolean spoolFull() {
    return spoolFull;
  }

  /** Pings the store; on its own thread. */
  boolean probe() {
    boolean ok;
    try {
      ok = store.ping();
    } catch (RuntimeException e) {
      ok = false;
    }
    if (ok) {
      markReachable();
    } else if (reachable) {
      reachable = false;
      LOG.warn(
          "writer {}: store does not answer ping; batches go to {}", name, spool.directory());
    }
    return ok;
  }

  /** Stores the batch, or spools it behind older spooled batches; throws when neither works. */
  void handle(List<String> lines) throws IOException {
    for (int i = 0; i < REPLAYS_PER_BATCH && reachable && !spool.isEmpty(); i++) {
      replayOne();
    }
    if (!spool.isEmpty()) {
      spoolOrFail(lines); // order: nothing overtakes a spooled batch
      return;
    }
    Outcome outcome = store(lines);
    if (!outcome.unwritten().isEmpty()) {
      spoolOrFail(outcome.unwritten());
    }
  }

  /** Replays the oldest spooled batch; true when it was stored and more batches wait. */
  boolean replayOne() throws IOException {
    Optional<SpooledBatch> head = spool.peek();
    if (head.isEmpty()) {
      return false;
    }
    SpooledBatch batch = head.get();
    Outcome outcome = store(batch.lines());
    metrics.replayed(outcome.stored());
    if (outcome.unwritten().size() == batch.lines().size()) {
      return false; // nothing moved; the store is down again
    }
    spool.replace(batch, outcome.unwritten()); // removes the batch when nothing is left
    spoolFull = false;
    if (spool.isEmpty()) {
      LOG.info("writer {}: spool drained", name);
    }
    return outcome.unwritten().isEmpty() && !spool.isEmpty();
  }

  /** Writes the lines, splitting on bad data to isolate and dead-letter the bad lines. */
  private Outcome store(List<String> lines) {
    Deque<List<String>> work = new ArrayDeque<>();
    work.push(lines);
    int stored = 0;
    while (!work.isEmpty()) {
      List<String> part = work.pop();
      StoreException failure = tryWrite(part);
      if (failure == null) {
        stored += part.size();
        metrics.written(part.size());
        markReachable();
        continue;
      }
      metrics.failure(WriterMetrics.reason(failure));
      if (!failure.badData()) {
        markUnreachable(failure);
        List<String> unwritten = new ArrayList<>(part);
        work.forEach(unwritten::addAll); // pop order is line order
        return new Outcome(stored, unwritten);
      }
      markReachable(); // it answered: the data is bad, not the store
      if (part.size() == 1) {
        reject(part.get(0), failure);
      } else {
        int half = part.size() / 2;
        work.push(part.subList(half, part.size()));
        work.push(part.subList(0, half));
      }
    }
    return new Outcome(stored, List.of());
  }

  private StoreException tryWrite(List<String> part) {
    Timer.Sample sample = metrics.startWrite();
    try {
      store.write(part);
      return null;
    } catch (StoreException e) {
      return e;
    } catch (RuntimeException e) {
      // An unexpected failure is never the data's fault: keep the data and retry later.
      return new StoreException(
          "store write failed: " + e.getClass().getName(), 0, true, e);
    } finally {
      metrics.stopWrite(sample);
    }
  }

  private void reject(String line, StoreException failure) {
    metrics.rejected(1);
    String status = "HTTP " + failure.httpStatus();
    String text = serverText(failure);
    String reason = text.contains(status) ? text : status + ": " + text;
    try {
      sink.rejected(line, reason);
    } catch (RuntimeException e) {
      LOG.error(
          "writer {}: dead-letter sink failed for a {} point: {}",
          name, measurementOf(line), e.getClass().getName());
    }
    long count = rejectedLog.record();
    if (count > 0) {
      LOG.warn(
          "writer {}: store refused {} point(s) as bad data, dead-lettered (latest: {}, HTTP {})",
          name, count, measurementOf(line), failure.httpStatus());
    }
  }

  private void spoolOrFail(List<String> lines) throws IOException {
    try {
      spool.append(lines);
      metrics.spooled(lines.size());
      spoolFull = false;
    } catch (SpoolFullException e) {
      spoolFull = true;
      metrics.failure("spool_full");
      long count = spoolFullLog.record();
      if (count > 0) {
        LOG.error(
            "writer {}: spool {} is full ({} of {} bytes) and the store is unreachable;"
                + " {} batch(es) refused since the last report, their messages stay unacknowledged",
            name, spool.directory(), spool.bytes(), spool.maxBytes(), count);
      }
      throw e;
    } catch (IOException e) {
      metrics.failure("spool_error");
      long count = spoolErrorLog.record();
      if (count > 0) {
        LOG.error(
            "writer {}: cannot write spool {} ({} failure(s) since the last report)",
            name, spool.directory(), count, e);
      }
      throw e;
    }
  }

  private void markReachable() {
    if (!reachable) {
      reachable = true;
      LOG.info(
          "writer {}: store reachable again; {} spooled batch(es) to replay",
          name, spool.batches());
    }
  }

  private void markUnreachable(StoreException failure) {
    if (reachable) {
      reachable = false;
      LOG.warn(
          "writer {}: store unavailable ({}); spooling to {}",
          name, describe(failure), spool.directory());
    }
  }

  private static String describe(StoreException e) {
    if (e.httpStatus() == 0) {
      return e.getMessage(); // connection errors: host and port, no data
    }
    return "HTTP " + e.httpStatus();
  }

  private static String serverText(StoreException e) {
    String text = String.valueOf(e.getMessage()).replace('\n', ' ').replace('\r', ' ');
    return text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS) + "...";
  }

  /** The measurement name: up to the first unescaped comma or space. */
  static String measurementOf(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == ',' || c == ' ') {
        return line.substring(0, i);
      }
    }
    return line;
  }
}

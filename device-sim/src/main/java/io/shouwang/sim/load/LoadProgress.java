package io.shouwang.sim.load;

import io.shouwang.sim.run.Fleet;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the fleet once a second: prints a live line (sent/s, acked/s, errors, in-flight) and
 * remembers the peak rates for the summary.
 */
public final class LoadProgress {

  private final Fleet fleet;
  private final PrintWriter out;
  private final boolean sameLine;
  private ScheduledExecutorService ticker;
  private long lastSent;
  private long lastAcked;
  private long lastNanos;
  private long startNanos;
  private volatile long peakSent;
  private volatile long peakAcked;

  /** Prints to {@code out}; {@code sameLine} rewrites one line (a terminal) instead of adding. */
  public LoadProgress(Fleet fleet, PrintWriter out, boolean sameLine) {
    this.fleet = fleet;
    this.out = out;
    this.sameLine = sameLine;
  }

  void start(long nanos) {
    startNanos = nanos;
    lastNanos = nanos;
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "load-progress");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
  }

  void stop() throws InterruptedException {
    ticker.shutdown();
    ticker.awaitTermination(2, TimeUnit.SECONDS);
    if (sameLine) {
      out.println();
    }
  }

  /** Peaks count from here on (the warm-up's are left out). */
  synchronized void resetPeaks() {
    peakSent = 0;
    peakAcked = 0;
  }

  /** A line of its own between progress lines. */
  synchronized void note(String line) {
    if (sameLine) {
      out.println();
    }
    out.println(line);
    out.flush();
  }

  long peakSent() {
    return peakSent;
  }

  long peakAcked() {
    return peakAcked;
  }

  private synchronized void tick() {
    long now = System.nanoTime();
    long sent = fleet.sentCount();
    long acked = fleet.ackedCount();
    double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
    long sentRate = Math.round((sent - lastSent) / seconds);
    long ackedRate = Math.round((acked - lastAcked) / seconds);
    peakSent = Math.max(peakSent, sentRate);
    peakAcked = Math.max(peakAcked, ackedRate);
    lastSent = sent;
    lastAcked = acked;
    lastNanos = now;
    long errors = fleet.errorCounts().values().stream().mapToLong(Long::longValue).sum();
    String line =
        "%5ds  sent %7d/s  acked %7d/s  errors %d  in-flight %d  total sent %d"
            .formatted(
                (now - startNanos) / 1_000_000_000L,
                sentRate,
                ackedRate,
                errors,
                fleet.inFlight(),
                sent);
    if (sameLine) {
      out.print("\r" + line + "   ");
    } else {
      out.println(line);
    }
    out.flush();
  }
}

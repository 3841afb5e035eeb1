package io.shouwang.sim.load;

import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.v1.DoorContact;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.GasDetector;
import io.shouwang.schemas.v1.SmokeAlarm;
import io.shouwang.sim.device.DeviceLife;
import io.shouwang.sim.device.Payloads;
import io.shouwang.sim.run.Fleet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;

/**
 * Drives a fleet as hard as asked: one thread per connection cycles through that connection's
 * devices, mostly telemetry with some benign events, every message a valid stamped envelope. A full
 * in-flight window blocks the thread (backpressure) instead of failing.
 *
 * <p>An optional warm-up runs the same load first and is left out of the summary: a fresh JVM
 * spends seconds of CPU compiling, which a benchmark would otherwise take from what it measures.
 */
public final class LoadGenerator {

  private static final long SECOND = 1_000_000_000L;
  private static final long RECONNECT_POLL_NANOS = 50_000_000L;

  private final Fleet fleet;
  private final LoadSettings settings;
  private final int qos;
  private final LoadProgress progress;
  private volatile boolean stopped;

  /** A load run over the fleet; progress lines go to {@code progress}. */
  public LoadGenerator(Fleet fleet, LoadSettings settings, int qos, LoadProgress progress) {
    this.fleet = fleet;
    this.settings = settings;
    this.qos = qos;
    this.progress = progress;
  }

  /** Ends the run early (Ctrl-C); {@link #run()} then drains and returns the summary. */
  public void stop() {
    stopped = true;
  }

  /** Runs the warm-up and then the configured duration, drains, and summarises the latter. */
  public LoadSummary run() throws InterruptedException {
    List<List<DeviceLife>> groups = fleet.groupsByConnection();
    long start = System.nanoTime();
    long measureFrom = start + settings.warmup().toNanos();
    long deadline =
        settings.duration().isZero()
            ? Long.MAX_VALUE
            : measureFrom + settings.duration().toNanos();
    long period = settings.rate() > 0 ? (long) (SECOND * groups.size() / settings.rate()) : 0;
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      List<DeviceLife> group = groups.get(i);
      Thread t = new Thread(() -> drive(group, deadline, period), "load-" + i);
      t.setDaemon(true);
      workers.add(t);
    }
    progress.start(start);
    workers.forEach(Thread::start);
    FleetCounts before = FleetCounts.ZERO;
    if (!settings.warmup().isZero()) {
      sleepUntil(measureFrom);
      before = FleetCounts.of(fleet);
      progress.resetPeaks();
      // A line a benchmark can wait for before it takes its own first readings.
      progress.note("load: warm-up over, measuring for " + settings.duration().toSeconds() + "s");
    }
    long giveUp =
        deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline + settings.drain().toNanos();
    for (Thread t : workers) {
      while (t.isAlive()) {
        t.join(200);
        if (stopped || System.nanoTime() > giveUp) {
          // A worker blocked on a window that never frees (broker gone) must not hold up the
          // summary.
          workers.forEach(Thread::interrupt);
        }
      }
    }
    long sendingEnded = System.nanoTime();
    fleet.drain(settings.drain());
    progress.stop();
    // Stopped during the warm-up: nothing was measured.
    double measured = Math.max(0, sendingEnded - measureFrom) / (double) SECOND;
    return summarise(FleetCounts.of(fleet).since(before), measured);
  }

  private void sleepUntil(long nanos) {
    long left;
    while (!stopped && (left = nanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(Math.min(left, 200_000_000L));
    }
  }

  private void drive(List<DeviceLife> group, long deadline, long period) {
    RandomGenerator random = group.get(0).device().stream("load");
    Set<String> openDoors = new HashSet<>();
    long next = System.nanoTime();
    int i = 0;
    while (!stopped && !Thread.currentThread().isInterrupted()) {
      long now = System.nanoTime();
      if (now >= deadline) {
        return;
      }
      if (period > 0) {
        next += period;
        if (next > now) {
          LockSupport.parkNanos(next - now);
        } else if (now - next > SECOND) {
          next = now; // fell behind by more than a second: do not burst to catch up
        }
      }
      DeviceLife life = group.get(i);
      if (!fleet.connected(life.device().id())) {
        // The connection is reconnecting: wait for it rather than pile up refused publishes.
        LockSupport.parkNanos(RECONNECT_POLL_NANOS);
        next = System.nanoTime();
        continue;
      }
      i = (i + 1) % group.size();
      Optional<Envelope.Builder> event =
          random.nextDouble() < settings.eventShare() ? event(life, openDoors) : Optional.empty();
      if (event.isPresent()) {
        fleet.send(life.device(), MessageClass.EVENT, event.get());
      } else {
        Envelope.Builder telemetry =
            random.nextBoolean()
                ? life.periodic(Duration.ofMinutes(1)).orElseGet(life::heartbeat)
                : life.heartbeat();
        fleet.send(life.device(), MessageClass.TELEMETRY, telemetry);
      }
    }
  }

  /** An event that changes state without raising an alert, if the kind has one. */
  private static Optional<Envelope.Builder> event(DeviceLife life, Set<String> openDoors) {
    String id = life.device().id();
    return switch (life.device().spec().kind()) {
      case DOOR_CONTACT -> {
        boolean open = openDoors.add(id);
        if (!open) {
          openDoors.remove(id);
        }
        yield Optional.of(
            Payloads.door(open ? DoorContact.State.OPEN : DoorContact.State.CLOSED, false, false));
      }
      case SMOKE_ALARM -> Optional.of(Payloads.smoke(SmokeAlarm.Event.SELF_TEST_PASSED, 0f));
      case GAS_DETECTOR -> Optional.of(Payloads.gas(GasDetector.Alarm.NORMAL, 0.2f));
      case GAS_VALVE -> Optional.of(Payloads.valve(life.valveState(), "", ""));
      default -> Optional.empty();
    };
  }

  private LoadSummary summarise(FleetCounts counts, double seconds) {
    long sent = counts.sent();
    long acked = counts.acked();
    var errors = counts.errors();
    long errorsTotal = counts.errorsTotal();
    double safe = Math.max(seconds, 1e-3);
    return new LoadSummary(
        Math.round(seconds * 10) / 10.0,
        fleet.lives().size(),
        fleet.connectionCount(),
        qos,
        settings.rate(),
        sent,
        acked,
        errorsTotal,
        errors,
        counts.windowFull(),
        Math.max(0, sent - acked - errorsTotal),
        Math.round(sent / safe * 10) / 10.0,
        Math.round(acked / safe * 10) / 10.0,
        progress.peakSent(),
        progress.peakAcked());
  }
}

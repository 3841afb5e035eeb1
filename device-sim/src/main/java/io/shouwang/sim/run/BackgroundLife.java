package io.shouwang.sim.run;

import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.v1.DoorContact;
import io.shouwang.sim.device.DailyRhythm;
import io.shouwang.sim.device.DeviceLife;
import io.shouwang.sim.device.Payloads;
import io.shouwang.sim.registry.DeviceKind;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * The everyday traffic of a fleet: jittered heartbeats, each kind's periodic telemetry, and a door
 * opening a few times a day. It never sends anything that raises an alert.
 */
public final class BackgroundLife {

  private static final double JITTER = 0.1;
  private static final Duration DAY = Duration.ofDays(1);

  private final Fleet fleet;
  private final Rates rates;
  private final ScheduledExecutorService scheduler;
  private final Set<String> scripted;
  private final Map<String, RandomGenerator> timing = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  /**
   * Background life for every device in the fleet, on the fleet's scheduler; devices a scenario
   * scripts only send heartbeats, so the story is not interleaved with everyday readings.
   */
  public BackgroundLife(Fleet fleet, Rates rates, Set<String> scripted) {
    this.fleet = fleet;
    this.rates = rates;
    this.scheduler = fleet.scheduler();
    this.scripted = Set.copyOf(scripted);
  }

  /** Starts every device's timers, each at a random offset so devices do not speak in lockstep. */
  public void start() {
    for (DeviceLife life : fleet.lives()) {
      String id = life.device().id();
      timing.put(id, life.device().stream("timing"));
      every(
          life,
          rates.heartbeat(),
          () -> fleet.send(life.device(), MessageClass.TELEMETRY, life.heartbeat()));
      if (scripted.contains(id)) {
        continue;
      }
      Duration periodic = periodicInterval(life.device().spec().kind());
      if (periodic != null) {
        every(
            life,
            periodic,
            () ->
                life.periodic(periodic)
                    .ifPresent(p -> fleet.send(life.device(), MessageClass.TELEMETRY, p)));
      }
      if (life.device().spec().kind() == DeviceKind.DOOR_CONTACT && rates.doorOpensPerDay() > 0) {
        scheduleDoor(life);
      }
    }
  }

  /** Stops scheduling; messages already handed to the broker still complete. */
  public void stop() {
    stopped = true;
  }

  private Duration periodicInterval(DeviceKind kind) {
    return switch (kind) {
      case MOTION_SENSOR -> rates.motion();
      case HEALTH_MONITOR -> rates.vitals();
      case SMOKE_ALARM, GAS_DETECTOR, GAS_VALVE -> rates.level();
      default -> null;
    };
  }

  private void every(DeviceLife life, Duration interval, Runnable task) {
    long first = (long) (uniform(life) * rates.millis(interval));
    schedule(life, first, interval, task);
  }

  private void schedule(DeviceLife life, long delayMillis, Duration interval, Runnable task) {
    scheduler.schedule(
        () -> {
          if (stopped) {
            return;
          }
          task.run();
          double jitter = 1 + JITTER * (2 * uniform(life) - 1);
          schedule(life, (long) (rates.millis(interval) * jitter), interval, task);
        },
        delayMillis,
        TimeUnit.MILLISECONDS);
  }

  private void scheduleDoor(DeviceLife life) {
    // Openings arrive as a Poisson process; the resident rarely opens the door at night.
    double meanMillis = rates.millis(DAY) / rates.doorOpensPerDay();
    long gap = (long) (-Math.log(1 - uniform(life)) * meanMillis);
    scheduler.schedule(
        () -> {
          if (stopped) {
            return;
          }
          if (uniform(life) < 0.2 + DailyRhythm.activity(life.localTime())) {
            fleet.send(
                life.device(),
                MessageClass.EVENT,
                Payloads.door(DoorContact.State.OPEN, false, false));
            long open = rates.millis(Duration.ofSeconds(5 + (long) (uniform(life) * 55)));
            scheduler.schedule(
                () ->
                    fleet.send(
                        life.device(),
                        MessageClass.EVENT,
                        Payloads.door(DoorContact.State.CLOSED, false, false)),
                open,
                TimeUnit.MILLISECONDS);
          }
          scheduleDoor(life);
        },
        gap,
        TimeUnit.MILLISECONDS);
  }

  private double uniform(DeviceLife life) {
    RandomGenerator r = timing.get(life.device().id());
    synchronized (r) {
      return r.nextDouble();
    }
  }
}

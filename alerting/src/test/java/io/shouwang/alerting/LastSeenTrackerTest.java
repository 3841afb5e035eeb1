package io.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shouwang.alerting.testing.InMemoryLastSeenStore;
import io.shouwang.alerting.testing.ManualScheduler;
import io.shouwang.alerting.testing.MutableClock;
import io.shouwang.alerting.testing.TaskQueue;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LastSeenTrackerTest {

  private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

  private final InMemoryLastSeenStore store = new InMemoryLastSeenStore();
  private final MutableClock clock = new MutableClock(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final TaskQueue loop = new TaskQueue();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final LastSeenTracker tracker =
      new LastSeenTracker(store, scheduler, loop, Duration.ofSeconds(60), meters);

  @Test
  void savesEveryIntervalUntilStoppedThenSavesWhatIsLeft() {
    // GIVEN periodic saves, and a device heard before the first one
    tracker.startSaving();
    tracker.heard("smk-1", T0.plusSeconds(10));
    advance(Duration.ofSeconds(59));
    assertThat(store.saves()).isEmpty();

    // WHEN the interval ends, another device is heard, and the engine stops
    advance(Duration.ofSeconds(1));
    tracker.heard("btn-1", T0.plusSeconds(70));
    Future<Void> stopped = tracker.stopSaving();
    loop.runAll();
    tracker.heard("gas-1", T0.plusSeconds(80));
    advance(Duration.ofMinutes(5));

    // THEN one save came with the interval, one with the stop, and none after it
    assertThat(stopped.succeeded()).isTrue();
    assertThat(store.saves()).containsExactly(
        Map.of("smk-1", T0.plusSeconds(10)), Map.of("btn-1", T0.plusSeconds(70)));
  }

  @Test
  void eachSaveHoldsOnlyTheDevicesHeardSinceTheLastOneWithTheirLatestTime() {
    // GIVEN two devices heard, one of them twice (and once out of order)
    tracker.heard("smk-1", T0);
    tracker.heard("btn-1", T0.plusSeconds(1));
    tracker.heard("smk-1", T0.plusSeconds(30));
    tracker.heard("smk-1", T0.plusSeconds(10));

    // WHEN it saves, one device is heard again, and it saves once more
    tracker.saveIfIdle();
    loop.runAll();
    tracker.heard("btn-1", T0.plusSeconds(61));
    tracker.saveIfIdle();
    loop.runAll();

    // THEN the first save has both at their latest time, the second only the device heard since
    assertThat(store.saves()).containsExactly(
        Map.of("smk-1", T0.plusSeconds(30), "btn-1", T0.plusSeconds(1)),
        Map.of("btn-1", T0.plusSeconds(61)));
  }

  @Test
  void periodicSaveWaitsWhileTheLastOneIsStillOnItsWay() {
    // GIVEN a disk so slow that a save is still on its way at the next interval
    store.holdSaves();
    tracker.heard("smk-1", T0);
    tracker.saveIfIdle();
    tracker.heard("btn-1", T0.plusSeconds(60));

    // WHEN the next interval comes
    tracker.saveIfIdle();

    // THEN nothing piles up: one save so far; the next goes once the first is done
    assertThat(store.saves()).hasSize(1);
    store.release();
    loop.runAll();
    tracker.saveIfIdle();
    assertThat(store.saves()).containsExactly(
        Map.of("smk-1", T0), Map.of("btn-1", T0.plusSeconds(60)));
  }

  @Test
  void aFailedSaveIsRetriedWithTheNextOneAndCounted() {
    // GIVEN a save that fails
    store.failNextSaves(1);
    tracker.heard("smk-1", T0);
    tracker.saveIfIdle();
    loop.runAll();
    assertThat(store.stored()).isEmpty();

    // WHEN another device is heard and the next save comes
    tracker.heard("btn-1", T0.plusSeconds(60));
    tracker.saveIfIdle();
    loop.runAll();

    // THEN the lost device is saved too, and the failure was counted
    assertThat(store.stored()).isEqualTo(Map.of("smk-1", T0, "btn-1", T0.plusSeconds(60)));
    assertThat(meters.counter("shouwang.alerting.lastseen.save.failures").count()).isEqualTo(1);
  }

  @Test
  void saveOnStopWritesWhatIsLeftEvenWithASaveOnItsWayAndCompletesWhenStored() {
    // GIVEN a periodic save still on its way and a device heard since
    store.holdSaves();
    tracker.heard("smk-1", T0);
    tracker.saveIfIdle();
    tracker.heard("btn-1", T0.plusSeconds(5));

    // WHEN the engine stops and saves what is left
    Future<Void> saved = tracker.save();

    // THEN it is written at once and completes only when the store confirms it
    assertThat(store.stored()).containsKeys("smk-1", "btn-1");
    loop.runAll();
    assertThat(saved.isComplete()).isFalse();
    store.release();
    loop.runAll();
    assertThat(saved.succeeded()).isTrue();
    assertThat(store.saves()).hasSize(2);
  }

  private void advance(Duration by) {
    scheduler.advance(by);
    loop.runAll();
  }
}

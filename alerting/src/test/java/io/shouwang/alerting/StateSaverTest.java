package io.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shouwang.alerting.rules.RuleState;
import io.shouwang.alerting.store.SavedState;
import io.shouwang.alerting.testing.InMemorySavedStateStore;
import io.shouwang.alerting.testing.ManualScheduler;
import io.shouwang.alerting.testing.MutableClock;
import io.shouwang.alerting.testing.TaskQueue;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class StateSaverTest {

  private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

  /** A rule's state as a map; {@link #set} marks an entry changed, a null value removes it. */
  private static final class FakeState implements RuleState {
    private final String name;
    private final Map<String, String> changed = new LinkedHashMap<>();

    FakeState(String name) {
      this.name = name;
    }

    void set(String key, String value) {
      changed.put(key, value);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void takeChanges(BiConsumer<String, String> out) {
      changed.forEach(out);
      changed.clear();
    }
  }

  private final InMemorySavedStateStore store = new InMemorySavedStateStore();
  private final MutableClock clock = new MutableClock(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final TaskQueue loop = new TaskQueue();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final LastSeenTracker lastSeen = new LastSeenTracker();
  private final FakeState vitals = new FakeState("vitals");
  private final StateSaver saver = new StateSaver(store, lastSeen, List.of(vitals), scheduler,
      loop, Duration.ofSeconds(60), meters);

  @Test
  void savesEveryIntervalUntilStoppedThenSavesWhatIsLeft() {
    // GIVEN periodic saves, and a device heard before the first one
    saver.startSaving();
    lastSeen.heard("smk-1", T0.plusSeconds(10));
    advance(Duration.ofSeconds(59));
    assertThat(store.saves()).isEmpty();

    // WHEN the interval ends, another device is heard, and the engine stops
    advance(Duration.ofSeconds(1));
    lastSeen.heard("btn-1", T0.plusSeconds(70));
    Future<Void> stopped = saver.stopSaving();
    loop.runAll();
    lastSeen.heard("gas-1", T0.plusSeconds(80));
    advance(Duration.ofMinutes(5));

    // THEN one save came with the interval, one with the stop, and none after it
    assertThat(stopped.succeeded()).isTrue();
    assertThat(store.saves()).containsExactly(
        Map.of("smk-1", T0.plusSeconds(10)), Map.of("btn-1", T0.plusSeconds(70)));
  }

  @Test
  void eachSaveHoldsOnlyTheDevicesHeardSinceTheLastOneWithTheirLatestTime() {
    // GIVEN two devices heard, one of them twice (and once out of order)
    lastSeen.heard("smk-1", T0);
    lastSeen.heard("btn-1", T0.plusSeconds(1));
    lastSeen.heard("smk-1", T0.plusSeconds(30));
    lastSeen.heard("smk-1", T0.plusSeconds(10));

    // WHEN it saves, one device is heard again, and it saves once more
    saver.saveIfIdle();
    loop.runAll();
    lastSeen.heard("btn-1", T0.plusSeconds(61));
    saver.saveIfIdle();
    loop.runAll();

    // THEN the first save has both at their latest time, the second only the device heard since
    assertThat(store.saves()).containsExactly(
        Map.of("smk-1", T0.plusSeconds(30), "btn-1", T0.plusSeconds(1)),
        Map.of("btn-1", T0.plusSeconds(61)));
  }

  @Test
  void ruleStateChangesGoInTheSameBatchAsTheLastHeardTimes() {
    // GIVEN a device heard, and a rule that changed one entry and dropped another
    lastSeen.heard("hm-1", T0);
    vitals.set("hm-1:spo2Low", "1");
    vitals.set("hm-1:spo2Trend:493820", null);

    // WHEN it saves
    saver.saveIfIdle();
    loop.runAll();

    // THEN one save carries all three
    assertThat(store.fullSaves()).singleElement().satisfies(save -> {
      assertThat(save.lastSeen()).isEqualTo(Map.of("hm-1", T0));
      assertThat(save.ruleState()).isEqualTo(
          Map.of("vitals/hm-1:spo2Low", "1", "vitals/hm-1:spo2Trend:493820", "-"));
    });
  }

  @Test
  void periodicSaveWaitsWhileTheLastOneIsStillOnItsWay() {
    // GIVEN a disk so slow that a save is still on its way at the next interval
    store.holdSaves();
    lastSeen.heard("smk-1", T0);
    saver.saveIfIdle();
    lastSeen.heard("btn-1", T0.plusSeconds(60));

    // WHEN the next interval comes
    saver.saveIfIdle();

    // THEN nothing piles up: one save so far; the next goes once the first is done
    assertThat(store.saves()).hasSize(1);
    store.release();
    loop.runAll();
    saver.saveIfIdle();
    assertThat(store.saves()).containsExactly(
        Map.of("smk-1", T0), Map.of("btn-1", T0.plusSeconds(60)));
  }

  @Test
  void aFailedSaveIsRetriedWithTheNextOneAndCounted() {
    // GIVEN a save that fails
    store.failNextSaves(1);
    lastSeen.heard("smk-1", T0);
    vitals.set("hm-1:spo2Low", "1");
    saver.saveIfIdle();
    loop.runAll();
    assertThat(store.stored()).isEmpty();

    // WHEN another device is heard and the next save comes
    lastSeen.heard("btn-1", T0.plusSeconds(60));
    saver.saveIfIdle();
    loop.runAll();

    // THEN what was lost is saved too, and the failure was counted
    assertThat(store.stored()).isEqualTo(Map.of("smk-1", T0, "btn-1", T0.plusSeconds(60)));
    assertThat(store.storedRuleState()).isEqualTo(Map.of("vitals/hm-1:spo2Low", "1"));
    assertThat(meters.counter("shouwang.alerting.state.save.failures").count()).isEqualTo(1);
  }

  @Test
  void aFailedSaveNeverOverwritesANewerValueThatASaveAfterItCarried() {
    // GIVEN a save that will fail, and a save after it (a stop's) with a newer value of one of
    // its entries, both on their way before the failure is reported
    store.failNextSaves(1);
    vitals.set("hm-1:spo2Low", "1|1|0|0|88");
    vitals.set("hm-1:heartRateHigh", "1");
    saver.save();
    vitals.set("hm-1:spo2Low", "1");
    saver.save();

    // WHEN the failure is reported and the next save comes
    loop.runAll();
    saver.saveIfIdle();
    loop.runAll();

    // THEN the entry only the failed save had is written again, the newer value stays
    assertThat(store.storedRuleState())
        .isEqualTo(Map.of("vitals/hm-1:spo2Low", "1", "vitals/hm-1:heartRateHigh", "1"));
    assertThat(store.fullSaves()).hasSize(2);
  }

  @Test
  void saveOnStopWritesWhatIsLeftEvenWithASaveOnItsWayAndCompletesWhenStored() {
    // GIVEN a periodic save still on its way and a device heard since
    store.holdSaves();
    lastSeen.heard("smk-1", T0);
    saver.saveIfIdle();
    lastSeen.heard("btn-1", T0.plusSeconds(5));

    // WHEN the engine stops and saves what is left
    Future<Void> saved = saver.save();

    // THEN it is written at once and completes only when the store confirms it
    assertThat(store.stored()).containsKeys("smk-1", "btn-1");
    loop.runAll();
    assertThat(saved.isComplete()).isFalse();
    store.release();
    loop.runAll();
    assertThat(saved.succeeded()).isTrue();
    assertThat(store.saves()).hasSize(2);
  }

  @Test
  void anUnreadableStoreStartsFromNothingIsCountedAndIsNotWrittenTo() {
    // GIVEN a store that cannot be opened
    store.breakFile();

    // WHEN the engine opens it, hears a device and saves
    SavedState loaded = saver.open().result();
    lastSeen.heard("smk-1", T0);
    vitals.set("hm-1:spo2Low", "1");
    saver.saveIfIdle();
    loop.runAll();

    // THEN it starts from nothing, counts the failure, and does not try to write
    assertThat(loaded).isEqualTo(SavedState.empty());
    assertThat(meters.counter("shouwang.alerting.state.load.failures").count()).isEqualTo(1);
    assertThat(store.fullSaves()).isEmpty();
    assertThat(meters.counter("shouwang.alerting.state.save.failures").count()).isZero();
  }

  @Test
  void twoRuleStatesUnderOneNameAreRefused() {
    assertThatThrownBy(() -> new StateSaver(store, lastSeen,
        List.of(new FakeState("vitals"), new FakeState("vitals")), scheduler, loop,
        Duration.ofSeconds(60), meters))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vitals");
  }

  private void advance(Duration by) {
    scheduler.advance(by);
    loop.runAll();
  }
}

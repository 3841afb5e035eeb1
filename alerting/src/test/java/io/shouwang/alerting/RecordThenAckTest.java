package io.shouwang.alerting;

import static io.shouwang.alerting.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.testing.InMemoryIncidentStore;
import io.shouwang.alerting.testing.Messages;
import io.shouwang.alerting.testing.MutableClock;
import io.shouwang.alerting.testing.TestRegistry;
import io.shouwang.registry.Registry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The order of "record" and "page", and what the gateway's ack waits for. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordThenAckTest {

  private Registry registry;
  private InMemoryIncidentStore store;
  private EngineHarness h;

  @BeforeEach
  void startEngine(Vertx vertx) {
    registry = TestRegistry.households(10);
    store = new InMemoryIncidentStore();
    h = new EngineHarness(vertx, registry, AlertingConfig.defaults(), store,
        new MutableClock(EngineHarness.T0)).start();
  }

  @AfterEach
  void stopEngine() {
    store.release();
    h.stop();
  }

  @Test
  void firstPagesGoOutWhileTheWriteIsStillOnItsWayAndTheAckWaitsForIt() {
    // GIVEN a disk that has not finished writing
    store.holdWrites();

    // WHEN a press arrives
    Future<Void> ack = h.send(Messages.press(registry, "btn-0001", 1, EngineHarness.T0));
    h.settle();

    // THEN the caregivers are already paged, but the message is not yet acknowledged
    assertThat(h.recipientsOf(0, 0)).containsExactly("cg-he", "cg-wu");
    assertThat(ack.isComplete()).isFalse();
    assertThat(store.storedCount()).isZero();

    // WHEN the write completes THEN the ack follows, with the incident on disk
    store.release();
    await(ack);
    assertThat(store.stored(h.only().id())).isPresent();
  }

  @Test
  void changesArrivingDuringAWriteShareTheNextTransaction() {
    // GIVEN a write in progress
    store.holdWrites();
    List<Future<Void>> acks = new ArrayList<>();
    acks.add(h.send(Messages.press(registry, "btn-0001", 1, EngineHarness.T0)));
    h.settle();

    // WHEN nine more households press meanwhile
    for (int n = 2; n <= 10; n++) {
      acks.add(h.send(Messages.press(registry, TestRegistry.device("btn", n), 1,
          EngineHarness.T0)));
    }
    h.settle();
    assertThat(store.writes()).isEqualTo(1);

    // THEN after the first write, all nine go in one more transaction
    store.release();
    acks.forEach(EngineHarness::await);
    assertThat(store.storedCount()).isEqualTo(10);
    assertThat(store.writes()).isLessThanOrEqualTo(3);
  }

  @Test
  void failedWriteFailsTheAckAndTheRedeliveryRecordsItWithoutPagingAgain() {
    // GIVEN a disk that fails the next write
    store.failNextWrites(1);
    DeviceMessage press = Messages.press(registry, "btn-0001", 1, EngineHarness.T0);

    // WHEN a press arrives THEN its ack fails (the broker will redeliver) but pages went out
    assertThatThrownBy(() -> await(h.send(press))).hasMessageContaining("disk I/O error");
    h.settle();
    int pages = h.pages().size();
    assertThat(pages).isPositive();

    // WHEN the broker redelivers it THEN it is acknowledged once stored, with nothing re-paged
    await(h.send(press));
    h.settle();
    Incident incident = h.only();
    assertThat(store.stored(incident.id())).isPresent();
    assertThat(incident.attachCount()).isEqualTo(1);
    assertThat(h.channels.values().stream().mapToInt(c -> c.attempts().size()).sum())
        .isEqualTo(pages);
  }

  @Test
  void messagesThatCauseNothingAreAcknowledgedAtOnce() {
    // GIVEN a disk that would never finish a write
    store.holdWrites();

    // WHEN a heartbeat arrives THEN it is acknowledged without waiting on the disk
    await(h.send(Messages.heartbeat(registry, "btn-0001", 1, EngineHarness.T0)));
    assertThat(store.writes()).isZero();
  }
}

package io.shouwang.alerting;

import static io.shouwang.alerting.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.store.IncidentStore;
import io.shouwang.alerting.store.sqlite.SqliteIncidentStore;
import io.shouwang.alerting.testing.InMemoryIncidentStore;
import io.shouwang.alerting.testing.Messages;
import io.shouwang.alerting.testing.MutableClock;
import io.shouwang.alerting.testing.TestRegistry;
import io.shouwang.registry.Registry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A "crash" is a second engine over the same store while the first is simply abandoned. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RestartRecoveryTest {

  @TempDir
  Path dir;

  private final Registry registry = TestRegistry.households(3);
  private final MutableClock clock = new MutableClock(EngineHarness.T0);
  private final List<EngineHarness> engines = new ArrayList<>();

  @AfterEach
  void stopEngines() {
    for (EngineHarness h : engines) {
      try {
        h.stop();
      } catch (RuntimeException | AssertionError e) {
        // An abandoned engine may fail to stop cleanly; the test is over anyway.
      }
    }
  }

  @Test
  void restartResumesEscalationFromStoredDeadlinesWithoutRepagingDeliveredSteps(Vertx vertx) {
    // GIVEN an engine on a SQLite file that paged step 1 of a press, all delivered and stored
    Path db = dir.resolve("incidents.db");
    EngineHarness before = engine(vertx, new SqliteIncidentStore(vertx, db));
    before.deliver(Messages.press(registry, "btn-0001", 1, clock.instant()));
    String id = before.only().id();
    SqliteIncidentStore reader = new SqliteIncidentStore(vertx, dir.resolve("incidents.db"));
    await(reader.open());
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
        await(reader.find(id)).orElseThrow().pages())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.status()).isEqualTo(DeliveryStatus.SENT)));
    await(reader.close());
    List<String> stepOneKeys = before.pages().stream().map(Page::idempotencyKey).toList();

    // WHEN the process dies 20 s later and a new engine starts over the same file
    clock.advance(Duration.ofSeconds(20));
    EngineHarness after = engine(vertx, new SqliteIncidentStore(vertx, db));

    // THEN the incident is open again, nothing is re-paged, and step 2 comes at 60 s
    assertThat(after.only().id()).isEqualTo(id);
    assertThat(after.only().nextEscalationAt()).isEqualTo(EngineHarness.T0.plusSeconds(60));
    assertThat(after.pages()).isEmpty();
    after.advance(Duration.ofSeconds(39));
    assertThat(after.pages()).isEmpty();
    after.advance(Duration.ofSeconds(1));
    assertThat(after.recipientsOf(1, 0)).containsExactly("ct-0001-f");
    assertThat(after.recipientsOf(0, 0)).isEmpty();
    assertThat(after.pages()).extracting(Page::idempotencyKey)
        .doesNotContainAnyElementsOf(stepOneKeys);
  }

  @Test
  void crashBeforeTheWriteRaisesTheSameIncidentWithTheSameIdempotencyKeys(Vertx vertx) {
    // GIVEN an engine whose disk never finishes the write: pages go out, the ack does not
    InMemoryIncidentStore stuck = new InMemoryIncidentStore();
    stuck.holdWrites();
    EngineHarness before = engine(vertx, stuck);
    DeviceMessage press = Messages.press(registry, "btn-0001", 1, clock.instant());
    before.send(press);
    before.settle();
    List<Page> firstPages = before.pages();
    assertThat(firstPages).isNotEmpty();

    // WHEN the process dies, a new one starts, and the broker redelivers the unacked press
    EngineHarness after = engine(vertx, new InMemoryIncidentStore());
    after.deliver(press);

    // THEN the incident has the same id and its pages the same idempotency keys
    assertThat(after.only().id()).isEqualTo(firstPages.get(0).incidentId());
    assertThat(after.pages()).extracting(Page::idempotencyKey)
        .containsExactlyInAnyOrderElementsOf(firstPages.stream()
            .map(Page::idempotencyKey).toList());
    stuck.release();
  }

  @Test
  void pagesWithoutAnOutcomeAreResentAfterARestartWithTheSameKeys(Vertx vertx) {
    // GIVEN an engine whose channels never answer: the incident is stored with pages QUEUED
    Path db = dir.resolve("incidents.db");
    EngineHarness before = engine(vertx, new SqliteIncidentStore(vertx, db));
    before.channels.values().forEach(c -> c.hanging());
    before.deliver(Messages.press(registry, "btn-0001", 1, clock.instant()));
    List<String> keys = before.pages().stream().map(Page::idempotencyKey).toList();

    // WHEN the process dies and a new engine starts
    EngineHarness after = engine(vertx, new SqliteIncidentStore(vertx, db));

    // THEN the same pages go out again, at least once, under the same keys
    assertThat(after.pages()).extracting(Page::idempotencyKey)
        .containsExactlyInAnyOrderElementsOf(keys);
    assertThat(after.only().pages())
        .allSatisfy(p -> assertThat(p.status()).isEqualTo(DeliveryStatus.SENT));
  }

  @Test
  void acceptedIncidentKeepsItsEtaCheckAcrossARestart(Vertx vertx) {
    // GIVEN an incident accepted with a 5 minute ETA, then a crash
    Path db = dir.resolve("incidents.db");
    EngineHarness before = engine(vertx, new SqliteIncidentStore(vertx, db));
    before.deliver(Messages.press(registry, "btn-0001", 1, clock.instant()));
    String id = before.only().id();
    await(before.engine.accept(id, "cg-wu", Duration.ofMinutes(5)));

    // WHEN a new engine starts and the ETA plus margin (15 min) passes with nobody on site
    EngineHarness after = engine(vertx, new SqliteIncidentStore(vertx, db));
    assertThat(after.only().state()).isEqualTo(IncidentState.ACCEPTED);
    after.advance(Duration.ofMinutes(15));

    // THEN it escalates again
    assertThat(after.only().state()).isEqualTo(IncidentState.PAGED);
    assertThat(after.recipientsOf(1, 0)).containsExactly("ct-0001-f");
  }

  private EngineHarness engine(Vertx vertx, IncidentStore store) {
    EngineHarness h =
        new EngineHarness(vertx, registry, AlertingConfig.defaults(), store, clock).start();
    engines.add(h);
    return h;
  }
}

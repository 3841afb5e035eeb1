package io.shouwang.alerting;

import static io.shouwang.alerting.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.incident.Actions;
import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.rules.Rule;
import io.shouwang.alerting.rules.RuleSettings;
import io.shouwang.alerting.rules.Rules;
import io.shouwang.alerting.store.IncidentStore;
import io.shouwang.alerting.store.SavedStateStore;
import io.shouwang.alerting.store.sqlite.SqliteIncidentStore;
import io.shouwang.alerting.testing.InMemoryIncidentStore;
import io.shouwang.alerting.testing.Messages;
import io.shouwang.alerting.testing.MutableClock;
import io.shouwang.alerting.testing.TestRegistry;
import io.shouwang.registry.Registry;
import io.shouwang.schemas.v1.ValveCommand;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A "crash" is a second engine over the same store while the first is simply abandoned; a stop is
 * a clean one. Incidents, escalation deadlines, gas closures and devices' last-heard times survive
 * both.
 */
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

  @Test
  void gasClosureAwaitingConfirmationIsClosedAgainAfterARestartAndEscalatesWhenTheNewWaitEnds(
      Vertx vertx) {
    // GIVEN a gas alarm whose CLOSE went out, and the engine stopped 10 s later, before the valve
    // confirmed
    Path db = dir.resolve("incidents.db");
    EngineHarness before = engineWithStandardRules(vertx, db);
    before.deliver(Messages.gas(registry, "gas-0001", 1, clock.instant(), true, 12));
    List<String> closedBefore = closesTo(before, "vlv-0001");
    assertThat(closedBefore).hasSize(1);
    before.advance(Duration.ofSeconds(10));
    stop(before);

    // WHEN a new engine starts on the same file
    EngineHarness after = engineWithStandardRules(vertx, db);

    // THEN it sends CLOSE again at once and pages nobody because of the restart
    assertThat(closesTo(after, "vlv-0001")).singleElement()
        .isNotIn(closedBefore);
    assertThat(actions(after.only())).contains(Actions.COMMAND_SENT);
    assertThat(after.pages()).isEmpty();

    // AND with no confirmation it escalates when the new wait ends (20 s after the restart)
    after.advance(Duration.ofSeconds(19));
    assertThat(actions(after.only())).doesNotContain(Actions.ESCALATED);
    assertThat(after.pages()).isEmpty();
    after.advance(Duration.ofSeconds(1));
    assertThat(after.only().timeline()).filteredOn(e -> e.action().equals(Actions.ESCALATED))
        .singleElement().satisfies(e -> {
          assertThat(e.detail()).isEqualTo("valve failed to close");
          assertThat(e.at()).isEqualTo(EngineHarness.T0.plusSeconds(30));
        });
    assertThat(after.recipientsOf(1, 0)).containsExactly("ct-0001-f", "ct-0001-k", "ct-0001-n");
    assertThat(closesTo(after, "vlv-0001")).hasSize(2);
  }

  @Test
  void gasClosureConfirmedAfterARestartIsRecordedAndDoesNotEscalate(Vertx vertx) {
    // GIVEN a gas alarm whose CLOSE went out, then a crash before the valve confirmed
    Path db = dir.resolve("incidents.db");
    EngineHarness before = engineWithStandardRules(vertx, db);
    before.deliver(Messages.gas(registry, "gas-0001", 1, clock.instant(), true, 12));

    // WHEN a new engine starts 10 s later, the valve reports CLOSED to its CLOSE, the gas falls
    clock.advance(Duration.ofSeconds(10));
    EngineHarness after = engineWithStandardRules(vertx, db);
    String close = closesTo(after, "vlv-0001").get(0);
    after.deliver(Messages.valveClosed(registry, "vlv-0001", 1, clock.instant(), close));
    after.advance(Duration.ofSeconds(2));
    after.deliver(Messages.gas(registry, "gas-0001", 2, clock.instant(), true, 8));

    // THEN "valve closed" is recorded, and the end of the wait passes without an escalation
    after.advance(Duration.ofSeconds(25));
    assertThat(after.only().timeline())
        .anySatisfy(e -> {
          assertThat(e.action()).isEqualTo(Actions.CLEARED);
          assertThat(e.detail()).isEqualTo("valve closed");
        });
    assertThat(actions(after.only())).doesNotContain(Actions.ESCALATED);
    assertThat(after.recipientsOf(1, 0)).isEmpty();
    assertThat(closesTo(after, "vlv-0001")).hasSize(1);
  }

  @Test
  void deviceSilentBeforeARestartIsFlaggedFromItsSavedTimeNotAWholeWindowAfterTheStart(
      Vertx vertx) {
    // GIVEN an engine that heard every device of hh-0001..3 at 1 min, those of hh-0002 and
    // hh-0003 again at 8 min, and saved that (every 60 s)
    Path db = dir.resolve("incidents.db");
    EngineHarness before = engineWithStandardRules(vertx, db);
    before.advance(Duration.ofMinutes(1));
    heartbeats(before, List.of(1, 2, 3), 1);
    before.advance(Duration.ofMinutes(7));
    heartbeats(before, List.of(2, 3), 2);
    before.advance(Duration.ofMinutes(1));
    awaitSaved(vertx, db, "smk-0002", EngineHarness.T0.plus(Duration.ofMinutes(8)));
    assertThat(before.engine.openIncidents()).isEmpty();

    // WHEN it crashes, a new engine starts at 12 min (hh-0001's 10 min window ran out during the
    // downtime) and hh-0003 is heard again at 13 min
    clock.advance(Duration.ofMinutes(3));
    EngineHarness after = engineWithStandardRules(vertx, db);
    after.advance(Duration.ofMinutes(1));
    heartbeats(after, List.of(3), 3);
    after.advance(Duration.ofSeconds(9 * 60 + 30));

    // THEN hh-0001 is unprotected once the 5 min startup grace is over (17 min), hh-0002 once its
    // window from the saved 8 min ends (18 min, first tick after), hh-0003 (heard recently) not,
    // and hh-9001 (never heard, nothing saved) a whole window after the start
    Instant t0 = EngineHarness.T0;
    assertThat(unprotectedSince(after, "hh-0001")).contains(t0.plus(Duration.ofMinutes(17)));
    assertThat(unprotectedSince(after, "hh-0002"))
        .contains(t0.plus(Duration.ofMinutes(18)).plusSeconds(1));
    assertThat(unprotectedSince(after, "hh-0003")).isEmpty();
    assertThat(unprotectedSince(after, "hh-9001"))
        .contains(t0.plus(Duration.ofMinutes(22)).plusSeconds(1));
  }

  @Test
  void stoppingSavesTheLastSeenTimesHeardSinceTheLastPeriodicSave(Vertx vertx) {
    // GIVEN a device heard 30 s after the start, before the first periodic save
    Path db = dir.resolve("incidents.db");
    EngineHarness before = engineWithStandardRules(vertx, db);
    before.advance(Duration.ofSeconds(30));
    before.deliver(Messages.heartbeat(registry, "smk-0001", 1, clock.instant()));

    // WHEN the engine stops
    stop(before);

    // THEN its time is on disk
    SavedStateStore saved = new SqliteIncidentStore(vertx, db).savedState();
    await(saved.open());
    assertThat(await(saved.load()).lastSeen())
        .isEqualTo(Map.of("smk-0001", EngineHarness.T0.plusSeconds(30)));
    await(saved.close());
  }

  private EngineHarness engineWithStandardRules(Vertx vertx, Path db) {
    List<Rule> rules =
        Rules.standard(registry, RuleSettings.defaults(), clock, new SimpleMeterRegistry());
    EngineHarness h = new EngineHarness(vertx, registry, AlertingConfig.defaults(),
        new SqliteIncidentStore(vertx, db), clock, rules).start();
    engines.add(h);
    return h;
  }

  private void stop(EngineHarness h) {
    h.stop();
    engines.remove(h);
  }

  /** A heartbeat from every device of these households (btn, smk, gas, vlv, hm), now. */
  private void heartbeats(EngineHarness h, List<Integer> households, long seq) {
    for (int n : households) {
      for (String kind : List.of("btn", "smk", "gas", "vlv", "hm")) {
        h.deliver(Messages.heartbeat(registry, TestRegistry.device(kind, n), seq,
            clock.instant()));
      }
    }
  }

  private static void awaitSaved(Vertx vertx, Path db, String device, Instant at) {
    SavedStateStore saved = new SqliteIncidentStore(vertx, db).savedState();
    await(saved.open());
    try {
      await().atMost(Duration.ofSeconds(20)).untilAsserted(
          () -> assertThat(await(saved.load()).lastSeen()).containsEntry(device, at));
    } finally {
      await(saved.close());
    }
  }

  /** Command ids of the CLOSE commands sent to a valve, in order. */
  private static List<String> closesTo(EngineHarness h, String valve) {
    return h.commands.sent().stream()
        .filter(c -> c.deviceId().equals(valve)
            && c.command().getValve().getAction() == ValveCommand.Action.CLOSE)
        .map(c -> c.command().getCommandId()).toList();
  }

  private static List<String> actions(Incident incident) {
    return incident.timeline().stream().map(TimelineEntry::action).toList();
  }

  private static Optional<Instant> unprotectedSince(EngineHarness h, String household) {
    return h.engine.openIncidents().stream()
        .filter(i -> i.householdId().equals(household) && i.cause() == Cause.PROTECTION_LOST)
        .map(Incident::openedAt).findFirst();
  }

  private EngineHarness engine(Vertx vertx, IncidentStore store) {
    EngineHarness h =
        new EngineHarness(vertx, registry, AlertingConfig.defaults(), store, clock).start();
    engines.add(h);
    return h;
  }
}

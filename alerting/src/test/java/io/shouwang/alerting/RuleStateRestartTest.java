package io.shouwang.alerting;

import static io.shouwang.alerting.EngineHarness.T0;
import static io.shouwang.alerting.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.incident.Actions;
import io.shouwang.alerting.rules.Rule;
import io.shouwang.alerting.rules.RuleSettings;
import io.shouwang.alerting.rules.Rules;
import io.shouwang.alerting.store.SavedStateStore;
import io.shouwang.alerting.store.sqlite.SqliteIncidentStore;
import io.shouwang.alerting.testing.Messages;
import io.shouwang.alerting.testing.MutableClock;
import io.shouwang.alerting.testing.TestRegistry;
import io.shouwang.registry.DeviceKind;
import io.shouwang.registry.Registry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The rules' own state across a restart, on real SQLite files: inactivity clocks, the SpO2 trend's
 * baseline and vitals conditions. A "crash" abandons the first engine after its periodic save;
 * time jumps straight to the moments that matter (the tick due meanwhile runs once, at the jump).
 * T0 is 14:00 in Shanghai: the 3 h day window applies throughout.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RuleStateRestartTest {

  private static final Duration H = Duration.ofHours(1);
  private static final Duration MIN = Duration.ofMinutes(1);

  @TempDir
  Path dir;

  private final Registry registry = TestRegistry.householdsWithMotionSensors(3);
  private final MutableClock clock = new MutableClock(T0);
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
  void inactivityCountsFromTheSavedLastMovementAfterARestartButNeverWithinTheGrace(Vertx vertx) {
    // GIVEN an engine that saw movement in hh-0002 at 1 min and in hh-0001 at 1 h, and saved it
    Path db = dir.resolve("incidents.db");
    EngineHarness before = engine(vertx, db);
    before.advance(MIN);
    before.deliver(Messages.motion(registry, "pir-0002", 1, clock.instant(), 3));
    jumpTo(before, T0.plus(H));
    before.deliver(Messages.motion(registry, "pir-0001", 1, clock.instant(), 2));
    awaitSaved(before, vertx, db, "inactivity", "hh-0001", millis(T0.plus(H)));

    // WHEN it crashes and a new engine starts at 2 h 50 min
    clock.set(T0.plus(H.multipliedBy(2)).plus(MIN.multipliedBy(50)));
    EngineHarness after = engine(vertx, db);

    // THEN hh-0002, whose window ended at 3 h 01 min, is checked on once the 30 min startup
    // grace is over (3 h 20 min), and not before
    jumpTo(after, T0.plus(H.multipliedBy(3)).plus(MIN.multipliedBy(20)).minusSeconds(1));
    assertThat(quietSince(after, "hh-0002")).isEmpty();
    after.advance(Duration.ofSeconds(1));
    assertThat(openedAt(after, "hh-0002"))
        .contains(T0.plus(H.multipliedBy(3)).plus(MIN.multipliedBy(20)));
    assertThat(quietSince(after, "hh-0002")).contains(T0.plus(MIN).toString());

    // AND hh-0001 when its window from the saved 1 h ends (the tick after 4 h), not 3 h after
    // the restart; hh-0003, with nothing saved, counts from the restart and is not due yet
    jumpTo(after, T0.plus(H.multipliedBy(4)));
    assertThat(openedAt(after, "hh-0001")).isEmpty();
    after.advance(Duration.ofSeconds(1));
    assertThat(openedAt(after, "hh-0001")).contains(T0.plus(H.multipliedBy(4)).plusSeconds(1));
    assertThat(openedAt(after, "hh-0003")).isEmpty();
  }

  @Test
  void anOpenInactivityIncidentIsNotRaisedAgainAfterARestartAndMovementStillClearsIt(
      Vertx vertx) {
    // GIVEN an engine that raised INACTIVITY for hh-0001 (movement at 1 min, quiet since) and
    // stopped
    Path db = dir.resolve("incidents.db");
    EngineHarness before = engine(vertx, db);
    before.advance(MIN);
    before.deliver(Messages.motion(registry, "pir-0001", 1, clock.instant(), 2));
    jumpTo(before, T0.plus(H.multipliedBy(3)).plus(MIN));
    before.advance(Duration.ofSeconds(1));
    assertThat(openedAt(before, "hh-0001")).isPresent();
    before.stop();
    engines.remove(before);

    // WHEN a new engine starts 10 min later and its startup grace passes
    clock.advance(MIN.multipliedBy(10));
    EngineHarness after = engine(vertx, db);
    jumpTo(after, clock.instant().plus(MIN.multipliedBy(31)));

    // THEN the rule did not raise it again (not even as a duplicate the incident stage drops)
    Incident quiet = inactivity(after, "hh-0001").orElseThrow();
    assertThat(actions(quiet)).containsOnlyOnce(Actions.RAISED).doesNotContain(Actions.ATTACHED);
    assertThat(after.meters.counter("shouwang.alerting.signals.duplicate").count()).isZero();

    // WHEN the resident moves
    after.deliver(Messages.motion(registry, "pir-0001", 2, clock.instant(), 1));

    // THEN it is cleared as without the restart
    assertThat(inactivity(after, "hh-0001").orElseThrow().timeline()).last()
        .satisfies(e -> {
          assertThat(e.action()).isEqualTo(Actions.CLEARED);
          assertThat(e.detail()).isEqualTo("movement at home");
        });
  }

  @Test
  void aTrendThatNeedsABaselineFiresRightAfterARestartWhenTheBaselineWasSavedBefore(
      Vertx vertx) {
    // GIVEN an engine that had a day of hourly SpO2 readings around 96 from hm-0001, and saved
    Path db = dir.resolve("incidents.db");
    EngineHarness before = engine(vertx, db);
    for (int i = 0; i < 24; i++) {
      jumpTo(before, T0.plus(H.multipliedBy(i)));
      before.deliver(Messages.spo2(registry, "hm-0001", i + 1, clock.instant(), 96));
    }
    long lastHour = T0.plus(H.multipliedBy(23)).getEpochSecond() / 3600;
    awaitSaved(before, vertx, db, "vitals", "hm-0001:spo2Trend:" + lastHour, "96.0 1");

    // WHEN it crashes, a new engine starts at 30 h and readings around 92.5 come half-hourly
    clock.set(T0.plus(H.multipliedBy(30)));
    EngineHarness after = engine(vertx, db);
    for (int i = 0; i < 4; i++) {
      assertThat(vitals(after)).as("before the fourth recent reading").isEmpty();
      jumpTo(after, T0.plus(H.multipliedBy(30)).plus(MIN.multipliedBy(30L * i)));
      after.deliver(Messages.spo2(registry, "hm-0001", 100 + i, clock.instant(), 92.5f));
    }

    // THEN the fourth recent reading raises the trend against the baseline kept across it
    Incident trend = vitals(after).orElseThrow();
    assertThat(trend.summary()).isEqualTo("oxygen saturation trending down");
    assertThat(trend.details())
        .containsEntry("spo2Trend_baseline_readings", "24")
        .containsEntry("spo2Trend_baseline_mean", "96")
        .containsEntry("spo2Trend_recent_readings", "4");
  }

  @Test
  void aVitalsConditionRaisedBeforeARestartClearsAfterItWithHysteresis(Vertx vertx) {
    // GIVEN an engine that raised "oxygen saturation low" on three low readings, and saved
    Path db = dir.resolve("incidents.db");
    EngineHarness before = engine(vertx, db);
    for (int i = 0; i < 3; i++) {
      before.deliver(Messages.spo2(registry, "hm-0001", i + 1, clock.instant(), 88));
      before.advance(MIN);
    }
    assertThat(vitals(before)).map(Incident::summary).contains("oxygen saturation low");
    awaitSaved(before, vertx, db, "vitals", "hm-0001:spo2Low", "1");

    // WHEN it crashes, a new engine starts and the readings come back: 92, then 91 (inside the
    // limit but not by the 2 point margin, which breaks the run), then 92, 92, 93
    clock.advance(MIN.multipliedBy(5));
    EngineHarness after = engine(vertx, db);
    float[] readings = {92, 91, 92, 92};
    for (int i = 0; i < readings.length; i++) {
      after.deliver(Messages.spo2(registry, "hm-0001", 10 + i, clock.instant(), readings[i]));
      after.advance(MIN);
    }
    assertThat(actions(vitals(after).orElseThrow())).doesNotContain(Actions.CLEARED);
    after.deliver(Messages.spo2(registry, "hm-0001", 20, clock.instant(), 93));

    // THEN the third reading in a row back inside by the margin clears it
    assertThat(vitals(after).orElseThrow().timeline()).last().satisfies(e -> {
      assertThat(e.action()).isEqualTo(Actions.CLEARED);
      assertThat(e.detail()).isEqualTo("vitals back to normal");
    });
  }

  @Test
  void anUnreadableSavedStateFileStopsNothingAndTheRulesCountFromTheStart(Vertx vertx)
      throws Exception {
    // GIVEN a saved-state file that is not a database at all
    Path db = dir.resolve("incidents.db");
    Path saved = SqliteIncidentStore.savedStateFile(db);
    Files.writeString(saved, "x".repeat(8192));
    Logger log = (Logger) LoggerFactory.getLogger(StateSaver.class);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    log.addAppender(captured);
    EngineHarness h;
    try {
      // WHEN the engine starts
      h = engine(vertx, db);
    } finally {
      log.detachAppender(captured);
    }

    // THEN it runs, says so in the log, counts it, and writes nothing to the file
    assertThat(captured.list).anySatisfy(e -> {
      assertThat(e.getLevel()).isEqualTo(Level.WARN);
      assertThat(e.getFormattedMessage()).contains("could not be loaded");
    });
    assertThat(h.meters.counter("shouwang.alerting.state.load.failures").count()).isEqualTo(1);
    h.deliver(Messages.press(registry, "btn-0001", 1, clock.instant()));
    assertThat(h.engine.openIncidents()).extracting(Incident::cause)
        .contains(Cause.EMERGENCY_BUTTON);

    // AND inactivity counts from the start: hh-0001 is checked on 3 h after it, not before
    jumpTo(h, T0.plus(H.multipliedBy(3)));
    assertThat(openedAt(h, "hh-0001")).isEmpty();
    h.advance(Duration.ofSeconds(1));
    assertThat(openedAt(h, "hh-0001")).contains(T0.plus(H.multipliedBy(3)).plusSeconds(1));
    assertThat(h.meters.counter("shouwang.alerting.state.save.failures").count()).isZero();
    assertThat(Files.readString(saved)).isEqualTo("x".repeat(8192));
  }

  /**
   * The standard rules, with supervision windows so long that no device goes offline in these
   * tests: its own restart behaviour is RestartRecoveryTest's.
   */
  private EngineHarness engine(Vertx vertx, Path db) {
    RuleSettings d = RuleSettings.defaults();
    Map<DeviceKind, Duration> silence = new EnumMap<>(DeviceKind.class);
    for (DeviceKind kind : DeviceKind.values()) {
      silence.put(kind, Duration.ofDays(3));
    }
    RuleSettings settings = new RuleSettings(d.button(), d.gas(), d.vitals(), d.trend(),
        new RuleSettings.Supervision(silence), d.battery(), d.inactivity());
    List<Rule> rules = Rules.standard(registry, settings, clock, new SimpleMeterRegistry());
    EngineHarness h = new EngineHarness(vertx, registry, AlertingConfig.defaults(),
        new SqliteIncidentStore(vertx, db), clock, rules).start();
    engines.add(h);
    return h;
  }

  /** Moves the clock to {@code at} at once; the tick due meanwhile runs there, once. */
  private void jumpTo(EngineHarness h, Instant at) {
    clock.set(at);
    h.scheduler.runDue();
  }

  /**
   * Waits until the engine's periodic save has put this entry on disk. A periodic save is skipped
   * while the one before is still on its way, so time moves on a save interval per look.
   */
  private static void awaitSaved(
      EngineHarness h, Vertx vertx, Path db, String rule, String key, String value) {
    SavedStateStore saved = new SqliteIncidentStore(vertx, db).savedState();
    await(saved.open());
    try {
      // Half a second between looks: slow disks must not move time past what a test plays.
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
          .untilAsserted(() -> {
            h.advance(Duration.ofSeconds(61));
            assertThat(await(saved.load()).ruleState().getOrDefault(rule, Map.of()))
                .containsEntry(key, value);
          });
    } finally {
      await(saved.close());
    }
  }

  private static String millis(Instant at) {
    return Long.toString(at.toEpochMilli());
  }

  private static Optional<Incident> inactivity(EngineHarness h, String household) {
    return h.engine.openIncidents().stream()
        .filter(i -> i.householdId().equals(household) && i.cause() == Cause.INACTIVITY)
        .findFirst();
  }

  private static Optional<Instant> openedAt(EngineHarness h, String household) {
    return inactivity(h, household).map(Incident::openedAt);
  }

  private static Optional<String> quietSince(EngineHarness h, String household) {
    return inactivity(h, household).map(i -> i.details().get("quiet_since"));
  }

  private static Optional<Incident> vitals(EngineHarness h) {
    return h.engine.openIncidents().stream()
        .filter(i -> i.cause() == Cause.ABNORMAL_VITALS).findFirst();
  }

  private static List<String> actions(Incident incident) {
    return incident.timeline().stream().map(TimelineEntry::action).toList();
  }
}

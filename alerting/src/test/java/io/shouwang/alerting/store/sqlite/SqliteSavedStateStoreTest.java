package io.shouwang.alerting.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shouwang.alerting.store.SavedState;
import io.shouwang.alerting.store.SavedStateStore;
import io.shouwang.alerting.store.StateChanges;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SqliteSavedStateStoreTest {

  private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

  @TempDir
  Path dir;

  private Vertx vertx;
  private SavedStateStore store;

  @BeforeEach
  void open(Vertx vertx) {
    this.vertx = vertx;
    store = new SqliteIncidentStore(vertx, dir.resolve("incidents.db")).savedState();
    await(store.open());
  }

  @AfterEach
  void close() {
    await(store.close());
  }

  @Test
  void savedTimesReadBackAfterReopeningInTheirOwnFile() {
    // GIVEN two saves, the second moving one device on
    await(store.save(lastSeen(Map.of("smk-1", T0, "btn-1", T0.plusSeconds(5)))));
    await(store.save(lastSeen(Map.of("smk-1", T0.plusSeconds(60)))));

    // WHEN the store is closed and opened again
    reopen();

    // THEN both devices have their latest time, kept beside the incident file
    assertThat(await(store.load()).lastSeen())
        .isEqualTo(Map.of("smk-1", T0.plusSeconds(60), "btn-1", T0.plusSeconds(5)));
    assertThat(Files.exists(dir.resolve("incidents-last-seen.db"))).isTrue();
    assertThat(Files.exists(dir.resolve("incidents.db"))).isFalse();
  }

  @Test
  void anOlderTimeNeverReplacesANewerOne() {
    // GIVEN a device saved at T0 + 60 s
    await(store.save(lastSeen(Map.of("smk-1", T0.plusSeconds(60)))));

    // WHEN an older time is saved for it
    await(store.save(lastSeen(Map.of("smk-1", T0))));

    // THEN the newer one stays
    assertThat(await(store.load()).lastSeen()).containsEntry("smk-1", T0.plusSeconds(60));
  }

  @Test
  void ruleStateEntriesAreSetReplacedAndRemovedPerRule() {
    // GIVEN entries of two rules, one of them under the same key as the other's
    StateChanges first = new StateChanges();
    first.put("vitals", "hm-1:spo2Low", "1|1|0|0|88");
    first.put("vitals", "hm-1:spo2Trend:493820", "480.0 5");
    first.put("inactivity", "hh-1", "1772431200000");
    first.put("inactivity", "hm-1:spo2Low", "other rule, same key");
    await(store.save(first));

    // WHEN a later save replaces one and removes another, and the store is reopened
    StateChanges second = new StateChanges();
    second.put("vitals", "hm-1:spo2Low", "1");
    second.put("vitals", "hm-1:spo2Trend:493820", null);
    await(store.save(second));
    reopen();

    // THEN what is left reads back, by rule
    assertThat(await(store.load()).ruleState()).isEqualTo(Map.of(
        "vitals", Map.of("hm-1:spo2Low", "1"),
        "inactivity", Map.of("hh-1", "1772431200000", "hm-1:spo2Low", "other rule, same key")));
  }

  @Test
  void aFileOfVersionOneIsUpgradedAndKeepsItsLastHeardTimes() throws SQLException {
    // GIVEN a last-seen file as version 1 wrote it
    Path file = dir.resolve("old-last-seen.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE device_last_seen (device_id TEXT PRIMARY KEY,"
          + " last_seen INTEGER NOT NULL) WITHOUT ROWID");
      st.execute("INSERT INTO device_last_seen VALUES ('smk-1', " + T0.toEpochMilli() + ")");
      st.execute("PRAGMA user_version=1");
    }

    // WHEN this build opens it and saves rule state
    SavedStateStore upgraded = new SqliteSavedStateStore(vertx, file);
    await(upgraded.open());
    StateChanges changes = new StateChanges();
    changes.put("inactivity", "hh-1", "1");
    await(upgraded.save(changes));

    // THEN the old times are there beside the new state, and the file says version 2
    SavedState loaded = await(upgraded.load());
    await(upgraded.close());
    assertThat(loaded.lastSeen()).isEqualTo(Map.of("smk-1", T0));
    assertThat(loaded.ruleState()).isEqualTo(Map.of("inactivity", Map.of("hh-1", "1")));
    assertThat(userVersion(file)).isEqualTo(2);
  }

  @Test
  void aFileOfANewerVersionIsRefused() throws SQLException {
    // GIVEN a file written by a later build
    Path file = dir.resolve("newer-last-seen.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA user_version=3");
    }

    // WHEN this build opens it THEN it says why instead of guessing at the tables
    SavedStateStore newer = new SqliteSavedStateStore(vertx, file);
    assertThatThrownBy(() -> await(newer.open())).hasMessageContaining("schema version 3");
    await(newer.close());
  }

  @Test
  void aBatchOfTensOfThousandsOfDevicesIsOneSave() {
    // GIVEN the devices of a large deployment
    Map<String, Instant> batch = new HashMap<>();
    for (int i = 0; i < 30_000; i++) {
      batch.put("dev-" + i, T0.plusMillis(i));
    }

    // WHEN they are saved at once
    await(store.save(lastSeen(batch)));

    // THEN every one reads back
    assertThat(await(store.load()).lastSeen()).isEqualTo(batch);
  }

  @Test
  void savedStateFileIsNamedAfterTheIncidentFile() {
    assertThat(SqliteIncidentStore.savedStateFile(Path.of("data/alerting/incidents.db")))
        .isEqualTo(Path.of("data/alerting/incidents-last-seen.db"));
    assertThat(SqliteIncidentStore.savedStateFile(Path.of("state/alerts")))
        .isEqualTo(Path.of("state/alerts-last-seen.db"));
  }

  private void reopen() {
    await(store.close());
    store = new SqliteIncidentStore(vertx, dir.resolve("incidents.db")).savedState();
    await(store.open());
  }

  private static StateChanges lastSeen(Map<String, Instant> times) {
    StateChanges changes = new StateChanges();
    changes.lastSeen().putAll(times);
    return changes;
  }

  private static int userVersion(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      return rs.getInt(1);
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new RuntimeException(e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}

package io.shouwang.alerting.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.store.LastSeenStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
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
class SqliteLastSeenStoreTest {

  private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

  @TempDir
  Path dir;

  private Vertx vertx;
  private LastSeenStore store;

  @BeforeEach
  void open(Vertx vertx) {
    this.vertx = vertx;
    store = new SqliteIncidentStore(vertx, dir.resolve("incidents.db")).lastSeen();
    await(store.open());
  }

  @AfterEach
  void close() {
    await(store.close());
  }

  @Test
  void savedTimesReadBackAfterReopeningInTheirOwnFile() {
    // GIVEN two saves, the second moving one device on
    await(store.save(Map.of("smk-1", T0, "btn-1", T0.plusSeconds(5))));
    await(store.save(Map.of("smk-1", T0.plusSeconds(60))));

    // WHEN the store is closed and opened again
    await(store.close());
    store = new SqliteIncidentStore(vertx, dir.resolve("incidents.db")).lastSeen();
    await(store.open());

    // THEN both devices have their latest time, kept beside the incident file
    assertThat(await(store.load()))
        .isEqualTo(Map.of("smk-1", T0.plusSeconds(60), "btn-1", T0.plusSeconds(5)));
    assertThat(Files.exists(dir.resolve("incidents-last-seen.db"))).isTrue();
    assertThat(Files.exists(dir.resolve("incidents.db"))).isFalse();
  }

  @Test
  void anOlderTimeNeverReplacesANewerOne() {
    // GIVEN a device saved at T0 + 60 s
    await(store.save(Map.of("smk-1", T0.plusSeconds(60))));

    // WHEN an older time is saved for it
    await(store.save(Map.of("smk-1", T0)));

    // THEN the newer one stays
    assertThat(await(store.load())).containsEntry("smk-1", T0.plusSeconds(60));
  }

  @Test
  void aBatchOfTensOfThousandsOfDevicesIsOneSave() {
    // GIVEN the devices of a large deployment
    Map<String, Instant> batch = new HashMap<>();
    for (int i = 0; i < 30_000; i++) {
      batch.put("dev-" + i, T0.plusMillis(i));
    }

    // WHEN they are saved at once
    await(store.save(batch));

    // THEN every one reads back
    assertThat(await(store.load())).isEqualTo(batch);
  }

  @Test
  void lastSeenFileIsNamedAfterTheIncidentFile() {
    assertThat(SqliteIncidentStore.lastSeenFile(Path.of("data/alerting/incidents.db")))
        .isEqualTo(Path.of("data/alerting/incidents-last-seen.db"));
    assertThat(SqliteIncidentStore.lastSeenFile(Path.of("state/alerts")))
        .isEqualTo(Path.of("state/alerts-last-seen.db"));
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

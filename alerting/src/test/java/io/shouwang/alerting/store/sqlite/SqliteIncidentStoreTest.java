package io.shouwang.alerting.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.DeliveryStatus;
import io.shouwang.alerting.Incident;
import io.shouwang.alerting.IncidentState;
import io.shouwang.alerting.PageRecord;
import io.shouwang.alerting.Severity;
import io.shouwang.alerting.TimelineEntry;
import io.shouwang.alerting.store.IncidentChange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
class SqliteIncidentStoreTest {

  private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

  @TempDir
  Path dir;

  private Vertx vertx;
  private SqliteIncidentStore store;

  @BeforeEach
  void open(Vertx vertx) {
    this.vertx = vertx;
    store = new SqliteIncidentStore(vertx, dir.resolve("incidents.db"));
    await(store.open());
  }

  @AfterEach
  void close() {
    await(store.close());
  }

  @Test
  void incidentWithTimelineAndPagesReadsBackEqual() {
    // GIVEN an incident with a timeline, pages, details and deadlines
    Incident incident = incident("inc-1", IncidentState.PAGED, 2, List.of(
        page("inc-1/0/0/cg-wu/sms", DeliveryStatus.SENT, null),
        page("inc-1/0/0/cg-wu/webhook", DeliveryStatus.QUEUED, "gateway answered 503")));

    // WHEN it is written and read back
    await(store.write(List.of(new IncidentChange(incident, 0))));

    // THEN it is the same incident
    assertThat(await(store.find("inc-1"))).contains(incident);
    assertThat(await(store.loadOpen())).containsExactly(incident);
  }

  @Test
  void laterWritesAppendNewTimelineEntriesAndUpdatePages() {
    // GIVEN a stored incident
    Incident first = incident("inc-1", IncidentState.PAGED, 2,
        List.of(page("k1", DeliveryStatus.QUEUED, null)));
    await(store.write(List.of(new IncidentChange(first, 0))));

    // WHEN it is accepted: one more entry, the page sent
    Incident second = incident("inc-1", IncidentState.ACCEPTED, 3,
        List.of(page("k1", DeliveryStatus.SENT, null)));
    await(store.write(List.of(new IncidentChange(second, 2))));

    // THEN the store holds the new state, all three entries and the page's new status
    Incident read = await(store.find("inc-1")).orElseThrow();
    assertThat(read).isEqualTo(second);
    assertThat(read.timeline()).hasSize(3);
    assertThat(read.pages()).singleElement()
        .satisfies(p -> assertThat(p.status()).isEqualTo(DeliveryStatus.SENT));
  }

  @Test
  void closedIncidentsAreNotReloadedButRemembered() {
    // GIVEN one open and one resolved incident
    await(store.write(List.of(
        new IncidentChange(incident("inc-open", IncidentState.ACCEPTED, 1, List.of()), 0),
        new IncidentChange(incident("inc-done", IncidentState.RESOLVED, 1, List.of()), 0))));

    // WHEN the open ones are loaded THEN the resolved one is not among them
    assertThat(await(store.loadOpen())).extracting(Incident::id).containsExactly("inc-open");
    // AND it is known as recently closed
    assertThat(await(store.closedSince(T0.minusSeconds(1))))
        .containsExactly(Map.entry("inc-done", IncidentState.RESOLVED));
    assertThat(await(store.closedSince(T0.plusSeconds(3600)))).isEmpty();
  }

  @Test
  void recentlyClosedListsClosedIncidentsNewestFirstUpToTheLimit() {
    // GIVEN two resolved incidents closed a minute apart and an open one
    Incident older = incident("inc-older", IncidentState.RESOLVED, 1, List.of());
    Incident newer = incident("inc-newer", IncidentState.CANCELLED, 1, List.of());
    newer = new Incident(newer.id(), newer.householdId(), newer.cause(), newer.severity(),
        newer.state(), newer.policy(), newer.openedAt(), newer.updatedAt().plusSeconds(60),
        newer.acceptedBy(), newer.eta(), newer.assignee(), newer.attachCount(),
        newer.currentStep(), newer.round(), newer.nextEscalationAt(), newer.deviceId(),
        newer.summary(), newer.details(), newer.timeline(), newer.pages());
    await(store.write(List.of(new IncidentChange(older, 0), new IncidentChange(newer, 0),
        new IncidentChange(incident("inc-open", IncidentState.PAGED, 1, List.of()), 0))));

    // WHEN listed THEN only closed ones, newest first, with their timelines, and the limit holds
    assertThat(await(store.recentlyClosed(T0.minusSeconds(1), 10)))
        .extracting(Incident::id).containsExactly("inc-newer", "inc-older");
    assertThat(await(store.recentlyClosed(T0.minusSeconds(1), 1)))
        .extracting(Incident::id).containsExactly("inc-newer");
    assertThat(await(store.recentlyClosed(T0.minusSeconds(1), 10)).get(1).timeline())
        .isEqualTo(older.timeline());
  }

  @Test
  void aFailingChangeRollsBackTheWholeTransaction() {
    // GIVEN a batch whose second incident cannot be stored (a page without a channel)
    Incident good = incident("inc-good", IncidentState.PAGED, 1, List.of());
    Incident bad = incident("inc-bad", IncidentState.PAGED, 1, List.of(new PageRecord("k",
        null, "cg-wu", "caregiver", 0, 0, DeliveryStatus.QUEUED, 0, null, T0)));

    // WHEN it is written THEN the write fails and neither incident is stored
    assertThatThrownBy(() -> await(store.write(List.of(new IncidentChange(good, 0),
        new IncidentChange(bad, 0))))).hasMessageContaining("NOT NULL");
    assertThat(await(store.find("inc-good"))).isEmpty();
  }

  @Test
  void databaseIsInWalModeAndSurvivesReopening() throws Exception {
    // GIVEN a written incident
    Incident incident = incident("inc-1", IncidentState.PAGED, 1, List.of());
    await(store.write(List.of(new IncidentChange(incident, 0))));

    // WHEN the store is closed and a new one opens the same file
    await(store.close());
    store = new SqliteIncidentStore(vertx, dir.resolve("incidents.db"));
    await(store.open());

    // THEN the incident is there, and the file is in WAL mode
    assertThat(await(store.find("inc-1"))).contains(incident);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("incidents.db"));
        ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("wal");
    }
  }

  private static Incident incident(String id, IncidentState state, int entries,
      List<PageRecord> pages) {
    List<TimelineEntry> timeline = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      timeline.add(new TimelineEntry(T0.plusSeconds(i), i == 0 ? "device:btn-1" : "cg-wu",
          i == 0 ? "raised" : "step_paged", "entry " + i, i == 0 ? "btn-1/1/1" : null));
    }
    boolean accepted = state == IncidentState.ACCEPTED;
    return new Incident(id, "hh-0001", Cause.EMERGENCY_BUTTON, Severity.CRITICAL, state,
        "standard", T0, T0.plusSeconds(entries), accepted ? "cg-wu" : null,
        accepted ? T0.plusSeconds(600) : null, null, 2, 0, 0,
        state.isOpen() ? T0.plusSeconds(60) : null, "btn-1", "button pressed",
        Map.of("spo2_percent", "86"), timeline, pages);
  }

  private static PageRecord page(String key, DeliveryStatus status, String error) {
    return new PageRecord(key, key.endsWith("webhook") ? "webhook" : "sms", "cg-wu",
        "caregiver", 0, 0, status, status == DeliveryStatus.QUEUED ? 1 : 2, error, T0);
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

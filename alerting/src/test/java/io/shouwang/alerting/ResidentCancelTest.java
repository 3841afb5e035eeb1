package io.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.config.ConfigFiles;
import io.shouwang.alerting.testing.InMemoryIncidentStore;
import io.shouwang.alerting.testing.Messages;
import io.shouwang.alerting.testing.MutableClock;
import io.shouwang.alerting.testing.TestRegistry;
import io.shouwang.registry.Registry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResidentCancelTest {

  private Registry registry;
  private InMemoryIncidentStore store;
  private EngineHarness h;

  @BeforeEach
  void startEngine(Vertx vertx) {
    registry = TestRegistry.households(3);
    store = new InMemoryIncidentStore();
    h = new EngineHarness(vertx, registry, AlertingConfig.defaults(), store,
        new MutableClock(EngineHarness.T0)).start();
  }

  @AfterEach
  void stopEngine() {
    h.stop();
  }

  @Test
  void cancelBeforeAnyPageIsDeliveredCancelsTheIncidentAndStopsPaging() {
    // GIVEN channels so slow that no page has been delivered yet
    h.channels.values().forEach(c -> c.hanging());
    h.deliver(Messages.press(registry, "btn-0001", 1, EngineHarness.T0));
    String id = h.only().id();

    // WHEN the resident cancels 5 s later
    h.advance(Duration.ofSeconds(5));
    h.deliver(Messages.cancel(registry, "btn-0001", 2, h.clock.instant()));

    // THEN the incident is cancelled by the resident
    assertThat(h.engine.openIncidents()).isEmpty();
    Incident cancelled = store.stored(id).orElseThrow();
    assertThat(cancelled.state()).isEqualTo(IncidentState.CANCELLED);
    assertThat(cancelled.timeline()).extracting(TimelineEntry::actor).contains("resident");

    // AND the sends in flight are not retried, nor is any later step paged
    int attempts = h.channels.values().stream().mapToInt(c -> c.attempts().size()).sum();
    h.advance(Duration.ofMinutes(5));
    assertThat(h.channels.values().stream().mapToInt(c -> c.attempts().size()).sum())
        .isEqualTo(attempts);
    assertThat(h.recipientsOf(1, 0)).isEmpty();
    assertThat(store.stored(id).orElseThrow().pages())
        .allSatisfy(p -> assertThat(p.status()).isEqualTo(DeliveryStatus.SKIPPED));
  }

  @Test
  void cancelAfterThePageWasDeliveredIsRecordedAndEscalationGoesOn() {
    // GIVEN a press whose pages have reached the caregivers
    h.deliver(Messages.press(registry, "btn-0001", 1, EngineHarness.T0));

    // WHEN the resident cancels 5 s later
    h.advance(Duration.ofSeconds(5));
    h.deliver(Messages.cancel(registry, "btn-0001", 2, h.clock.instant()));

    // THEN the incident stays open with the cancel on its record, and step 2 still comes
    Incident incident = h.only();
    assertThat(incident.state()).isEqualTo(IncidentState.PAGED);
    assertThat(incident.timeline()).extracting(TimelineEntry::action).contains("resident_cancel");
    h.advance(Duration.ofSeconds(55));
    assertThat(h.recipientsOf(1, 0)).containsExactly("ct-0001-f");
  }

  @Test
  void cancelAfterTheGraceWindowNeverCancels() {
    // GIVEN pages that have not been delivered after a minute (a slow SMS gateway)
    h.channels.values().forEach(c -> c.hanging());
    h.deliver(Messages.press(registry, "btn-0001", 1, EngineHarness.T0));

    // WHEN the resident cancels after the 30 s grace window
    h.advance(Duration.ofSeconds(31));
    h.deliver(Messages.cancel(registry, "btn-0001", 2, h.clock.instant()));

    // THEN the incident stays open
    assertThat(h.only().state()).isEqualTo(IncidentState.PAGED);
  }

  @Test
  void cancelWhileAPolicyHoldsItsFirstPageBackCancelsWithoutAnyPage() {
    // GIVEN a policy whose first step waits 20 s, and a press
    h.stop();
    h = new EngineHarness(h.vertx, registry, ConfigFiles.fromYaml("""
        policies:
          standard:
            steps:
              - after: 20s
                notify: [grid_caregivers]
              - after: 60s
                notify: [family]
        """), store, new MutableClock(EngineHarness.T0)).start();
    h.deliver(Messages.press(registry, "btn-0001", 1, EngineHarness.T0));
    assertThat(h.only().state()).isEqualTo(IncidentState.RAISED);
    assertThat(h.pages()).isEmpty();

    // WHEN the resident cancels at 10 s
    h.advance(Duration.ofSeconds(10));
    h.deliver(Messages.cancel(registry, "btn-0001", 2, h.clock.instant()));

    // THEN it is cancelled and nobody is ever paged
    assertThat(h.engine.openIncidents()).isEmpty();
    h.advance(Duration.ofMinutes(5));
    assertThat(h.pages()).isEmpty();
  }

  @Test
  void heldBackFirstStepIsPagedWhenItsDelayPasses() {
    // GIVEN a policy whose first step waits 20 s, and a press
    h.stop();
    h = new EngineHarness(h.vertx, registry, ConfigFiles.fromYaml("""
        policies:
          standard:
            steps:
              - after: 20s
                notify: [grid_caregivers]
        """), store, new MutableClock(EngineHarness.T0)).start();
    h.deliver(Messages.press(registry, "btn-0001", 1, EngineHarness.T0));

    // WHEN 19 s pass THEN nobody is paged; at 20 s the caregivers are
    h.advance(Duration.ofSeconds(19));
    assertThat(h.pages()).isEmpty();
    h.advance(Duration.ofSeconds(1));
    assertThat(h.recipientsOf(0, 0)).containsExactly("cg-he", "cg-wu");
    assertThat(h.only().state()).isEqualTo(IncidentState.PAGED);
  }
}

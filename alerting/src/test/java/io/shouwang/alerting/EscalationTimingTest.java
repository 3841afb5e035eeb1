package io.shouwang.alerting;

import static io.shouwang.alerting.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.rules.Rule;
import io.shouwang.alerting.rules.RuleOutput;
import io.shouwang.alerting.testing.FakeRules;
import io.shouwang.alerting.testing.InMemoryIncidentStore;
import io.shouwang.alerting.testing.Messages;
import io.shouwang.alerting.testing.MutableClock;
import io.shouwang.alerting.testing.TestRegistry;
import io.shouwang.registry.Registry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Standard policy: 0 s grid caregivers, 60 s family, 180 s duty desk, repeat every 2 min. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EscalationTimingTest {

  private static final List<String> CAREGIVERS = List.of("cg-he", "cg-wu");
  private static final List<String> FAMILY = List.of("ct-0001-f");
  private static final List<String> DESK = List.of(TestRegistry.DESK);

  private Registry registry;
  private EngineHarness h;

  @BeforeEach
  void startEngine(Vertx vertx) {
    registry = TestRegistry.households(3);
    // A press with seq >= 200 stands for "things got worse" (e.g. the valve did not close).
    Rule worse = new FakeRules.Recording(m -> m.envelope().getSeq() >= 200
        ? RuleOutput.of(FakeRules.signal(m, Signal.Kind.ESCALATE, Cause.EMERGENCY_BUTTON,
            "worse"))
        : RuleOutput.NONE);
    Rule press = new FakeRules.Recording(m -> m.envelope().getSeq() < 200
        ? FakeRules.press().onMessage(m) : RuleOutput.NONE);
    h = new EngineHarness(vertx, registry, AlertingConfig.defaults(),
        new InMemoryIncidentStore(), new MutableClock(EngineHarness.T0), List.of(press, worse))
        .start();
  }

  @AfterEach
  void stopEngine() {
    h.stop();
  }

  @Test
  void secondStepIsPagedAt60SecondsWhenNobodyAccepted() {
    // GIVEN a press paged to the caregivers
    h.deliver(press("btn-0001", 1));

    // WHEN 59 s pass THEN the family has not been paged
    h.advance(Duration.ofSeconds(59));
    assertThat(h.recipientsOf(1, 0)).isEmpty();

    // WHEN the 60th second passes THEN the family is paged, and the duty desk at 180 s
    h.advance(Duration.ofSeconds(1));
    assertThat(h.recipientsOf(1, 0)).isEqualTo(FAMILY);
    assertThat(h.only().currentStep()).isEqualTo(1);
    h.advance(Duration.ofSeconds(119));
    assertThat(h.recipientsOf(2, 0)).isEmpty();
    h.advance(Duration.ofSeconds(1));
    assertThat(h.recipientsOf(2, 0)).isEqualTo(DESK);
    assertThat(h.recipientsOf(0, 0)).isEqualTo(CAREGIVERS);
  }

  @Test
  void acceptanceBefore60SecondsStopsTheSecondStep() {
    // GIVEN a paged press
    h.deliver(press("btn-0001", 1));
    String id = h.only().id();

    // WHEN a caregiver accepts at 30 s with a 10 minute ETA
    h.advance(Duration.ofSeconds(30));
    await(h.engine.accept(id, "cg-wu", Duration.ofMinutes(10)));

    // THEN nothing more is paged while the ETA (plus margin) holds
    h.advance(Duration.ofMinutes(15));
    assertThat(h.recipientsOf(1, 0)).isEmpty();
    assertThat(h.recipientsOf(2, 0)).isEmpty();
    assertThat(h.only().state()).isEqualTo(IncidentState.ACCEPTED);
  }

  @Test
  void unansweredLadderRepeatsEveryRepeatInterval() {
    // GIVEN a press nobody answers, paged up to the duty desk at 180 s
    h.deliver(press("btn-0001", 1));
    h.advance(Duration.ofSeconds(180));
    assertThat(h.recipientsOf(0, 1)).isEmpty();

    // WHEN the repeat interval (2 min) passes THEN everybody paged so far is paged again
    h.advance(Duration.ofSeconds(119));
    assertThat(h.recipientsOf(0, 1)).isEmpty();
    h.advance(Duration.ofSeconds(1));
    assertThat(h.recipientsOf(0, 1)).isEqualTo(CAREGIVERS);
    assertThat(h.recipientsOf(1, 1)).isEqualTo(FAMILY);
    assertThat(h.recipientsOf(2, 1)).isEqualTo(DESK);
    assertThat(h.only().round()).isEqualTo(1);

    // AND again after another interval, with new idempotency keys per round
    h.advance(Duration.ofSeconds(120));
    assertThat(h.recipientsOf(0, 2)).isEqualTo(CAREGIVERS);
    assertThat(h.pages()).extracting(p -> p.idempotencyKey()).doesNotHaveDuplicates();
    assertThat(h.only().timeline()).extracting(TimelineEntry::action)
        .containsSubsequence("step_paged", "step_paged", "step_paged", "repeat", "repeat");
  }

  @Test
  void acceptedButNotOnSiteByEtaPlusMarginEscalatesAgain() {
    // GIVEN a press accepted at 10 s with a 5 minute ETA (margin 10 minutes)
    h.deliver(press("btn-0001", 1));
    String id = h.only().id();
    h.advance(Duration.ofSeconds(10));
    await(h.engine.accept(id, "cg-wu", Duration.ofMinutes(5)));

    // WHEN the ETA plus margin has not quite passed THEN nothing happens
    h.advance(Duration.ofMinutes(15).minusSeconds(1));
    assertThat(h.only().state()).isEqualTo(IncidentState.ACCEPTED);
    assertThat(h.recipientsOf(1, 0)).isEmpty();

    // WHEN it passes THEN the acceptance lapses and the next step is paged at once
    h.advance(Duration.ofSeconds(1));
    Incident incident = h.only();
    assertThat(incident.state()).isEqualTo(IncidentState.PAGED);
    assertThat(incident.acceptedBy()).isNull();
    assertThat(incident.timeline()).extracting(TimelineEntry::action)
        .containsSubsequence("accepted", "eta_missed", "step_paged");
    assertThat(h.recipientsOf(1, 0)).isEqualTo(FAMILY);
  }

  @Test
  void whenEveryPageOfAStepFailsTheNextStepIsPagedAtOnce() {
    // GIVEN every channel refuses pages to caregivers (400: not retryable)
    h.channels.values().forEach(c -> c.failingFor(r -> r.role().equals("caregiver"), 400));

    // WHEN the resident presses
    h.deliver(press("btn-0001", 1));

    // THEN the family is paged at once, without waiting for 60 s
    assertThat(h.clock.instant()).isEqualTo(EngineHarness.T0);
    assertThat(h.recipientsOf(1, 0)).isEqualTo(FAMILY);
    Incident incident = h.only();
    assertThat(incident.timeline()).extracting(TimelineEntry::action)
        .contains("page_failed", "step_unreachable");
    assertThat(incident.pages()).filteredOn(p -> p.step() == 0)
        .allSatisfy(p -> assertThat(p.status()).isEqualTo(DeliveryStatus.FAILED));
  }

  @Test
  void whenOnlySomeRecipientsOfAStepFailTheStepWaitsForItsDelay() {
    // GIVEN pages to one caregiver fail, to the other get through
    h.channels.values().forEach(c -> c.failingFor(r -> r.id().equals("cg-he"), 400));

    // WHEN the resident presses
    h.deliver(press("btn-0001", 1));

    // THEN the family is not paged before 60 s: someone was reached
    h.advance(Duration.ofSeconds(59));
    assertThat(h.recipientsOf(1, 0)).isEmpty();
  }

  @Test
  void stepWithNobodyToPageIsPassedOverAtOnce() {
    // GIVEN a household whose grid has no caregivers WHEN its resident presses
    h.deliver(press("btn-9001", 1));

    // THEN the family is paged at once and the record says why
    assertThat(h.recipientsOf(1, 0)).containsExactly("ct-9001-f");
    assertThat(h.only().timeline()).extracting(TimelineEntry::action)
        .containsSubsequence("raised", "nobody_reachable", "step_paged");
  }

  @Test
  void escalateSignalPagesTheNextStepNow() {
    // GIVEN a paged press
    h.deliver(press("btn-0001", 1));

    // WHEN things get worse at 5 s
    h.advance(Duration.ofSeconds(5));
    h.deliver(press("btn-0001", 200));

    // THEN the family is paged now, and the duty desk 120 s later (the gap between steps)
    assertThat(h.recipientsOf(1, 0)).isEqualTo(FAMILY);
    h.advance(Duration.ofSeconds(119));
    assertThat(h.recipientsOf(2, 0)).isEmpty();
    h.advance(Duration.ofSeconds(1));
    assertThat(h.recipientsOf(2, 0)).isEqualTo(DESK);
  }

  @Test
  void fireStartsAtTheDutyDesk() {
    // GIVEN the engine also runs the smoke rule
    // WHEN a smoke alarm goes off
    EngineHarness fire = h;
    fire.stop();
    h = new EngineHarness(fire.vertx, registry, AlertingConfig.defaults(),
        new InMemoryIncidentStore(), new MutableClock(EngineHarness.T0),
        List.of(FakeRules.smoke())).start();
    h.deliver(Messages.smoke(registry, "smk-0001", 1, h.clock.instant()));

    // THEN the duty desk and the caregivers are paged in the first step
    assertThat(h.recipientsOf(0, 0)).containsExactly("cg-he", "cg-wu", TestRegistry.DESK);
    assertThat(h.only().policy()).isEqualTo("fire_gas");
  }

  private DeviceMessage press(String button, long seq) {
    return Messages.press(registry, button, seq, h.clock.instant());
  }
}

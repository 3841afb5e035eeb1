package io.shouwang.alerting;

import static io.shouwang.alerting.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.rules.Rule;
import io.shouwang.alerting.rules.RuleOutput;
import io.shouwang.alerting.testing.FakeRules;
import io.shouwang.alerting.testing.InMemoryIncidentStore;
import io.shouwang.alerting.testing.Messages;
import io.shouwang.alerting.testing.MutableClock;
import io.shouwang.alerting.testing.TestRegistry;
import io.shouwang.schemas.v1.ButtonFeedback;
import io.shouwang.schemas.v1.Envelope;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IncidentLifecycleTest {

  private EngineHarness h;
  private InMemoryIncidentStore store;
  private FakeRules.Recording buttonConfirms;

  @BeforeEach
  void startEngine(Vertx vertx) {
    store = new InMemoryIncidentStore();
    var registry = TestRegistry.households(3);
    // A press with seq >= 100 stands for "the responder pressed the home's button".
    buttonConfirms = new FakeRules.Recording(m -> m.envelope().getPayloadCase()
        == Envelope.PayloadCase.EMERGENCY_BUTTON && m.envelope().getSeq() >= 100
        ? RuleOutput.of(FakeRules.signal(m, Signal.Kind.ON_SITE_BY_BUTTON,
            Cause.EMERGENCY_BUTTON, "button pressed on site"))
        : RuleOutput.NONE);
    h = new EngineHarness(vertx, registry, AlertingConfig.defaults(), store,
        new MutableClock(EngineHarness.T0), List.of(pressBelowSeq100(), buttonConfirms)).start();
  }

  @AfterEach
  void stopEngine() {
    h.stop();
  }

  @Test
  void pressRaisesAnIncidentAndPagesTheGridCaregiversAtOnce() {
    // GIVEN a running engine WHEN the resident presses the button
    h.deliver(press(1));

    // THEN one incident is paged at step 1 to both caregivers of the grid, on their channels
    Incident incident = h.only();
    assertThat(incident.state()).isEqualTo(IncidentState.PAGED);
    assertThat(incident.cause()).isEqualTo(Cause.EMERGENCY_BUTTON);
    assertThat(incident.currentStep()).isZero();
    assertThat(incident.timeline().get(0).action()).isEqualTo("raised");
    assertThat(incident.timeline().get(0).actor()).isEqualTo("device:btn-0001");
    assertThat(h.recipientsOf(0, 0)).containsExactly("cg-he", "cg-wu");
    assertThat(incident.pages()).extracting(PageRecord::channel)
        .containsOnly("sms", "webhook", "dashboard");
    assertThat(incident.pages()).allSatisfy(
        p -> assertThat(p.status()).isEqualTo(DeliveryStatus.SENT));
    assertThat(store.stored(incident.id())).isPresent();
  }

  @Test
  void acceptRecordsTheResponderAndEtaAndTellsTheButtonHelpIsComing() {
    // GIVEN a paged incident
    h.deliver(press(1));
    String id = h.only().id();

    // WHEN a caregiver accepts with a 10 minute ETA
    Incident accepted = await(h.engine.accept(id, "cg-wu", Duration.ofMinutes(10)));
    h.settle();

    // THEN it is accepted by them with an ETA, on the record, and the button was told
    assertThat(accepted.state()).isEqualTo(IncidentState.ACCEPTED);
    assertThat(accepted.acceptedBy()).isEqualTo("cg-wu");
    assertThat(accepted.eta()).isEqualTo(EngineHarness.T0.plus(Duration.ofMinutes(10)));
    assertThat(last(accepted)).satisfies(e -> {
      assertThat(e.action()).isEqualTo("accepted");
      assertThat(e.actor()).isEqualTo("cg-wu");
    });
    assertThat(h.commands.sent()).singleElement().satisfies(c -> {
      assertThat(c.deviceId()).isEqualTo("btn-0001");
      assertThat(c.command().getButtonFeedback().getSignal())
          .isEqualTo(ButtonFeedback.Signal.HELP_COMING);
    });
    assertThat(h.only().timeline()).extracting(TimelineEntry::action).contains("command_sent");
  }

  @Test
  void responderOnSiteThenResolveClosesTheIncidentWithOutcomeAndNote() {
    // GIVEN an accepted incident
    h.deliver(press(1));
    String id = h.only().id();
    await(h.engine.accept(id, "cg-wu", Duration.ofMinutes(10)));

    // WHEN the responder confirms on site and resolves it
    Incident onSite = await(h.engine.onSite(id, "cg-wu"));
    Incident resolved = await(h.engine.resolve(id, "cg-wu", "helped_up", "fell in kitchen"));

    // THEN each step is recorded, it is closed and still readable from the store
    assertThat(onSite.state()).isEqualTo(IncidentState.ON_SITE);
    assertThat(onSite.nextEscalationAt()).isNull();
    assertThat(resolved.state()).isEqualTo(IncidentState.RESOLVED);
    assertThat(last(resolved).detail()).isEqualTo("helped_up: fell in kitchen");
    assertThat(h.engine.openIncidents()).isEmpty();
    assertThat(h.incident(id).state()).isEqualTo(IncidentState.RESOLVED);
    assertThat(h.incident(id).timeline()).extracting(TimelineEntry::action)
        .containsSubsequence("raised", "step_paged", "accepted", "on_site", "resolved");
    // AND the resident's button heard each step: help coming, someone at the door, closed
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(h.commands.sent()).extracting(c -> c.command().getButtonFeedback().getSignal())
            .containsExactly(ButtonFeedback.Signal.HELP_COMING,
                ButtonFeedback.Signal.RESPONDER_ON_SITE, ButtonFeedback.Signal.CANCELLED));
    assertThat(h.commands.sent()).extracting(c -> c.command().getCommandId()).doesNotHaveDuplicates();
  }

  @Test
  void buttonPressWhileAcceptedConfirmsOnSite() {
    // GIVEN an accepted incident
    h.deliver(press(1));
    String id = h.only().id();
    await(h.engine.accept(id, "cg-he", Duration.ofMinutes(5)));

    // WHEN the home's button is pressed (the responder arrived)
    h.deliver(press(100));

    // THEN the incident is on site, confirmed by the device
    Incident incident = h.only();
    assertThat(incident.state()).isEqualTo(IncidentState.ON_SITE);
    assertThat(last(incident).actor()).isEqualTo("device:btn-0001");
  }

  @Test
  void anotherPressWhileAcceptedMeansTheResponderArrived() {
    // GIVEN an accepted emergency-button incident
    h.deliver(press(1));
    String id = h.only().id();
    await(h.engine.accept(id, "cg-he", Duration.ofMinutes(5)));

    // WHEN the button is pressed again: the rules raise as for any press
    h.deliver(press(2));

    // THEN the incident stage takes it as the responder's arrival, not as a new alarm
    Incident incident = h.only();
    assertThat(incident.state()).isEqualTo(IncidentState.ON_SITE);
    assertThat(last(incident).action()).isEqualTo("on_site");
  }

  @Test
  void buttonPressWhileNobodyAcceptedIsOnlyRecorded() {
    // GIVEN a paged incident nobody accepted
    h.deliver(press(1));

    // WHEN the ON_SITE_BY_BUTTON signal arrives
    h.deliver(press(100));

    // THEN the incident stays paged and the press is on the record
    assertThat(h.only().state()).isEqualTo(IncidentState.PAGED);
    assertThat(h.only().timeline()).extracting(TimelineEntry::action).contains("button_press");
  }

  @Test
  void cancelAsFalseAlarmClosesAPagedIncident() {
    // GIVEN a paged incident
    h.deliver(press(1));
    String id = h.only().id();

    // WHEN the duty desk cancels it as a false alarm
    Incident cancelled = await(h.engine.cancel(id, "desk-li", "false alarm, resident fine"));

    // THEN it is cancelled with actor and reason, and nothing escalates any more
    assertThat(cancelled.state()).isEqualTo(IncidentState.CANCELLED);
    assertThat(last(cancelled).actor()).isEqualTo("desk-li");
    h.advance(Duration.ofMinutes(10));
    assertThat(h.recipientsOf(1, 0)).isEmpty();
  }

  @Test
  void assignRecordsTheAssigneeWithoutStoppingEscalation() {
    // GIVEN a paged incident
    h.deliver(press(1));
    String id = h.only().id();

    // WHEN the duty desk assigns it
    Incident assigned = await(h.engine.assign(id, "desk-li", "cg-he"));

    // THEN the assignee is recorded and step 2 still follows at 60 s
    assertThat(assigned.assignee()).isEqualTo("cg-he");
    assertThat(last(assigned).action()).isEqualTo("assigned");
    h.advance(Duration.ofSeconds(60));
    assertThat(h.recipientsOf(1, 0)).containsExactly("ct-0001-f");
  }

  @Test
  void illegalTransitionsAreRefusedWithAClearReason() {
    // GIVEN a paged incident
    h.deliver(press(1));
    String id = h.only().id();

    // WHEN / THEN on site and resolve before acceptance are refused
    assertRefused(() -> await(h.engine.onSite(id, "cg-wu")),
        IncidentException.Reason.ILLEGAL_TRANSITION, "only an accepted incident");
    assertRefused(() -> await(h.engine.resolve(id, "cg-wu", "ok", "")),
        IncidentException.Reason.ILLEGAL_TRANSITION, "only an incident with someone on site");
    // a second responder cannot take over an acceptance
    await(h.engine.accept(id, "cg-wu", Duration.ofMinutes(10)));
    assertRefused(() -> await(h.engine.accept(id, "cg-he", Duration.ofMinutes(3))),
        IncidentException.Reason.ILLEGAL_TRANSITION, "already accepted by cg-wu");
    // closed incidents take no more actions
    await(h.engine.cancel(id, "desk-li", "false alarm"));
    assertRefused(() -> await(h.engine.accept(id, "cg-wu", Duration.ofMinutes(1))),
        IncidentException.Reason.ILLEGAL_TRANSITION, "already CANCELLED");
    // and bad input is refused before anything happens
    assertRefused(() -> await(h.engine.accept("inc-nope", "cg-wu", Duration.ofMinutes(1))),
        IncidentException.Reason.NOT_FOUND, "no open incident inc-nope");
    assertRefused(() -> await(h.engine.accept(id, "cg-wu", Duration.ZERO)),
        IncidentException.Reason.INVALID_ARGUMENT, "eta");
    assertRefused(() -> await(h.engine.cancel(id, " ", "x")),
        IncidentException.Reason.INVALID_ARGUMENT, "actorId");
  }

  @Test
  void sameResponderAcceptingAgainUpdatesTheEta() {
    // GIVEN an incident accepted with a 10 minute ETA
    h.deliver(press(1));
    String id = h.only().id();
    await(h.engine.accept(id, "cg-wu", Duration.ofMinutes(10)));

    // WHEN the same responder accepts again with 20 minutes
    Incident updated = await(h.engine.accept(id, "cg-wu", Duration.ofMinutes(20)));

    // THEN the ETA moves and the change is recorded
    assertThat(updated.eta()).isEqualTo(EngineHarness.T0.plus(Duration.ofMinutes(20)));
    assertThat(last(updated).action()).isEqualTo("eta_updated");
  }

  private static void assertRefused(Runnable action, IncidentException.Reason reason,
      String message) {
    assertThatThrownBy(action::run).isInstanceOfSatisfying(IncidentException.class, e -> {
      assertThat(e.reason()).isEqualTo(reason);
      assertThat(e.getMessage()).contains(message);
    });
  }

  private static TimelineEntry last(Incident incident) {
    return incident.timeline().get(incident.timeline().size() - 1);
  }

  private DeviceMessage press(long seq) {
    return Messages.press(h.registry, "btn-0001", seq, h.clock.instant());
  }

  private static Rule pressBelowSeq100() {
    Rule press = FakeRules.press();
    return new Rule() {
      @Override
      public RuleOutput onMessage(DeviceMessage message) {
        return message.envelope().getSeq() >= 100 ? RuleOutput.NONE : press.onMessage(message);
      }

      @Override
      public RuleOutput onTick(Instant now) {
        return RuleOutput.NONE;
      }
    };
  }
}

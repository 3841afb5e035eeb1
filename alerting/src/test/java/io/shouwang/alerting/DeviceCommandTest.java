package io.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.rules.RuleOutput;
import io.shouwang.alerting.testing.FakeRules;
import io.shouwang.alerting.testing.InMemoryIncidentStore;
import io.shouwang.alerting.testing.Messages;
import io.shouwang.alerting.testing.MutableClock;
import io.shouwang.alerting.testing.TestRegistry;
import io.shouwang.registry.Registry;
import io.shouwang.schemas.v1.Command;
import io.shouwang.schemas.v1.ValveCommand;
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

/** Commands from rules (a stand-in gas rule: smoke raises FIRE and closes the valve). */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeviceCommandTest {

  private Registry registry;
  private EngineHarness h;

  @BeforeEach
  void startEngine(Vertx vertx) {
    registry = TestRegistry.households(3);
    FakeRules.Recording closeValve = new FakeRules.Recording(m -> {
      RuleOutput raise = FakeRules.smoke().onMessage(m);
      if (raise.isEmpty()) {
        return raise;
      }
      Command close = Command.newBuilder().setCommandId("cmd-1").setDeviceId("vlv-0001")
          .setValve(ValveCommand.newBuilder().setAction(ValveCommand.Action.CLOSE)).build();
      return new RuleOutput(raise.signals(), List.of(new DeviceCommand("vlv-0001", close)));
    });
    h = new EngineHarness(vertx, registry, AlertingConfig.defaults(), new InMemoryIncidentStore(),
        new MutableClock(EngineHarness.T0), List.of(closeValve));
  }

  @AfterEach
  void stopEngine() {
    h.stop();
  }

  @Test
  void failedCommandIsRetriedWithBackoffAndItsDeliveryRecorded() {
    // GIVEN a broker that refuses the first two publishes
    h.commands.failingFirst(2);
    h.start();

    // WHEN smoke makes the rule close the valve, and time passes
    h.deliver(Messages.smoke(registry, "smk-0001", 1, EngineHarness.T0));
    h.advance(Duration.ofSeconds(10));

    // THEN the command was tried three times (0 s, 1 s, 3 s) and is on the incident's record
    assertThat(h.commands.sent()).hasSize(3)
        .allSatisfy(c -> assertThat(c.command().getCommandId()).isEqualTo("cmd-1"));
    assertThat(h.only().timeline()).filteredOn(e -> e.action().equals("command_sent"))
        .singleElement().satisfies(e -> assertThat(e.detail()).contains("valve CLOSE",
            "vlv-0001", "attempt 3"));
  }

  @Test
  void commandThatNeverGetsThroughIsRecordedAsFailed() {
    // GIVEN a broker that refuses every publish
    h.commands.failingFirst(100);
    h.start();

    // WHEN the rule closes the valve and retries run out
    h.deliver(Messages.smoke(registry, "smk-0001", 1, EngineHarness.T0));
    h.advance(Duration.ofMinutes(2));

    // THEN the failure is on the incident's record
    assertThat(h.commands.sent()).hasSize(5);
    assertThat(h.only().timeline()).extracting(TimelineEntry::action)
        .contains("command_failed").doesNotContain("command_sent");
  }
}

package io.shouwang.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.v1.Command;
import io.shouwang.schemas.v1.EmergencyButton;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.GasDetector;
import io.shouwang.schemas.v1.GasValve;
import io.shouwang.schemas.v1.ValveCommand;
import io.shouwang.sim.cli.SimCli;
import io.shouwang.sim.device.GasValveActor;
import io.shouwang.sim.mqtt.BrokerOptions;
import io.shouwang.sim.registry.GenerationSettings;
import io.shouwang.sim.registry.Household;
import io.shouwang.sim.registry.RegistryGenerator;
import io.shouwang.sim.run.Fleet;
import io.shouwang.sim.run.FleetOptions;
import io.shouwang.sim.testing.EmbeddedBrokerExtension;
import io.shouwang.sim.testing.Recorder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ScenarioIT {

  @RegisterExtension static final EmbeddedBrokerExtension broker = new EmbeddedBrokerExtension();

  private static final Pacer NO_WAIT = d -> {};

  private ScenarioSettings settings(GasValveActor.Behaviour stuck, Duration commandTimeout) {
    return new ScenarioSettings(
        Duration.ofSeconds(10), null, 3, stuck, Duration.ofMillis(100), commandTimeout, null, 2000);
  }

  private Fleet fleet(Household household) throws Exception {
    BrokerOptions options =
        new BrokerOptions(broker.uri(), null, null, 3, Duration.ofSeconds(10), 10, true);
    return Fleet.connect(
        household.devices(), new FleetOptions(options, 0, "t", 1, 1, Clock.systemUTC()));
  }

  private static Household withGas(long seed) {
    return RegistryGenerator.households(new GenerationSettings(1, 8, 0, 0, seed)).get(0);
  }

  @Test
  void gasLeakEndsWithTheValveClosedAndTheGasBackToNormalWhenTheBackendSendsClose()
      throws Exception {
    // GIVEN a household with gas detector and valve, and a backend that closes the valve on ALARM
    Household household = withGas(3);
    String gas =
        household.devices().stream()
            .filter(d -> d.id().startsWith("gas-"))
            .findFirst()
            .orElseThrow()
            .id();
    String valve =
        household.devices().stream()
            .filter(d -> d.id().startsWith("vlv-"))
            .findFirst()
            .orElseThrow()
            .id();
    try (Fleet fleet = fleet(household);
        Recorder backend = new Recorder(broker.uri())) {
      Scenario scenario = Scenarios.named("gas-leak").orElseThrow();
      StringWriter steps = new StringWriter();
      ScenarioContext context =
          new ScenarioContext(
              fleet,
              household,
              settings(GasValveActor.Behaviour.IGNORE, Duration.ofSeconds(30)),
              new StepLog(new PrintWriter(steps, true), Clock.systemUTC()),
              NO_WAIT);
      scenario.prepare(context);
      CompletableFuture<Void> backendReaction =
          CompletableFuture.runAsync(
              () -> {
                await()
                    .atMost(Duration.ofSeconds(30))
                    .until(
                        () ->
                            backend.from(gas).stream()
                                .anyMatch(
                                    e -> e.getGasDetector().getAlarm() == GasDetector.Alarm.ALARM));
                try {
                  backend.send(
                      Command.newBuilder()
                          .setCommandId("close-1")
                          .setDeviceId(valve)
                          .setValve(ValveCommand.newBuilder().setAction(ValveCommand.Action.CLOSE))
                          .build(),
                      Encoding.PROTOBUF);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });

      // WHEN the story plays
      scenario.play(context);
      backendReaction.get(30, TimeUnit.SECONDS);

      // THEN the valve closed for that command and the detector went back to NORMAL with low %LEL
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                assertThat(backend.from(valve))
                    .anyMatch(
                        e ->
                            e.getGasValve().getState() == GasValve.State.CLOSED
                                && e.getGasValve().getCommandId().equals("close-1"));
                List<Envelope> readings =
                    backend.from(gas).stream()
                        .sorted(Comparator.comparingLong(Envelope::getSeq))
                        .toList();
                assertThat(readings.get(readings.size() - 1).getGasDetector().getLelPercent())
                    .isLessThan(1f);
                assertThat(readings)
                    .anyMatch(
                        e ->
                            e.hasGasDetector()
                                && e.getGasDetector().getAlarm() == GasDetector.Alarm.NORMAL
                                && e.getGasDetector().getLelPercent() > 1f);
              });
      assertThat(steps.toString()).contains("valve closed");
    }
  }

  @Test
  void gasLeakFailsClearlyWhenNoBackendSendsClose() throws Exception {
    Household household = withGas(4);
    try (Fleet fleet = fleet(household)) {
      Scenario scenario = Scenarios.named("gas-leak").orElseThrow();
      ScenarioContext context =
          new ScenarioContext(
              fleet,
              household,
              settings(GasValveActor.Behaviour.IGNORE, Duration.ofMillis(300)),
              new StepLog(new PrintWriter(new StringWriter(), true), Clock.systemUTC()),
              NO_WAIT);
      scenario.prepare(context);

      assertThatThrownBy(() -> scenario.play(context))
          .isInstanceOf(ScenarioFailure.class)
          .hasMessageContaining("received no CLOSE");
    }
  }

  @Test
  void pressAndCancelArriveAsEventsAndTheButtonConfirmsFeedback() throws Exception {
    try (Recorder backend = new Recorder(broker.uri())) {
      StringWriter out = new StringWriter();

      int exit =
          SimCli.execute(
              new String[] {
                "scenario",
                "press",
                "--broker",
                broker.uri(),
                "--households",
                "2",
                "--seed",
                "5",
                "--cancel-after",
                "1s",
                "--speedup",
                "10",
                "--linger",
                "0"
              },
              new PrintWriter(out, true),
              new PrintWriter(new StringWriter(), true));

      assertThat(exit).isZero();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(backend.from("btn-0001"))
                      .extracting(e -> e.getEmergencyButton().getAction())
                      .containsExactly(
                          EmergencyButton.Action.PRESS, EmergencyButton.Action.CANCEL));
      assertThat(backend.all()).allMatch(r -> r.topic().startsWith("shouwang/v1/event/btn-0001"));
      assertThat(out.toString()).contains("resident presses btn-0001").contains("resident cancels");
    }
  }

  @Test
  void malformedBurstPublishesEveryKindOfBadMessage() throws Exception {
    try (Recorder backend = new Recorder(broker.uri())) {
      StringWriter out = new StringWriter();

      int exit =
          SimCli.execute(
              new String[] {
                "scenario",
                "malformed-burst",
                "--broker",
                broker.uri(),
                "--households",
                "1",
                "--count",
                "9",
                "--oversize-bytes",
                "5000",
                "--linger",
                "0"
              },
              new PrintWriter(out, true),
              new PrintWriter(new StringWriter(), true));

      assertThat(exit).isZero();
      // nine kinds, the duplicate sent twice
      await().atMost(Duration.ofSeconds(20)).until(() -> backend.all().size() >= 10);
      assertThat(backend.all()).hasSize(10);
      assertThat(backend.all())
          .anyMatch(r -> r.topic().contains("ghost-"))
          .anyMatch(r -> r.topic().endsWith("/json"))
          .anyMatch(r -> r.payload().length > 5000);
      for (String kind :
          List.of(
              "GARBAGE_BYTES",
              "TRUNCATED_PROTOBUF",
              "INVALID_JSON",
              "OVERSIZED",
              "IMPOSSIBLE_VALUES",
              "SPOOFED_DEVICE_ID",
              "DUPLICATE_SEQ",
              "CLOCK_SKEW",
              "UNKNOWN_DEVICE")) {
        assertThat(out.toString()).contains(kind);
      }
    }
  }
}

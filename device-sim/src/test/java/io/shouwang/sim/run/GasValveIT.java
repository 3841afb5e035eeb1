package io.shouwang.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.v1.Command;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.GasValve;
import io.shouwang.schemas.v1.ValveCommand;
import io.shouwang.sim.device.DeviceLife;
import io.shouwang.sim.device.GasValveActor;
import io.shouwang.sim.mqtt.BrokerOptions;
import io.shouwang.sim.registry.DeviceKind;
import io.shouwang.sim.registry.DeviceSpec;
import io.shouwang.sim.registry.Protocol;
import io.shouwang.sim.testing.EmbeddedBrokerExtension;
import io.shouwang.sim.testing.Recorder;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GasValveIT {

  @RegisterExtension static final EmbeddedBrokerExtension broker = new EmbeddedBrokerExtension();
  private static int valves;

  private final Queue<String> narration = new ConcurrentLinkedQueue<>();

  /** A simulated valve on a connection of its own, and a backend stand-in recording it. */
  private record Rig(String id, Fleet fleet, Recorder backend) implements AutoCloseable {

    /** Waits until the valve has sent exactly these results and state changes, in this order. */
    void awaitRecorded(String... expected) {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(recorded()).containsExactly(expected));
    }

    /** The valve's results and state changes as short strings, in the order the valve sent them. */
    List<String> recorded() {
      return backend.from(id).stream()
          .filter(e -> e.hasCommandResult() || e.hasGasValve())
          .sorted(Comparator.comparingLong(Envelope::getSeq))
          .map(
              e ->
                  e.hasCommandResult()
                      ? "result "
                          + e.getCommandResult().getStatus()
                          + " "
                          + e.getCommandResult().getCommandId()
                      : "valve "
                          + e.getGasValve().getState()
                          + " "
                          + e.getGasValve().getCommandId())
          .toList();
    }

    @Override
    public void close() throws MqttException {
      try {
        backend.close();
      } finally {
        fleet.close();
      }
    }
  }

  /** Connects a valve that behaves as told, then the backend stand-in. */
  private Rig rig(
      String id, Encoding encoding, Protocol protocol, GasValveActor.Behaviour behaviour)
      throws Exception {
    DeviceSpec spec = new DeviceSpec(id, "hh-0001", DeviceKind.GAS_VALVE, encoding, protocol, null);
    BrokerOptions options =
        new BrokerOptions(broker.uri(), null, null, 3, Duration.ofSeconds(10), 10, true);
    Fleet fleet =
        Fleet.connect(List.of(spec), new FleetOptions(options, 0, "t", 1, 1, Clock.systemUTC()));
    try {
      DeviceLife life = fleet.life(id);
      fleet.attach(
          id,
          new GasValveActor(
              life, fleet, narration::add, fleet.scheduler(), Duration.ofMillis(200), behaviour));
      return new Rig(id, fleet, new Recorder(broker.uri()));
    } catch (Exception | Error e) {
      fleet.close();
      throw e;
    }
  }

  private static Command close(String valveId, String commandId) {
    return Command.newBuilder()
        .setCommandId(commandId)
        .setDeviceId(valveId)
        .setValve(ValveCommand.newBuilder().setAction(ValveCommand.Action.CLOSE))
        .build();
  }

  @ParameterizedTest
  @CsvSource({"PROTOBUF, MQTT5", "JSON, MQTT5", "PROTOBUF, MQTT311", "JSON, MQTT311"})
  void valveObeysCloseWithAcceptedMovingClosedAndDone(Encoding encoding, Protocol protocol)
      throws Exception {
    // GIVEN an obedient valve and a backend stand-in
    String id = "vlv-" + (100 + valves++);
    try (Rig rig = rig(id, encoding, protocol, GasValveActor.Behaviour.OBEY)) {
      // WHEN the backend sends CLOSE on the valve's command topic
      rig.backend().send(close(id, "cmd-42"), encoding);

      // THEN the valve accepts, moves, reports CLOSED with the command id, and is done
      rig.awaitRecorded(
          "result ACCEPTED cmd-42",
          "valve MOVING cmd-42",
          "valve CLOSED cmd-42",
          "result DONE cmd-42");
      assertThat(rig.fleet().life(id).valveState()).isEqualTo(GasValve.State.CLOSED);
    }
  }

  @Test
  void stuckValveIgnoresTheCommand() throws Exception {
    String id = "vlv-stuck-1";
    try (Rig rig = rig(id, Encoding.PROTOBUF, Protocol.MQTT5, GasValveActor.Behaviour.IGNORE)) {
      rig.backend().send(close(id, "cmd-7"), Encoding.PROTOBUF);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> narration.stream().anyMatch(n -> n.contains("ignores command cmd-7")));

      // A heartbeat sent afterwards on the same connection arrives after anything the valve did.
      DeviceLife life = rig.fleet().life(id);
      rig.fleet().send(life.device(), MessageClass.TELEMETRY, life.heartbeat());
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> rig.backend().from(id).stream().anyMatch(Envelope::hasHeartbeat));

      assertThat(rig.recorded()).isEmpty();
      assertThat(life.valveState()).isEqualTo(GasValve.State.OPEN);
    }
  }

  @Test
  void jammedValveReportsFaultAndFailed() throws Exception {
    String id = "vlv-jam-1";
    try (Rig rig = rig(id, Encoding.JSON, Protocol.MQTT5, GasValveActor.Behaviour.FAULT)) {
      rig.backend().send(close(id, "cmd-9"), Encoding.JSON);

      rig.awaitRecorded(
          "result ACCEPTED cmd-9",
          "valve MOVING cmd-9",
          "valve FAULT cmd-9",
          "result FAILED cmd-9");
      assertThat(rig.backend().from(id))
          .filteredOn(e -> e.getGasValve().getState() == GasValve.State.FAULT)
          .extracting(e -> e.getGasValve().getFault())
          .containsExactly("JAMMED");
      assertThat(rig.fleet().life(id).valveState()).isEqualTo(GasValve.State.FAULT);
    }
  }

  @Test
  void commandForAnotherDeviceIsRejected() throws Exception {
    String id = "vlv-other-1";
    try (Rig rig = rig(id, Encoding.PROTOBUF, Protocol.MQTT5, GasValveActor.Behaviour.OBEY)) {
      Command misaddressed = close("vlv-somebody-else", "cmd-x");
      rig.backend().send(misaddressed.toBuilder().build(), Encoding.PROTOBUF, id);

      rig.awaitRecorded("result REJECTED cmd-x");
      assertThat(rig.fleet().life(id).valveState()).isEqualTo(GasValve.State.OPEN);
    }
  }
}

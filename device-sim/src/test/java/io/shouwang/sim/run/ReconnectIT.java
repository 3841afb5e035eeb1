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
import io.shouwang.sim.mqtt.BrokerOptions;
import io.shouwang.sim.registry.DeviceKind;
import io.shouwang.sim.registry.DeviceSpec;
import io.shouwang.sim.registry.Protocol;
import io.shouwang.sim.testing.EmbeddedBroker;
import io.shouwang.sim.testing.Recorder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReconnectIT {

  @TempDir Path dir;

  @Test
  void devicesReconnectAfterTheBrokerRestartsAndKeepTheirCommandSubscriptions() throws Exception {
    // GIVEN valves on both protocols, connected
    List<DeviceSpec> valves =
        List.of(
            new DeviceSpec(
                "vlv-0005",
                "hh-0001",
                DeviceKind.GAS_VALVE,
                Encoding.PROTOBUF,
                Protocol.MQTT5,
                null),
            new DeviceSpec(
                "vlv-0006",
                "hh-0001",
                DeviceKind.GAS_VALVE,
                Encoding.PROTOBUF,
                Protocol.MQTT311,
                null));
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir)) {
      BrokerOptions options =
          new BrokerOptions(broker.uri(), null, null, 3, Duration.ofSeconds(5), 10, true);
      try (Fleet fleet =
          Fleet.connect(valves, new FleetOptions(options, 0, "t", 1, 1, Clock.systemUTC()))) {
        fleet.attachDefaultActors(Duration.ofMillis(100), s -> {});

        // WHEN the broker goes away and comes back
        broker.restart();

        // THEN after the automatic reconnect each valve still obeys its command topic
        try (Recorder backend = new Recorder(broker.uri())) {
          for (DeviceSpec valve : valves) {
            await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                    () -> {
                      // A command sent before the resubscription is lost (clean session): send
                      // again until obeyed.
                      backend.send(
                          Command.newBuilder()
                              .setCommandId("c-" + valve.id())
                              .setDeviceId(valve.id())
                              .setValve(
                                  ValveCommand.newBuilder().setAction(ValveCommand.Action.CLOSE))
                              .build(),
                          Encoding.PROTOBUF);
                      assertThat(backend.from(valve.id()))
                          .anyMatch(
                              e ->
                                  e.getGasValve().getState() == GasValve.State.CLOSED
                                      && e.getGasValve().getCommandId().equals("c-" + valve.id()));
                    });
            DeviceLife life = fleet.life(valve.id());
            fleet.send(life.device(), MessageClass.TELEMETRY, life.heartbeat());
            await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> backend.from(valve.id()).stream().anyMatch(Envelope::hasHeartbeat));
          }
        }
      }
    }
  }
}

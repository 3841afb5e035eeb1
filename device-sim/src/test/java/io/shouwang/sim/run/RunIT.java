package io.shouwang.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.Topic;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.sim.cli.SimCli;
import io.shouwang.sim.registry.DeviceSpec;
import io.shouwang.sim.registry.GenerationSettings;
import io.shouwang.sim.registry.Protocol;
import io.shouwang.sim.registry.RegistryGenerator;
import io.shouwang.sim.testing.EmbeddedBrokerExtension;
import io.shouwang.sim.testing.Recorder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RunIT {

  @TempDir static Path dir;

  @RegisterExtension static final EmbeddedBrokerExtension broker = new EmbeddedBrokerExtension();

  @Test
  void everyDevicePublishesDecodableMessagesOnItsOwnTopicsInBothEncodingsAndProtocols()
      throws Exception {
    // GIVEN a registry whose devices mix protobuf/JSON and MQTT 5/3.1.1, and a subscriber
    GenerationSettings settings = new GenerationSettings(3, 8, 0.5, 0.5, 11);
    Path registry = dir.resolve("registry.yaml");
    Files.writeString(registry, RegistryGenerator.yaml(settings));
    List<DeviceSpec> devices =
        RegistryGenerator.households(settings).stream().flatMap(h -> h.devices().stream()).toList();
    assertThat(devices).extracting(DeviceSpec::encoding).contains(Encoding.JSON, Encoding.PROTOBUF);
    assertThat(devices).extracting(DeviceSpec::protocol).contains(Protocol.MQTT311, Protocol.MQTT5);
    try (Recorder recorder = new Recorder(broker.uri())) {
      StringWriter out = new StringWriter();

      // WHEN run simulates the registry for a few seconds with short intervals
      int exit =
          SimCli.execute(
              new String[] {
                "run",
                "--broker",
                broker.uri(),
                "--registry",
                registry.toString(),
                "--duration",
                "4s",
                "--qos-telemetry",
                "1",
                "--heartbeat-interval",
                "300ms",
                "--level-interval",
                "300ms",
                "--motion-interval",
                "300ms",
                "--vitals-interval",
                "300ms"
              },
              new PrintWriter(out, true),
              new PrintWriter(new StringWriter(), true));

      // THEN it ends cleanly, and every device's heartbeat and each kind's telemetry arrived
      assertThat(exit).isZero();
      assertThat(out.toString())
          .contains("simulating " + devices.size() + " devices in 3 households");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                Map<String, List<Envelope>> byDevice =
                    recorder.all().stream()
                        .collect(
                            Collectors.groupingBy(
                                r -> r.parsedTopic().deviceId(),
                                Collectors.mapping(
                                    Recorder.Received::envelope, Collectors.toList())));
                for (DeviceSpec d : devices) {
                  assertThat(byDevice.get(d.id()))
                      .as(d.id())
                      .isNotNull()
                      .anyMatch(Envelope::hasHeartbeat);
                }
                assertThat(recorder.all())
                    .anyMatch(r -> r.envelope().hasMotion())
                    .anyMatch(r -> r.envelope().hasHealth())
                    .anyMatch(r -> r.envelope().hasSmokeAlarm())
                    .anyMatch(r -> r.envelope().hasGasDetector())
                    .anyMatch(r -> r.envelope().hasGasValve());
              });

      for (Recorder.Received r : recorder.all()) {
        Topic topic = r.parsedTopic();
        Envelope e = r.envelope();
        DeviceSpec spec =
            devices.stream().filter(d -> d.id().equals(topic.deviceId())).findFirst().orElseThrow();
        assertThat(e.getDeviceId()).isEqualTo(topic.deviceId());
        assertThat(topic.encoding()).isEqualTo(spec.encoding());
        assertThat(topic.messageClass())
            .isEqualTo(e.hasDoorContact() ? MessageClass.EVENT : MessageClass.TELEMETRY);
        assertThat(e.getSeq()).isPositive();
        assertThat(e.getBootId()).isPositive();
        assertThat(e.hasDeviceTime()).isTrue();
      }
      // seq grows by one per message of a device: none lost, none repeated (all at QoS 1)
      for (DeviceSpec d : devices) {
        List<Long> seqs = recorder.from(d.id()).stream().map(Envelope::getSeq).sorted().toList();
        assertThat(seqs.get(0)).isEqualTo(1);
        for (int i = 1; i < seqs.size(); i++) {
          assertThat(seqs.get(i)).as(d.id()).isEqualTo(seqs.get(i - 1) + 1);
        }
      }
    }
  }
}

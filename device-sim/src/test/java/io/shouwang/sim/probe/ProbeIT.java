package io.shouwang.sim.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.v1.EmergencyButton;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.SmokeAlarm;
import io.shouwang.sim.cli.SimCli;
import io.shouwang.sim.testing.EmbeddedBrokerExtension;
import io.shouwang.sim.testing.Recorder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ProbeIT {

  @TempDir static Path dir;

  @RegisterExtension static final EmbeddedBrokerExtension broker = new EmbeddedBrokerExtension();

  @Test
  void everyPressComesFromItsOwnHouseholdAndIsTimedAgainstThePlainSubscriber() throws Exception {
    try (Recorder recorder = new Recorder(broker.uri())) {
      // GIVEN 30 generated households
      Path csv = dir.resolve("presses.csv");
      StringWriter out = new StringWriter();

      // WHEN 3 warm-up presses and 10 measured ones go out at 100/s
      int exit = SimCli.execute(new String[] {
          "probe", "--broker", broker.uri(), "--households", "30", "--alarm", "press",
          "--count", "10", "--warmup", "3", "--rate", "100", "--out", csv.toString()},
          new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));

      // THEN the CSV holds the 10 measured presses, each heard by the subscriber after it left
      assertThat(exit).isZero();
      List<String> lines = Files.readAllLines(csv);
      assertThat(lines.get(0)).isEqualTo(ProbeRecord.csvHeader());
      assertThat(lines).hasSize(11);
      assertThat(lines.subList(1, 11)).allSatisfy(line -> {
        String[] f = line.split(",");
        assertThat(Long.parseLong(f[3])).isGreaterThanOrEqualTo(Long.parseLong(f[2]));
      });
      assertThat(lines.subList(1, 11)).extracting(l -> l.split(",")[1]).doesNotHaveDuplicates();
      assertThat(out.toString()).contains("subscriber received 10 of 10 measured");

      // AND the broker carried 13 presses, one per button, each a fresh boot's first message
      Awaitility.await().atMost(Duration.ofSeconds(20))
          .until(() -> presses(recorder).size() == 13);
      assertThat(presses(recorder)).extracting(Envelope::getDeviceId).doesNotHaveDuplicates();
      assertThat(presses(recorder)).extracting(Envelope::getSeq).containsOnly(1L);
    }
  }

  @Test
  void smokeStormSkipsTheHouseholdsItIsToldTo() throws Exception {
    try (Recorder recorder = new Recorder(broker.uri())) {
      // WHEN 5 smoke alarms go off at once after leaving out the first 4 households with one
      int exit = SimCli.execute(new String[] {
          "probe", "--broker", broker.uri(), "--households", "30", "--alarm", "smoke",
          "--count", "5", "--skip", "4", "--rate", "1000"},
          new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));

      // THEN five alarms arrive, none from the first four smoke alarms
      assertThat(exit).isZero();
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> alarms(recorder).size() == 5);
      assertThat(alarms(recorder)).extracting(Envelope::getDeviceId)
          .doesNotContain("smk-0001", "smk-0002", "smk-0003", "smk-0004");
    }
  }

  @Test
  void askingForMoreHouseholdsThanHaveTheDeviceIsAUsageError() {
    StringWriter err = new StringWriter();
    int exit = SimCli.execute(new String[] {
        "probe", "--broker", broker.uri(), "--households", "3", "--count", "5"},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("only 3 households");
  }

  private static List<Envelope> presses(Recorder recorder) {
    return recorder.all().stream()
        .filter(r -> r.parsedTopic().messageClass() == MessageClass.EVENT)
        .map(Recorder.Received::envelope)
        .filter(e -> e.getEmergencyButton().getAction() == EmergencyButton.Action.PRESS)
        .toList();
  }

  private static List<Envelope> alarms(Recorder recorder) {
    return recorder.all().stream()
        .filter(r -> r.parsedTopic().messageClass() == MessageClass.EVENT)
        .map(Recorder.Received::envelope)
        .filter(e -> e.getSmokeAlarm().getEvent() == SmokeAlarm.Event.ALARM)
        .toList();
  }
}

package io.shouwang.gateway.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shouwang.gateway.storage.DeviceTags;
import io.shouwang.gateway.storage.PointMapper;
import io.shouwang.gateway.storage.TimeSeriesSchema.Measurement;
import io.shouwang.gateway.storage.influx.InfluxDbConfig;
import io.shouwang.gateway.storage.influx.InfluxDbStore;
import io.shouwang.schemas.v1.EmergencyButton;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.GasDetector;
import io.shouwang.schemas.v1.HealthReading;
import io.shouwang.schemas.v1.ServiceButton;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** QuestDB in-process: tables from the schema, dedup, escaping round trip, restart, quiet ports. */
@Timeout(300)
class EmbeddedTimeSeriesIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final Instant AT = Instant.parse("2026-11-21T08:00:00.123456789Z");

  @TempDir static Path root;
  private static EmbeddedTimeSeries questdb;
  private static InfluxDbStore store;

  @BeforeAll
  static void start() {
    questdb = new EmbeddedTimeSeries(root, "127.0.0.1", 0);
    questdb.start();
    store = new InfluxDbStore(InfluxDbConfig.of(questdb.url(), "shouwang", "shouwang", ""));
  }

  @AfterAll
  static void stop() {
    store.close();
    questdb.stop();
  }

  @Test
  void createsOneWalTableWithDedupPerMeasurement() {
    List<List<Object>> tables =
        questdb.query("SELECT table_name, walEnabled, dedup, designatedTimestamp FROM tables()");

    for (Measurement measurement : Measurement.values()) {
      assertThat(tables).contains(List.of(measurement.measurementName(), true, true, "timestamp"));
    }
  }

  @Test
  void aPointWrittenTwiceIsStoredOnce() throws Exception {
    String line = PointMapper.toLine(press(1), tags("dedup-1"), AT, false).orElseThrow();

    store.write(List.of(line, line));
    store.write(List.of(line));

    await().atMost(PATIENCE).until(() -> count("emergency_button", "dedup-1") >= 1);
    assertThat(count("emergency_button", "dedup-1")).isEqualTo(1);
  }

  @Test
  void nastyTagsAndStringsComeBackAsWritten() throws Exception {
    DeviceTags nasty = new DeviceTags("Sunny Hills, Block=A", "网格 3", "O\"Brien\\flat", "kind",
        "nasty-1");
    Envelope service = Envelope.newBuilder().setSeq(5).setBootId(2)
        .setServiceButton(ServiceButton.newBuilder().setServiceCode("PL\"UM\\B\nING")).build();

    store.write(List.of(PointMapper.toLine(service, nasty, AT, true).orElseThrow()));

    await().atMost(PATIENCE).until(() -> count("service_button", "nasty-1") == 1);
    assertThat(questdb.query("SELECT community, grid, household, service_code, seq, boot_id,"
            + " clock_skewed, timestamp FROM service_button WHERE device_id = 'nasty-1'"))
        .containsExactly(List.of("Sunny Hills, Block=A", "网格 3", "O\"Brien/flat", "PL\"UM\\B ING",
            5, 2, true, "2026-11-21T08:00:00.123456789Z"));
  }

  @Test
  void acceptsAWholeNumberAndThenAFractionInTheSameFieldBecauseBothAreFloats() throws Exception {
    Envelope whole = Envelope.newBuilder().setSeq(1)
        .setGasDetector(GasDetector.newBuilder().setLelPercent(3f)).build();
    Envelope fraction = Envelope.newBuilder().setSeq(2)
        .setGasDetector(GasDetector.newBuilder().setLelPercent(3.5f)).build();
    Envelope health = Envelope.newBuilder().setSeq(3)
        .setHealth(HealthReading.newBuilder().setHeartRateBpm(70f)).build();

    store.write(List.of(
        PointMapper.toLine(whole, tags("types-1"), AT, false).orElseThrow(),
        PointMapper.toLine(fraction, tags("types-1"), AT.plusSeconds(1), false).orElseThrow(),
        PointMapper.toLine(health, tags("types-1"), AT, false).orElseThrow()));

    await().atMost(PATIENCE).until(() -> count("gas_detector", "types-1") == 2);
    assertThat(questdb.query(
            "SELECT lel_percent FROM gas_detector WHERE device_id = 'types-1' ORDER BY timestamp"))
        .containsExactly(List.of(3.0), List.of(3.5));
  }

  @Test
  void restartsOnTheSamePortWithItsDataAndListensOnNothingElse() throws Exception {
    int port = questdb.httpPort();
    store.write(List.of(PointMapper.toLine(press(9), tags("restart-1"), AT, false).orElseThrow()));
    await().atMost(PATIENCE).until(() -> count("emergency_button", "restart-1") == 1);

    questdb.stop();
    assertThat(store.ping()).isFalse();
    questdb.start();

    assertThat(questdb.httpPort()).isEqualTo(port);
    assertThat(store.ping()).isTrue();
    assertThat(count("emergency_button", "restart-1")).isEqualTo(1);
    assertThat(listeningPortsOfThisProcess()).containsOnly(port);
  }

  @Test
  void aFixedPortIsFreeAgainOnceStopped() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    EmbeddedTimeSeries second = new EmbeddedTimeSeries(root.resolve("second"), "127.0.0.1", port);

    second.start();
    long tables = second.count("SELECT count() FROM tables()");
    second.stop();

    assertThat(tables).isEqualTo(Measurement.values().length);
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  private static long count(String table, String deviceId) {
    return questdb.count("SELECT count() FROM " + table + " WHERE device_id = '" + deviceId + "'");
  }

  private static Envelope press(int seq) {
    return Envelope.newBuilder().setSeq(seq).setBootId(1)
        .setEmergencyButton(EmergencyButton.newBuilder().setAction(EmergencyButton.Action.PRESS))
        .build();
  }

  private static DeviceTags tags(String deviceId) {
    return new DeviceTags("c1", "g1", "h1", "kind", deviceId);
  }

  /** TCP ports this JVM listens on, from /proc/net/tcp (state 0A) matched to our socket inodes. */
  private static List<Integer> listeningPortsOfThisProcess() throws Exception {
    java.util.Set<String> ourInodes;
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      ourInodes = fds.map(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString();
        } catch (Exception e) {
          return "";
        }
      })
          .filter(link -> link.startsWith("socket:["))
          .map(link -> link.substring(8, link.length() - 1))
          .collect(Collectors.toSet());
    }
    return Files.readAllLines(Path.of("/proc/net/tcp")).stream().skip(1)
        .map(line -> line.trim().split("\\s+"))
        .filter(cols -> "0A".equals(cols[3]) && ourInodes.contains(cols[9]))
        .map(cols -> Integer.parseInt(cols[1].substring(cols[1].indexOf(':') + 1), 16))
        .distinct()
        .collect(Collectors.toList());
  }
}

package io.shouwang.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shouwang.gateway.embedded.EmbeddedTimeSeries;
import io.shouwang.gateway.storage.influx.InfluxDbConfig;
import io.shouwang.gateway.storage.influx.InfluxDbStore;
import io.shouwang.gateway.storage.spool.DiskSpool;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.Heartbeat;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The writer against a real QuestDB through the real influxdb-client-java store. */
@Timeout(300)
class PointWriterQuestDbIT {

  private static final String TOKEN = "it-token-never-printed";
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final Instant BASE = Instant.parse("2026-11-21T08:00:00Z");

  @TempDir static Path questDir;
  private static EmbeddedTimeSeries questdb;

  @TempDir Path spoolDir;
  private Vertx vertx;
  private InfluxDbStore store;
  private PointWriter writer;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<String> deadLetters = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startQuestDb() {
    questdb = new EmbeddedTimeSeries(questDir, "127.0.0.1", 0);
    questdb.start();
  }

  @AfterAll
  static void stopQuestDb() {
    questdb.stop();
  }

  @BeforeEach
  void setUp() {
    questdb.start(); // no-op unless a failed test left it stopped
    vertx = Vertx.vertx();
    store = new InfluxDbStore(InfluxDbConfig.of(questdb.url(), "shouwang", "shouwang", TOKEN));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (writer != null) {
      result(writer.stop());
    }
    store.close();
    result(vertx.close());
  }

  @Test
  void twentyThousandLinesArriveAsExactlyTwentyThousandRows() throws Exception {
    writer = started(PointWriterOptions.defaults());
    int n = 20_000;

    long start = System.nanoTime();
    List<Future<Void>> futures = writeHeartbeats("it-bulk", 0, n);
    awaitAll(futures);
    long acknowledged = System.nanoTime();
    await().atMost(PATIENCE).until(() -> count("it-bulk") == n);
    long visible = System.nanoTime();

    assertThat(count("it-bulk")).isEqualTo(n);
    assertThat(deadLetters).isEmpty();
    assertThat(writer.health().spooledBatches()).isZero();
    report("bulk", n, start, acknowledged, visible);
  }

  @Test
  void anOutageSpoolsAndTheRestartDeliversEveryPointExactlyOnce() throws Exception {
    writer = started(new PointWriterOptions(500, Duration.ofMillis(20), Duration.ofMillis(200)));
    awaitAll(writeHeartbeats("it-outage", 0, 2_000));

    questdb.stop();
    awaitAll(writeHeartbeats("it-outage", 2_000, 3_000)); // succeed: durably spooled
    WriterHealth duringOutage = writer.health();
    double spooled = meters.get("shouwang.points.spooled").counter().count();
    long restartAt = System.nanoTime();
    questdb.start();
    awaitAll(writeHeartbeats("it-outage", 5_000, 1_000));

    assertThat(duringOutage.storeReachable()).isFalse();
    assertThat(duringOutage.spooledBatches()).isPositive();
    assertThat(duringOutage.spooledBytes()).isPositive();
    assertThat(spooled).isGreaterThanOrEqualTo(3_000);
    await().atMost(PATIENCE).until(() -> writer.health().spooledBatches() == 0);
    await().atMost(PATIENCE).until(() -> count("it-outage") == 6_000);
    long drained = System.nanoTime();
    assertThat(count("it-outage")).isEqualTo(6_000);
    assertThat(questdb.count(
            "SELECT count_distinct(seq) FROM heartbeat WHERE household = 'it-outage'"))
        .isEqualTo(6_000);
    assertThat(meters.get("shouwang.points.replayed").counter().count())
        .isGreaterThanOrEqualTo(3_000);
    assertThat(writer.health().storeReachable()).isTrue();
    System.out.printf("outage: %.0f points spooled, replayed and visible %d ms after restart%n",
        spooled, TimeUnit.NANOSECONDS.toMillis(drained - restartAt));
  }

  @Test
  void aLineQuestDbRefusesIsDeadLetteredWhileTheRestOfItsBatchIsStored() throws Exception {
    writer = started(new PointWriterOptions(10, Duration.ofSeconds(5), Duration.ofSeconds(1)));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      lines.add(heartbeat("it-clash", i));
    }
    String clash = lines.get(6).replaceFirst("battery_percent=[0-9.]+", "battery_percent=\"high\"");
    lines.set(6, clash);

    List<Future<Void>> futures = new ArrayList<>();
    lines.forEach(line -> futures.add(writer.write(line)));
    awaitAll(futures);

    assertThat(deadLetters).hasSize(1);
    assertThat(deadLetters.get(0))
        .startsWith(clash + " <- ")
        .contains("HTTP 400", "battery_percent")
        .doesNotContain(TOKEN);
    assertThat(meters.get("shouwang.points.rejected").counter().count()).isEqualTo(1);
    await().atMost(PATIENCE).until(() -> count("it-clash") == 9);
    assertThat(questdb.count(
        "SELECT count() FROM heartbeat WHERE household = 'it-clash' AND seq = 6")).isZero();
  }

  @Test
  void theStoreAgainstAStoppedServerFailsRetryablyWithoutTheToken() {
    questdb.stop();

    StoreException e =
        catchThrowableOfType(
            StoreException.class, () -> store.write(List.of(heartbeat("it-down", 0))));

    assertThat(e.retryable()).isTrue();
    assertThat(e.badData()).isFalse();
    assertThat(e.getMessage()).contains(questdb.url()).doesNotContain(TOKEN);
    assertThat(store.ping()).isFalse();
    questdb.start();
    assertThat(store.ping()).isTrue();
  }

  private PointWriter started(PointWriterOptions options) throws Exception {
    PointWriter started =
        new PointWriter(vertx, "telemetry", store, new DiskSpool(spoolDir, 256L << 20), options,
            meters, (line, reason) -> deadLetters.add(line + " <- " + reason));
    result(started.start());
    return started;
  }

  private List<Future<Void>> writeHeartbeats(String household, int from, int n) {
    List<Future<Void>> futures = new ArrayList<>(n);
    for (int i = from; i < from + n; i++) {
      futures.add(writer.write(heartbeat(household, i)));
    }
    return futures;
  }

  /** Point i of a household: 100 devices, one point per device per second, seq = i. */
  private static String heartbeat(String household, int i) {
    Envelope envelope = Envelope.newBuilder().setSeq(i).setBootId(1)
        .setHeartbeat(Heartbeat.newBuilder().setBatteryPercent(50 + i % 50).setSignalDbm(-70)
            .setFirmware("1.0").setUptimeS(i).setMainsPowered(false))
        .build();
    DeviceTags tags = new DeviceTags("c1", "g1", household, "button", household + "-" + i % 100);
    return PointMapper.toLine(envelope, tags, BASE.plusSeconds(i / 100).plusMillis(i % 100), false)
        .orElseThrow();
  }

  private static long count(String household) {
    return questdb.count("SELECT count() FROM heartbeat WHERE household = '" + household + "'");
  }

  private static void report(String what, int n, long start, long acknowledged, long visible) {
    double ackSeconds = (acknowledged - start) / 1e9;
    double visibleSeconds = (visible - start) / 1e9;
    System.out.printf("%s: %d points acknowledged in %.2f s (%.0f points/s), all visible after"
        + " %.2f s (%.0f rows/s)%n", what, n, ackSeconds, n / ackSeconds, visibleSeconds,
        n / visibleSeconds);
  }

  private static void awaitAll(List<Future<Void>> futures) throws Exception {
    for (Future<Void> future : futures) {
      result(future);
    }
  }

  private static <T> T result(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}

package io.shouwang.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shouwang.gateway.storage.spool.DiskSpool;
import io.shouwang.gateway.storage.spool.SpoolFullException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class PointWriterTest {

  private static final Duration LONG = Duration.ofHours(1);
  private static final Duration RETRY = Duration.ofMillis(50);

  @TempDir Path spoolDir;
  private Vertx vertx;
  private final FakeStore store = new FakeStore();
  private final MeterRegistry meters = new SimpleMeterRegistry();
  private final List<String> deadLetters = new CopyOnWriteArrayList<>();
  private final List<PointWriter> writers = new ArrayList<>();

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopAll() throws Exception {
    store.open();
    for (PointWriter writer : writers) {
      result(writer.stop());
    }
    result(vertx.close());
  }

  @Test
  void flushesOneRequestWhenTheBatchIsFull() throws Exception {
    PointWriter writer = started(new PointWriterOptions(3, LONG, LONG), 1_000_000);

    List<Future<Void>> futures = write(writer, "m f=1 1", "m f=2 2", "m f=3 3");
    Future<Void> fourth = writer.write("m f=4 4");

    awaitAll(futures);
    assertThat(store.requests).containsExactly(List.of("m f=1 1", "m f=2 2", "m f=3 3"));
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
        .until(() -> !fourth.isComplete() && store.requests.size() == 1);
  }

  @Test
  void flushesAPartialBatchOnceTheLingerElapsed() throws Exception {
    PointWriter writer =
        started(new PointWriterOptions(1000, Duration.ofMillis(100), LONG), 1_000_000);

    awaitAll(write(writer, "m f=1 1", "m f=2 2"));

    assertThat(store.requests).containsExactly(List.of("m f=1 1", "m f=2 2"));
  }

  @Test
  void withoutLingerWritesAtOnceAndBatchesWhatArrivedWhileTheStoreWasBusy() throws Exception {
    PointWriter writer = started(new PointWriterOptions(500, Duration.ZERO, LONG), 1_000_000);
    store.hold();

    Future<Void> first = writer.write("e n=1 1");
    await().until(() -> store.refusals.isEmpty() && !first.isComplete());
    List<Future<Void>> rest = write(writer, "e n=2 2", "e n=3 3", "e n=4 4");
    store.open();
    awaitAll(rest);

    assertThat(store.requests)
        .containsExactly(List.of("e n=1 1"), List.of("e n=2 2", "e n=3 3", "e n=4 4"));
  }

  @Test
  void retryableFailureSpoolsTheBatchAndStillCompletesTheFuture() throws Exception {
    store.down(0);
    PointWriter writer = started(new PointWriterOptions(10, Duration.ZERO, LONG), 1_000_000);

    awaitAll(write(writer, "m f=1 1"));

    assertThat(store.stored).isEmpty();
    assertThat(writer.health()).satisfies(h -> {
      assertThat(h.storeReachable()).isFalse();
      assertThat(h.spooledBatches()).isEqualTo(1);
      assertThat(h.spooledBytes()).isEqualTo("m f=1 1\n".length());
    });
    assertThat(counter("shouwang.points.spooled")).isEqualTo(1);
    assertThat(meters.get("shouwang.write.failures").tag("reason", "unreachable").counter().count())
        .isEqualTo(1);
  }

  @Test
  void keepsOrderAcrossAnOutageWithNewLinesQueuedBehindTheSpool() throws Exception {
    store.down(503);
    PointWriter writer = started(new PointWriterOptions(2, Duration.ZERO, RETRY), 1_000_000);

    awaitAll(write(writer, "m n=1 1", "m n=2 2"));
    awaitAll(write(writer, "m n=3 3"));
    store.up();
    awaitAll(write(writer, "m n=4 4", "m n=5 5"));

    await().untilAsserted(() -> assertThat(store.stored)
        .containsExactly("m n=1 1", "m n=2 2", "m n=3 3", "m n=4 4", "m n=5 5"));
    await().until(() -> writer.health().spooledBatches() == 0 && writer.health().storeReachable());
    assertThat(counter("shouwang.points.replayed")).isGreaterThanOrEqualTo(3);
  }

  @Test
  void isolatesExactlyTheBadLineIntoTheDeadLetterSinkAndStoresTheRest() throws Exception {
    PointWriter writer = started(new PointWriterOptions(8, LONG, LONG), 1_000_000);
    List<String> lines = new ArrayList<>();
    IntStream.rangeClosed(1, 8).forEach(i -> lines.add("m n=" + i + " " + i));
    lines.set(4, "m n=BAD 5");

    awaitAll(write(writer, lines.toArray(String[]::new)));

    assertThat(deadLetters).containsExactly("m n=BAD 5 <- HTTP 400: unable to parse: bad field");
    assertThat(store.stored).containsExactly(
        "m n=1 1", "m n=2 2", "m n=3 3", "m n=4 4", "m n=6 6", "m n=7 7", "m n=8 8");
    assertThat(counter("shouwang.points.rejected")).isEqualTo(1);
    assertThat(counter("shouwang.points.written")).isEqualTo(7);
    assertThat(writer.health().spooledBatches()).isZero();
  }

  @Test
  void anOutageDuringIsolationSpoolsTheUnwrittenRestInOrder() throws Exception {
    PointWriter writer = started(new PointWriterOptions(8, LONG, RETRY), 1_000_000);
    List<String> lines = new ArrayList<>();
    IntStream.rangeClosed(1, 8).forEach(i -> lines.add("m n=" + i + " " + i));
    lines.set(1, "m n=BAD 2");
    store.downAfter(5); // whole, first half, first quarter, line 1, line 2; then [3, 4] fails

    awaitAll(write(writer, lines.toArray(String[]::new)));
    assertThat(writer.health().spooledBatches()).isEqualTo(1);
    store.up();

    await().untilAsserted(() -> assertThat(store.stored).containsExactly(
        "m n=1 1", "m n=3 3", "m n=4 4", "m n=5 5", "m n=6 6", "m n=7 7", "m n=8 8"));
    assertThat(deadLetters).containsExactly("m n=BAD 2 <- HTTP 400: unable to parse: bad field");
    assertThat(counter("shouwang.points.spooled")).isEqualTo(6);
  }

  @Test
  void aRejectedTokenKeepsTheDataInTheSpoolInsteadOfDeadLetteringIt() throws Exception {
    store.down(401);
    PointWriter writer = started(new PointWriterOptions(10, Duration.ZERO, LONG), 1_000_000);

    awaitAll(write(writer, "m f=1 1", "m f=2 2"));

    assertThat(deadLetters).isEmpty();
    assertThat(counter("shouwang.points.spooled")).isEqualTo(2);
    assertThat(writer.health().spooledBatches()).isPositive();
    assertThat(
            meters.get("shouwang.write.failures").tag("reason", "unauthorized").counter().count())
        .isEqualTo(1);
  }

  @Test
  void failsTheFutureAndReportsFullWhenTheSpoolIsFullWhileTheStoreIsDown() throws Exception {
    store.down(0);
    PointWriter writer = started(new PointWriterOptions(1, Duration.ZERO, LONG), 24);
    awaitAll(write(writer, "m f=1 1000000000000")); // 20 bytes of 24

    Future<Void> refused = writer.write("m f=2 2000000000000");

    assertThatThrownBy(() -> result(refused))
        .hasCauseInstanceOf(SpoolFullException.class);
    assertThat(writer.health().spoolFull()).isTrue();
    assertThat(meters.get("shouwang.spool.full").gauge().value()).isEqualTo(1.0);
    assertThat(meters.get("shouwang.write.failures").tag("reason", "spool_full").counter().count())
        .isEqualTo(1);
  }

  @Test
  void replaysASpoolLeftByAPreviousRunOnStart() throws Exception {
    DiskSpool previousRun = new DiskSpool(spoolDir, 1_000_000);
    previousRun.open();
    previousRun.append(List.of("m n=1 1", "m n=2 2"));
    previousRun.append(List.of("m n=3 3"));

    PointWriter writer = started(new PointWriterOptions(10, Duration.ZERO, RETRY), 1_000_000);
    awaitAll(write(writer, "m n=4 4"));

    await().untilAsserted(() -> assertThat(store.stored)
        .containsExactly("m n=1 1", "m n=2 2", "m n=3 3", "m n=4 4"));
    await().until(() -> writer.health().spooledBatches() == 0);
    assertThat(counter("shouwang.points.replayed")).isGreaterThanOrEqualTo(3);
  }

  @Test
  void stopFlushesWhatIsPendingBeforeItCompletes() throws Exception {
    PointWriter writer = started(new PointWriterOptions(1000, LONG, LONG), 1_000_000);
    List<Future<Void>> pending = write(writer, "m n=1 1", "m n=2 2");

    result(writer.stop());

    assertThat(pending).allMatch(Future::succeeded);
    assertThat(store.stored).containsExactly("m n=1 1", "m n=2 2");
    assertThat(writer.write("m n=3 3").failed()).isTrue();
  }

  @Test
  void refusesNewLinesBeyondThePendingBoundInsteadOfGrowingWithoutLimit() throws Exception {
    PointWriter writer = started(new PointWriterOptions(2, Duration.ZERO, LONG, 2), 1_000_000);
    store.hold();

    List<Future<Void>> accepted = write(writer, "m n=1 1", "m n=2 2");
    Future<Void> refused = writer.write("m n=3 3");

    assertThat(refused.failed()).isTrue();
    assertThat(refused.cause()).isInstanceOf(WriterOverloadedException.class);
    store.open();
    awaitAll(accepted);
    assertThat(meters.get("shouwang.write.failures").tag("reason", "overloaded").counter().count())
        .isEqualTo(1);
  }

  @Test
  void refusesALineThatIsNotExactlyOneLine() throws Exception {
    PointWriter writer = started(new PointWriterOptions(10, Duration.ZERO, LONG), 1_000_000);

    assertThat(writer.write("m f=1 1\nm f=2 2").cause())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(writer.write("").cause()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void completesEachCallerOnItsOwnEventLoop() throws Exception {
    PointWriter writer = started(new PointWriterOptions(2, Duration.ZERO, LONG), 1_000_000);
    Context first = vertx.getOrCreateContext();
    Context second = vertx.getOrCreateContext();
    Promise<Boolean> firstOnOwnLoop = Promise.promise();
    Promise<Boolean> secondOnOwnLoop = Promise.promise();

    first.runOnContext(v -> writer.write("m n=1 1")
        .onComplete(ar -> firstOnOwnLoop.complete(Vertx.currentContext() == first)));
    second.runOnContext(v -> writer.write("m n=2 2")
        .onComplete(ar -> secondOnOwnLoop.complete(Vertx.currentContext() == second)));

    assertThat(result(firstOnOwnLoop.future())).isTrue();
    assertThat(result(secondOnOwnLoop.future())).isTrue();
  }

  private PointWriter started(PointWriterOptions options, long spoolBytes) throws Exception {
    PointWriter writer =
        new PointWriter(
            vertx, "t", store, new DiskSpool(spoolDir, spoolBytes), options, meters,
            (line, reason) -> deadLetters.add(line + " <- " + reason));
    writers.add(writer);
    result(writer.start());
    return writer;
  }

  private double counter(String name) {
    return meters.get(name).tag("writer", "t").counter().count();
  }

  private static List<Future<Void>> write(PointWriter writer, String... lines) {
    List<Future<Void>> futures = new ArrayList<>();
    for (String line : lines) {
      futures.add(writer.write(line));
    }
    return futures;
  }

  private static void awaitAll(List<Future<Void>> futures) throws Exception {
    for (Future<Void> future : futures) {
      result(future);
    }
  }

  static <T> T result(Future<T> future) throws InterruptedException, ExecutionException,
      java.util.concurrent.TimeoutException {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}

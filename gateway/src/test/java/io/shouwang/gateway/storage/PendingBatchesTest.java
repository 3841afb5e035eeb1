package io.shouwang.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PendingBatchesTest {

  private static final Duration LINGER = Duration.ofMillis(10);
  private static final Duration LONG = Duration.ofHours(1);

  private Vertx vertx;
  private final AtomicInteger sealedByLinger = new AtomicInteger();

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void batchesSealedWhileTheWorkerWasBusyGoAsOneRequest() throws Exception {
    PendingBatches pending = pending(100);
    Future<Void> first = pending.add("m n=1 1", null);
    await().until(() -> sealedByLinger.get() == 1);
    Future<Void> second = pending.add("m n=2 2", null);
    await().until(() -> sealedByLinger.get() == 2);

    Batch batch = pending.take(false);
    batch.complete(Future.succeededFuture());

    assertThat(batch.lines()).containsExactly("m n=1 1", "m n=2 2");
    assertThat(pending.take(false)).isNull();
    assertThat(first.succeeded()).isTrue();
    assertThat(second.succeeded()).isTrue();
  }

  @Test
  void mergingStopsAtTheBatchLimitAndKeepsTheOrder() throws Exception {
    PendingBatches pending = pending(3);
    pending.add("m n=1 1", null);
    pending.add("m n=2 2", null);
    await().until(() -> sealedByLinger.get() == 1);
    pending.add("m n=3 3", null);
    pending.add("m n=4 4", null);
    await().until(() -> sealedByLinger.get() == 2);

    assertThat(pending.take(false).lines()).containsExactly("m n=1 1", "m n=2 2");
    assertThat(pending.take(false).lines()).containsExactly("m n=3 3", "m n=4 4");
  }

  @Test
  void aFailedMergedRequestFailsEveryCallerOfEveryMergedBatch() throws Exception {
    PendingBatches pending = pending(100);
    Future<Void> first = pending.add("m n=1 1", null);
    await().until(() -> sealedByLinger.get() == 1);
    Future<Void> second = pending.add("m n=2 2", null);
    await().until(() -> sealedByLinger.get() == 2);

    pending.take(false).complete(Future.failedFuture(new IllegalStateException("spool full")));

    assertThat(first.failed()).isTrue();
    assertThat(second.failed()).isTrue();
  }

  private PendingBatches pending(int maxBatchLines) {
    return new PendingBatches(vertx, new PointWriterOptions(maxBatchLines, LINGER, LONG),
        sealedByLinger::incrementAndGet);
  }
}

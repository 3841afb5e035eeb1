package io.shouwang.gateway.notify;

import static io.shouwang.gateway.notify.Futures.await;
import static io.shouwang.gateway.notify.Futures.failure;
import static io.shouwang.gateway.notify.Futures.printed;
import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.alerting.notify.ChannelException;
import io.shouwang.alerting.notify.NotificationChannel;
import io.shouwang.alerting.notify.Page;
import io.shouwang.gateway.testing.FreePorts;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every HTTP-backed channel passes against a real local HTTP server: 2xx succeeds,
 * 5xx/429/408/timeouts/refused connections fail retryable, other 4xx fail for good, every request
 * carries the page's idempotency key, and no secret or contact detail reaches an exception or a
 * log line. A channel's test extends this class and says how to build the channel.
 */
@Timeout(60)
public abstract class HttpChannelContract {

  /** Short enough to keep the test quick, long enough for a loaded 2-core machine to connect. */
  private static final Duration SHORT_TIMEOUT = Duration.ofMillis(700);
  private static final Duration NORMAL_TIMEOUT = Duration.ofSeconds(20);

  protected Vertx vertx;
  protected FakeReceiver receiver;
  private LogCapture logs;

  /** The channel under test, sending to {@code url} with the given timeout. */
  protected abstract NotificationChannel channel(Vertx vertx, String url, Duration timeout);

  /** The path and query the channel is configured with; may hold a token. */
  protected abstract String pathAndQuery();

  /** The configured secrets (HMAC keys, API keys, tokens) that must never be shown. */
  protected abstract List<String> secrets();

  @BeforeEach
  void startReceiver() throws Exception {
    logs = new LogCapture();
    vertx = Vertx.vertx();
    receiver = FakeReceiver.start(vertx);
  }

  @AfterEach
  void noSecretOrContactDetailInAnyLogLine() throws Exception {
    try {
      for (String line : logs.lines()) {
        assertThat(line).doesNotContain(forbidden());
      }
    } finally {
      logs.close();
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @ParameterizedTest(name = "HTTP {0} -> delivered")
  @ValueSource(ints = {200, 201, 202, 204})
  void successfulAnswerCompletesWithAReceipt(int status) throws Exception {
    receiver.answer(status);

    String receipt = await(channel().send(page()));

    assertThat(receipt).contains(String.valueOf(status));
    assertThat(receiver.received()).hasSize(1);
  }

  @Test
  void everyAttemptCarriesThePagesIdempotencyKey() throws Exception {
    receiver.answer(503);
    NotificationChannel channel = channel();
    Page page = page();

    failure(channel.send(page));
    receiver.answer(200);
    await(channel.send(page));

    assertThat(receiver.received()).hasSize(2)
        .allSatisfy(request -> assertThat(request.headers().get("Idempotency-Key"))
            .isEqualTo(page.idempotencyKey()));
  }

  @ParameterizedTest(name = "HTTP {0} -> retryable={1}")
  @CsvSource({
    "500, true", "502, true", "503, true", "504, true", "429, true", "408, true",
    "400, false", "401, false", "403, false", "404, false", "409, false", "413, false",
    "422, false"
  })
  void refusalIsClassifiedByStatus(int status, boolean retryable) throws Exception {
    receiver.answer(status);

    ChannelException e = failure(channel().send(page()));

    assertThat(e.status()).isEqualTo(status);
    assertThat(e.retryable()).isEqualTo(retryable);
    assertThat(e.getMessage()).contains(String.valueOf(status));
    assertNothingLeaksFrom(e);
  }

  @Test
  void keyThatWouldInjectAHeaderIsRefusedForGoodAndNothingIsSent() throws Exception {
    Page valid = page();
    Page injecting = new Page(valid.idempotencyKey() + "\r\nX-Injected: 1", valid.incidentId(),
        valid.channel(), valid.recipient(), valid.title(), valid.body(), valid.acceptUrl(),
        valid.data(), valid.createdAt());

    ChannelException e = failure(channel().send(injecting));

    assertThat(e.retryable()).isFalse();
    assertThat(e.status()).isEqualTo(400);
    assertThat(receiver.received()).isEmpty();
    assertNothingLeaksFrom(e);
  }

  @Test
  void receiverThatNeverAnswersTimesOutRetryable() throws Exception {
    receiver.neverAnswer();
    NotificationChannel channel = channel(vertx, receiver.url(pathAndQuery()), SHORT_TIMEOUT);
    long start = System.nanoTime();

    ChannelException e = failure(channel.send(page()));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(e.retryable()).isTrue();
    assertThat(e.status()).isZero();
    assertThat(receiver.received()).hasSize(1);
    assertNothingLeaksFrom(e);
  }

  @Test
  void unreachableReceiverIsRetryable() throws Exception {
    String closedPort = "http://127.0.0.1:" + FreePorts.next() + pathAndQuery();

    ChannelException e = failure(channel(vertx, closedPort, NORMAL_TIMEOUT).send(page()));

    assertThat(e.retryable()).isTrue();
    assertThat(e.status()).isZero();
    assertNothingLeaksFrom(e);
  }

  /** The channel under test with a generous timeout, pointed at the fake receiver. */
  protected NotificationChannel channel() {
    return channel(vertx, receiver.url(pathAndQuery()), NORMAL_TIMEOUT);
  }

  /** The page sent; its recipient has a phone and an e-mail address. */
  protected Page page() {
    return Pages.page(channel().name());
  }

  private void assertNothingLeaksFrom(ChannelException e) {
    assertThat(printed(e)).doesNotContain(forbidden());
  }

  private String[] forbidden() {
    List<String> all = new ArrayList<>(secrets());
    all.add(Pages.PHONE);
    all.add(Pages.EMAIL);
    return all.toArray(String[]::new);
  }
}

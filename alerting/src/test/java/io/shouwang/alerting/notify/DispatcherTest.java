package io.shouwang.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shouwang.alerting.DeliveryStatus;
import io.shouwang.alerting.config.DispatchSettings;
import io.shouwang.alerting.testing.FakeChannel;
import io.shouwang.alerting.testing.ManualScheduler;
import io.shouwang.alerting.testing.MutableClock;
import io.shouwang.alerting.testing.TaskQueue;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DispatcherTest {

  private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

  /** Queue of 3, 1 in flight, 10 s timeout, 4 attempts, backoff 1 s doubling to at most 5 s. */
  private static final DispatchSettings SETTINGS = new DispatchSettings(3, 1,
      Duration.ofSeconds(10), 4, Duration.ofSeconds(1), Duration.ofSeconds(5), 2.0);

  private final MutableClock clock = new MutableClock(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final TaskQueue loop = new TaskQueue();
  private final List<DeliveryReport> reports = new ArrayList<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final FakeChannel sms = new FakeChannel("sms", clock);
  private final FakeChannel webhook = new FakeChannel("webhook", clock);
  private Dispatcher dispatcher;

  @BeforeEach
  void createDispatcher() {
    scheduler.settleWith(loop::runAll);
    // Full backoff, no jitter: the test reads exact retry times.
    dispatcher = new Dispatcher(List.of(sms, webhook), SETTINGS, scheduler, loop, reports::add,
        new HandoffTiming(clock, meters), meters, () -> 1.0);
  }

  @Test
  void retryableFailureIsRetriedWithExponentialBackoff() {
    // GIVEN an SMS gateway that answers 503 twice
    sms.thenFailOnce(503).thenFailOnce(503);

    // WHEN a page is submitted and time passes
    submit("sms", "p1");
    scheduler.advance(Duration.ofSeconds(30));

    // THEN it was tried at 0 s, 1 s and 3 s (backoff 1 s, then 2 s) and sent the third time
    assertThat(sms.attempts()).extracting(FakeChannel.Attempt::at)
        .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(3));
    assertThat(reports).extracting(DeliveryReport::status).containsExactly(
        DeliveryStatus.QUEUED, DeliveryStatus.QUEUED, DeliveryStatus.SENT);
    assertThat(reports.get(0).error()).contains("503");
    assertThat(reports.get(2).attempts()).isEqualTo(3);
  }

  @Test
  void tooManyRequestsIsRetried() {
    // GIVEN a gateway that answers 429 once
    sms.thenFailOnce(429);

    // WHEN a page is submitted
    submit("sms", "p1");
    scheduler.advance(Duration.ofSeconds(5));

    // THEN it is sent on the second attempt
    assertThat(last().status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(last().attempts()).isEqualTo(2);
  }

  @Test
  void clientErrorIsNotRetried() {
    // GIVEN a gateway that answers 400 (the request itself is wrong)
    sms.failingWith(400);

    // WHEN a page is submitted and a minute passes
    submit("sms", "p1");
    scheduler.advance(Duration.ofMinutes(1));

    // THEN it failed after one attempt, with the reason recorded
    assertThat(sms.attempts()).hasSize(1);
    assertThat(reports).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(DeliveryStatus.FAILED);
      assertThat(r.attempts()).isEqualTo(1);
      assertThat(r.error()).contains("(status 400)");
    });
  }

  @Test
  void pageFailsWhenAttemptsRunOut() {
    // GIVEN a gateway that is down for good
    sms.failingWith(502);

    // WHEN a page is submitted and time passes
    submit("sms", "p1");
    scheduler.advance(Duration.ofMinutes(1));

    // THEN it was tried 4 times (0, 1, 3, 7 s) and then failed
    assertThat(sms.attempts()).extracting(FakeChannel.Attempt::at).containsExactly(
        T0, T0.plusSeconds(1), T0.plusSeconds(3), T0.plusSeconds(7));
    assertThat(last().status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(last().attempts()).isEqualTo(4);
  }

  @Test
  void timeoutCountsAsARetryableFailure() {
    // GIVEN a gateway that never answers
    sms.hanging();

    // WHEN a page is submitted and the 10 s timeout passes
    submit("sms", "p1");
    scheduler.advance(Duration.ofSeconds(10));

    // THEN the attempt failed as a timeout and a retry follows 1 s later
    assertThat(last().status()).isEqualTo(DeliveryStatus.QUEUED);
    assertThat(last().error()).contains("timed out");
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(sms.attempts()).hasSize(2);
  }

  @Test
  void fullQueueRefusesThePageAsAnOverflowAndCountsIt() {
    // GIVEN a lane of 3 whose channel never answers
    sms.hanging();
    submit("sms", "p1");
    submit("sms", "p2");
    submit("sms", "p3");

    // WHEN a fourth page comes
    submit("sms", "p4");

    // THEN it fails at once as an overflow, and the metric says so
    assertThat(reports).singleElement().satisfies(r -> {
      assertThat(r.idempotencyKey()).isEqualTo("p4");
      assertThat(r.status()).isEqualTo(DeliveryStatus.FAILED);
      assertThat(r.overflow()).isTrue();
      assertThat(r.error()).contains("queue full");
    });
    assertThat(meters.get("shouwang.alerting.page.queue.overflow").tag("channel", "sms")
        .counter().count()).isEqualTo(1.0);
    assertThat(dispatcher.queued("sms")).isEqualTo(3);
  }

  @Test
  void slowChannelDoesNotDelayAnotherChannel() {
    // GIVEN an SMS gateway that never answers, with pages piling up in its lane
    sms.hanging();
    submit("sms", "p1");
    submit("sms", "p2");

    // WHEN a webhook page is submitted
    submit("webhook", "w1");

    // THEN it is sent at once
    assertThat(webhook.attempts()).extracting(FakeChannel.Attempt::at).containsExactly(T0);
    assertThat(reports).singleElement().satisfies(r -> {
      assertThat(r.idempotencyKey()).isEqualTo("w1");
      assertThat(r.status()).isEqualTo(DeliveryStatus.SENT);
    });
  }

  @Test
  void channelThatThrowsIsTreatedAsAFailedAttempt() {
    // GIVEN a channel whose send throws
    NotificationChannel broken = new NotificationChannel() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public boolean canReach(Recipient recipient) {
        return true;
      }

      @Override
      public Future<String> send(Page page) {
        throw new IllegalStateException("bug in channel");
      }
    };
    dispatcher = new Dispatcher(List.of(broken), SETTINGS, scheduler, loop, reports::add,
        new HandoffTiming(clock, meters), meters);

    // WHEN a page is submitted
    submit("broken", "b1");

    // THEN the failure is recorded (and retried, since nobody answered)
    assertThat(last().status()).isEqualTo(DeliveryStatus.QUEUED);
    assertThat(last().error()).isEqualTo("IllegalStateException");
  }

  @Test
  void cancelPendingSkipsWaitingPagesAndStopsRetries() {
    // GIVEN one page in flight on a hanging channel and one waiting behind it
    sms.hanging();
    submit("sms", "p1");
    submit("sms", "p2");

    // WHEN the incident is accepted
    dispatcher.cancelPending("inc-1", "accepted by cg-wu");
    loop.runAll();

    // THEN the waiting page is skipped, and the one in flight is skipped at its timeout
    assertThat(reports).singleElement().satisfies(r -> {
      assertThat(r.idempotencyKey()).isEqualTo("p2");
      assertThat(r.status()).isEqualTo(DeliveryStatus.SKIPPED);
    });
    scheduler.advance(Duration.ofMinutes(1));
    assertThat(sms.attempts()).hasSize(1);
    assertThat(last().idempotencyKey()).isEqualTo("p1");
    assertThat(last().status()).isEqualTo(DeliveryStatus.SKIPPED);
    assertThat(dispatcher.queued("sms")).isZero();
  }

  private void submit(String channel, String key) {
    Recipient recipient = new Recipient("cg-wu", "吴芳", "caregiver", "zh", "+86 1", null);
    dispatcher.submit(new Page(key, "inc-1", channel, recipient, "title", "body", null, Map.of(),
        clock.instant()), 0);
    loop.runAll();
  }

  private DeliveryReport last() {
    return reports.get(reports.size() - 1);
  }
}

package io.shouwang.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shouwang.alerting.config.DispatchSettings;
import io.shouwang.alerting.testing.FakeChannel;
import io.shouwang.alerting.testing.ManualScheduler;
import io.shouwang.alerting.testing.MutableClock;
import io.shouwang.alerting.testing.TaskQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HandoffTimingTest {

  private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
  private static final Instant PRESSED = T0.minusMillis(3);
  private static final Instant ARRIVED = T0.minusNanos(1_200_000);

  /** One page in flight at a time, so a second page waits for the first. */
  private static final DispatchSettings SETTINGS = new DispatchSettings(10, 1,
      Duration.ofSeconds(10), 3, Duration.ofSeconds(1), Duration.ofSeconds(5), 2.0);

  private final MutableClock clock = new MutableClock(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final TaskQueue loop = new TaskQueue();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final FakeChannel webhook = new FakeChannel("webhook", clock);
  private final HandoffTiming timing = new HandoffTiming(clock, meters);
  private Dispatcher dispatcher;

  @BeforeEach
  void createDispatcher() {
    scheduler.settleWith(loop::runAll);
    dispatcher = new Dispatcher(List.of(webhook), SETTINGS, scheduler, loop, report -> { },
        timing, meters);
  }

  @Test
  void pageCreatedWhileHandlingAMessageIsTimedFromItsArrivalAndItsDeviceTime() {
    // GIVEN a message pressed 3 ms and received 1.2 ms before now
    // WHEN handling it creates a page that goes out at once
    timing.during(ARRIVED, PRESSED, () -> submit("p1"));

    // THEN one hand-off is timed from each
    assertThat(handoff().count()).isEqualTo(1);
    assertThat(handoff().totalTime(TimeUnit.MICROSECONDS)).isEqualTo(1_200);
    assertThat(since("device_time").totalTime(TimeUnit.MICROSECONDS)).isEqualTo(3_000);
    assertThat(since("engine").count()).isEqualTo(1);
  }

  @Test
  void timeInTheEngineStartsWhenTheEngineTakesTheMessageUp() {
    // GIVEN the engine takes a message up 1.2 ms after its arrival
    // WHEN its page goes out 0.3 ms later
    timing.during(ARRIVED, PRESSED, () -> {
      clock.advance(Duration.ofNanos(300_000));
      return submit("p1");
    });

    // THEN the engine's share is 0.3 ms of the 1.5 ms since arrival
    assertThat(since("engine").totalTime(TimeUnit.MICROSECONDS)).isEqualTo(300);
    assertThat(handoff().totalTime(TimeUnit.MICROSECONDS)).isEqualTo(1_500);
  }

  @Test
  void pageWaitingForAFreeSlotIsTimedWhenItIsFinallyHandedOver() {
    // GIVEN a channel that never answers, and one slot per channel
    webhook.hanging();

    // WHEN one message creates two pages, and the first attempt times out after 10 s
    timing.during(ARRIVED, PRESSED, () -> {
      submit("p1");
      submit("p2");
      return null;
    });
    scheduler.advance(Duration.ofSeconds(10));

    // THEN the second page's hand-off counts the 10 s it waited for the slot
    assertThat(handoff().count()).isEqualTo(2);
    assertThat(handoff().max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(10_000);
  }

  @Test
  void retriesAndPagesFromTimersAreNotTimed() {
    // GIVEN a channel that fails once with a retryable 503
    webhook.thenFailOnce(503);

    // WHEN a message's page is retried, and a timer's page (no message) goes out
    timing.during(ARRIVED, PRESSED, () -> submit("p1"));
    scheduler.advance(Duration.ofSeconds(5));
    submit("p2");

    // THEN only the first attempt of the message's page was timed
    assertThat(webhook.attempts()).hasSize(3);
    assertThat(handoff().count()).isEqualTo(1);
  }

  @Test
  void reSendAfterARestartIsNotTimed() {
    // WHEN a page with earlier attempts is re-sent inside the handling of a message
    timing.during(ARRIVED, PRESSED, () -> {
      dispatcher.submit(page("p1"), 2);
      loop.runAll();
      return null;
    });

    // THEN it is not taken for an answer to that message
    assertThat(webhook.attempts()).hasSize(1);
    assertThat(meters.find("shouwang.alerting.page.handoff").timer()).isNull();
  }

  private Void submit(String key) {
    dispatcher.submit(page(key), 0);
    loop.runAll();
    return null;
  }

  private Page page(String key) {
    Recipient desk = new Recipient("duty-desk:c-1", "desk", "duty_desk", "zh", null, null);
    return new Page(key, "inc-1", "webhook", desk, "title", "body", null, Map.of(),
        clock.instant());
  }

  private Timer handoff() {
    return since("arrival");
  }

  private Timer since(String origin) {
    return meters.get("shouwang.alerting.page.handoff").tag("channel", "webhook")
        .tag("since", origin).timer();
  }
}

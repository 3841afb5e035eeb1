package io.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.testing.InMemoryIncidentStore;
import io.shouwang.alerting.testing.Messages;
import io.shouwang.alerting.testing.MutableClock;
import io.shouwang.alerting.testing.TestRegistry;
import io.shouwang.registry.Registry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PageHandoffTimingTest {

  private EngineHarness h;

  @AfterEach
  void stopEngine() {
    h.stop();
  }

  @Test
  void pressTimesEveryFirstStepPageFromItsArrivalButNotTheLaterSteps(Vertx vertx) {
    // GIVEN a running engine, and a press stamped 5 ms and received 2 ms before now
    Registry registry = TestRegistry.households(3);
    h = new EngineHarness(vertx, registry, AlertingConfig.defaults(),
        new InMemoryIncidentStore(), new MutableClock(EngineHarness.T0)).start();
    DeviceMessage stamped = Messages.press(registry, "btn-0001", 1, EngineHarness.T0);
    Instant pressed = EngineHarness.T0.minusMillis(5);
    Instant received = EngineHarness.T0.minusMillis(2);
    DeviceMessage press =
        new DeviceMessage(stamped.envelope(), stamped.device(), pressed, received);

    // WHEN it is handled
    h.deliver(press);
    int firstStepPages = h.pages().size();

    // THEN each first-step page's hand-off is timed: 2 ms since arrival, 5 ms since the press
    assertThat(firstStepPages).isPositive();
    assertThat(count("arrival")).isEqualTo(firstStepPages);
    assertThat(timers("arrival"))
        .allSatisfy(t -> assertThat(t.max(TimeUnit.MICROSECONDS)).isEqualTo(2_000));
    assertThat(timers("device_time"))
        .allSatisfy(t -> assertThat(t.max(TimeUnit.MICROSECONDS)).isEqualTo(5_000));

    // WHEN the next step is paged by its timer a minute later
    h.advance(Duration.ofSeconds(61));

    // THEN those pages answer no message and are not timed
    assertThat(h.pages().size()).isGreaterThan(firstStepPages);
    assertThat(count("arrival")).isEqualTo(firstStepPages);
  }

  private Collection<Timer> timers(String since) {
    return h.meters.find("shouwang.alerting.page.handoff").tag("since", since).timers();
  }

  private long count(String since) {
    return timers(since).stream().mapToLong(Timer::count).sum();
  }
}

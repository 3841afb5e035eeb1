package io.shouwang.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.gateway.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(5), clock);

  @Test
  void aUsernameIsRefusedAfterTooManyFailuresUntilTheOldestLeavesTheWindow() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.retryAfter("duty", "10.0.0.1")).isEmpty();
      throttle.failed("duty", "10.0.0.1");
      clock.advance(Duration.ofSeconds(60));
    }
    // Three failures at 0, 1 and 2 minutes; now is 3 minutes: the first leaves at 5.
    assertThat(throttle.retryAfter("duty", "10.0.0.2")).contains(Duration.ofMinutes(2));
    assertThat(throttle.retryAfter("other", "10.0.0.2")).isEmpty();

    clock.advance(Duration.ofMinutes(2));
    assertThat(throttle.retryAfter("duty", "10.0.0.1")).isEmpty();
  }

  @Test
  void oneAddressTryingManyUsernamesIsRefusedToo() {
    for (int i = 0; i < 12; i++) {
      throttle.failed("user" + i, "10.0.0.9");
    }
    assertThat(throttle.retryAfter("someone-new", "10.0.0.9")).isPresent();
    assertThat(throttle.retryAfter("someone-new", "10.0.0.10")).isEmpty();
  }

  @Test
  void successClearsTheUsernamesFailures() {
    throttle.failed("duty", "10.0.0.1");
    throttle.failed("duty", "10.0.0.1");
    throttle.succeeded("duty");
    throttle.failed("duty", "10.0.0.1");
    assertThat(throttle.retryAfter("duty", "10.0.0.1")).isEmpty();
  }
}
